import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CreateConsentRequest } from '@peerpath/contracts';
import { IsPastDate } from '../common/validators';

export class CreateConsentDto implements CreateConsentRequest {
  @ApiPropertyOptional({ description: 'Who may disclose; defaults to the clinic' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  disclosingParty?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() recipientResourceId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  recipientOrganization?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(500) generalDesignation?: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) purpose!: string;
  @ApiProperty({ description: 'How much and what kind of information may be disclosed' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  information!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsPastDate() signedAt!: string;
  @ApiPropertyOptional({ example: '2027-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresAt must be a date (YYYY-MM-DD)' })
  expiresAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(500) expiryEvent?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) representativeName?: string;
}

export class RevokeConsentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
