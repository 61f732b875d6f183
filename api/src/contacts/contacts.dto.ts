import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CONTACT_TYPES,
  ContactType,
  CreateContactRequest,
  MAX_CONTACT_MINUTES,
  MAX_NOTE_LENGTH,
  Modality,
  MODALITIES,
  RECOVERY_DOMAINS,
  RecoveryDomain,
  UpdateContactRequest,
} from '@peerpath/contracts';
import { IsNotFutureInstant } from '../common/validators';

export class CreateContactDto implements CreateContactRequest {
  @ApiProperty() @IsNotFutureInstant() occurredAt!: string;
  @ApiProperty({ minimum: 1, maximum: MAX_CONTACT_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_CONTACT_MINUTES)
  durationMinutes!: number;
  @ApiProperty({ enum: MODALITIES }) @IsIn(MODALITIES) modality!: Modality;
  @ApiProperty({ enum: CONTACT_TYPES }) @IsIn(CONTACT_TYPES) contactType!: ContactType;
  @ApiProperty() @IsBoolean() successful!: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() billable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional({ enum: RECOVERY_DOMAINS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECOVERY_DOMAINS.length)
  @ArrayUnique()
  @IsIn(RECOVERY_DOMAINS, { each: true })
  topics?: RecoveryDomain[];
  @ApiPropertyOptional({ maxLength: MAX_NOTE_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
  @ApiPropertyOptional({ description: 'Sign the contact at once' }) @IsOptional() @IsBoolean() sign?: boolean;
}

export class UpdateContactDto implements UpdateContactRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsNotFutureInstant() occurredAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_CONTACT_MINUTES) durationMinutes?: number;
  @ApiPropertyOptional({ enum: MODALITIES }) @IsOptional() @IsIn(MODALITIES) modality?: Modality;
  @ApiPropertyOptional({ enum: CONTACT_TYPES }) @IsOptional() @IsIn(CONTACT_TYPES) contactType?: ContactType;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() successful?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() billable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional({ enum: RECOVERY_DOMAINS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECOVERY_DOMAINS.length)
  @ArrayUnique()
  @IsIn(RECOVERY_DOMAINS, { each: true })
  topics?: RecoveryDomain[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) note?: string;
}

export class SignContactDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class AddendumDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_NOTE_LENGTH) text!: string;
}
