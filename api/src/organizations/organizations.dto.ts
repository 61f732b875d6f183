import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import {
  BillingProfile,
  CONTACT_TYPES,
  ContactType,
  GROUP_TYPES,
  GroupType,
  MODALITIES,
  Modality,
  UpdateOrganizationRequest,
  isTimeZone,
} from '@peerpath/contracts';

/** A map from contact modality to a value: the keys are modalities, the values pass `check`. */
function IsModalityMap(check: (value: unknown) => boolean, what: string) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isModalityMap',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} maps a contact modality (${MODALITIES.join(', ')}) to ${what}` },
      validator: {
        validate: (value: unknown) =>
          !!value &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.entries(value).every(([k, v]) => (MODALITIES as readonly string[]).includes(k) && check(v)),
      },
    });
}

const isModifierList = (v: unknown) =>
  Array.isArray(v) && v.length <= 4 && v.every((m) => typeof m === 'string' && /^[A-Z0-9]{2}$/.test(m));
const isPlaceOfService = (v: unknown) => typeof v === 'string' && /^\d{2}$/.test(v);

export class BillingProfileDto implements Partial<BillingProfile> {
  @ApiPropertyOptional({ enum: MODALITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MODALITIES.length)
  @IsIn(MODALITIES, { each: true })
  billableModalities?: Modality[];

  @ApiPropertyOptional({ enum: CONTACT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTACT_TYPES.length)
  @IsIn(CONTACT_TYPES, { each: true })
  nonBillableContactTypes?: ContactType[];

  @ApiPropertyOptional({ enum: GROUP_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GROUP_TYPES.length)
  @IsIn(GROUP_TYPES, { each: true })
  nonBillableGroupTypes?: GroupType[];

  @ApiPropertyOptional({ description: 'Most units per client, per date, per code', minimum: 1, maximum: 96 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(96)
  dailyUnitCap?: number;

  @ApiPropertyOptional({ example: { video: ['95'], phone: ['93'] } })
  @IsOptional()
  @IsObject()
  @IsModalityMap(isModifierList, 'a list of two-character HCPCS modifiers')
  modifiers?: Partial<Record<Modality, string[]>>;

  @ApiPropertyOptional({ example: { in_person: '11', video: '10', phone: '10' } })
  @IsOptional()
  @IsObject()
  @IsModalityMap(isPlaceOfService, 'a two-digit CMS place-of-service code')
  placeOfService?: Partial<Record<Modality, string>>;
}

export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ description: 'IANA time zone, e.g. America/New_York', example: 'America/Chicago' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZoneName()
  timeZone?: string;

  @ApiPropertyOptional({ type: BillingProfileDto })
  @IsOptional()
  // ValidateNested alone lets a list through (it validates each element); the profile is one object.
  @IsObject()
  @ValidateNested()
  @Type(() => BillingProfileDto)
  billingProfile?: BillingProfileDto;
}

function IsTimeZoneName() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZoneName',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as America/New_York` },
      validator: { validate: (value: unknown) => isTimeZone(value) },
    });
}
