import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RequestEmergencyAccessDto {
  @ApiProperty({ description: 'The caller re-enters their own password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(1000) reason!: string;
}

export class ReviewEmergencyAccessDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class EmergencyAccessQuery {
  @ApiPropertyOptional({ enum: ['unreviewed', 'reviewed', 'all'] })
  @IsOptional()
  @IsIn(['unreviewed', 'reviewed', 'all'])
  state?: 'unreviewed' | 'reviewed' | 'all';
}
