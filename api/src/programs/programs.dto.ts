import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CreateProgramRequest } from '@peerpath/contracts';

export class CreateProgramDto implements CreateProgramRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({
    default: 14,
    description: 'Days without a successful contact before a client is overdue',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  overdueContactDays?: number;
}
