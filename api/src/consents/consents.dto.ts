import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  CONSENT_SIGNERS,
  ConsentSigner,
  CreateConsentRequest,
  CreateDisclosureRequest,
  DISCLOSURE_ELEMENTS,
  DisclosureElement,
  MANUAL_DISCLOSURE_CHANNELS,
  ManualDisclosureChannel,
  REVOCATION_METHODS,
  RevocationMethod,
  RevokeConsentRequest,
} from '@peerpath/contracts';
import { IsCalendarDate, IsPastDate } from '../common/validators';

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
  @ApiPropertyOptional({
    description: 'e.g. "my treating providers"; covers only treating-provider resources (42 CFR 2.31(a)(4))',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  generalDesignation?: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) purpose!: string;
  @ApiProperty({ description: 'How much and what kind of information may be disclosed' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  information!: string;
  @ApiPropertyOptional({
    enum: DISCLOSURE_ELEMENTS,
    isArray: true,
    description: 'The data elements the clinic may send; defaults to name, phone, need, urgency, note',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISCLOSURE_ELEMENTS.length)
  @ArrayUnique()
  @IsIn(DISCLOSURE_ELEMENTS, { each: true })
  elements?: DisclosureElement[];
  @ApiProperty({ example: '2026-11-01' }) @IsPastDate() signedAt!: string;
  @ApiPropertyOptional({ example: '2027-11-01' })
  @IsOptional()
  @IsCalendarDate()
  expiresAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(500) expiryEvent?: string;
  @ApiPropertyOptional({ enum: CONSENT_SIGNERS, description: 'Defaults to client' })
  @IsOptional()
  @IsIn(CONSENT_SIGNERS)
  signedBy?: ConsentSigner;
  @ApiPropertyOptional({ description: 'Required when a representative signed' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  representativeName?: string;
  @ApiProperty({
    description: 'The signer acknowledged the revocation statement (42 CFR 2.31(a)(6)); must be true',
  })
  @Equals(true, { message: 'revocationStatementAcknowledged must be true' })
  revocationStatementAcknowledged!: boolean;
  @ApiPropertyOptional({ description: 'The recipient is a HIPAA covered entity or business associate' })
  @IsOptional()
  @IsBoolean()
  recipientIsCoveredEntity?: boolean;
}

export class RevokeConsentDto implements RevokeConsentRequest {
  @ApiProperty({ enum: REVOCATION_METHODS }) @IsIn(REVOCATION_METHODS) method!: RevocationMethod;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateDisclosureDto implements CreateDisclosureRequest {
  @ApiProperty({ description: 'Who received it, by name' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  recipient!: string;
  @ApiPropertyOptional({ description: 'The directory resource that received it, when it is one' })
  @IsOptional()
  @IsUUID()
  recipientResourceId?: string;
  @ApiProperty({ description: 'How the recipient was reached: a person, phone or fax number' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  recipientContact!: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) purpose!: string;
  @ApiProperty({ enum: MANUAL_DISCLOSURE_CHANNELS })
  @IsIn(MANUAL_DISCLOSURE_CHANNELS)
  channel!: ManualDisclosureChannel;
  @ApiProperty({ enum: DISCLOSURE_ELEMENTS, isArray: true, description: 'The data elements actually sent' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISCLOSURE_ELEMENTS.length)
  @ArrayUnique()
  @IsIn(DISCLOSURE_ELEMENTS, { each: true })
  elements!: DisclosureElement[];
}
