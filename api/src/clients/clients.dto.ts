import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  CLIENT_STATUSES,
  CONTACT_METHODS,
  ClientStatus,
  ContactMethod,
  CreateClientRequest,
  UpdateClientRequest,
} from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';
import { IsPastDate, SearchTerm } from '../common/validators';

const MEDICAID_ID = /^\s*[A-Za-z0-9-]{0,30}\s*$/;
const PHONE = /^[0-9+()\-.\s]{7,25}$/;

export class CreateClientDto implements CreateClientRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) preferredName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) pronouns?: string;
  @ApiProperty({ example: '1990-04-12' }) @IsPastDate() dateOfBirth!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) externalRecordNumber?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MEDICAID_ID, { message: 'medicaidId must be letters, digits or dashes (at most 30)' })
  medicaidId?: string;
  @ApiProperty() @IsUUID() programId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() primaryPeerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsPastDate() recoveryStartDate?: string;
  @ApiPropertyOptional({ enum: CONTACT_METHODS })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  preferredContactMethod?: ContactMethod;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmedNotDuplicate?: boolean;
}

export class UpdateClientDto implements UpdateClientRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) preferredName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) pronouns?: string;
  @ApiPropertyOptional() @IsOptional() @IsPastDate() dateOfBirth?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) externalRecordNumber?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MEDICAID_ID, { message: 'medicaidId must be letters, digits or dashes (at most 30)' })
  medicaidId?: string;
  @ApiPropertyOptional() @IsOptional() @IsPastDate() recoveryStartDate?: string;
  @ApiPropertyOptional({ enum: CONTACT_METHODS })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  preferredContactMethod?: ContactMethod;
}

export class ClientListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Name search (case- and accent-insensitive)' })
  @SearchTerm(100)
  q?: string;
  @ApiPropertyOptional({ enum: CLIENT_STATUSES }) @IsOptional() @IsIn(CLIENT_STATUSES) status?: ClientStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() primaryPeerId?: string;
}

export class DischargeDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class ReadmitDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() primaryPeerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class AssignPeerDto {
  @ApiProperty() @IsUUID() peerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CaseloadTransferDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  clientIds!: string[];
  @ApiProperty() @IsUUID() peerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CaseloadQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() peerId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}
