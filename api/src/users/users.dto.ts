import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  Matches,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import {
  CreateUserRequest,
  Credential,
  isValidNpi,
  MIN_PASSWORD_LENGTH,
  Role,
  ROLES,
  UpdateUserRequest,
} from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords';
import { IsCalendarDate } from '../common/validators';

/** A National Provider Identifier: 10 digits whose last is the Luhn check digit over 80840 + the first 9. */
function IsNpi() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNpi',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a 10-digit NPI with a valid check digit` },
      validator: { validate: (value: unknown) => isValidNpi(value) },
    });
}

export class CredentialDto implements Credential {
  @ApiProperty({ example: 'CPRS' }) @IsString() @MinLength(1) @MaxLength(40) type!: string;
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,60}$/, { message: 'number must be letters, digits or dashes' })
  number!: string;
  @ApiProperty({ example: '2027-06-30' }) @IsCalendarDate() expiresOn!: string;
}

/** Billing fields both create and update accept; null clears them. */
class StaffBillingFields {
  @ApiPropertyOptional({ type: CredentialDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  // ValidateNested alone lets a list through (it validates each element); a credential is one object.
  @IsObject()
  @ValidateNested()
  @Type(() => CredentialDto)
  credential?: CredentialDto | null;
  @ApiPropertyOptional({ nullable: true, example: '1234567893' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  npi?: string | null;
}

export class CreateUserDto extends StaffBillingFields implements CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  programIds!: string[];
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class UpdateUserDto extends StaffBillingFields implements UpdateUserRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  programIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, description: 'A reset: must be changed at sign-in' })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
}
