import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Need, NEEDS, RESOURCE_STATUSES, ResourceStatus } from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';
import { IsPastDate, SearchTerm } from '../common/validators';

export class ResourceFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organizationName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ enum: NEEDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NEEDS.length)
  @ArrayUnique()
  @IsIn(NEEDS, { each: true })
  needs?: Need[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  website?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) hours?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) eligibility?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) fees?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() acceptsMedicaid?: boolean;
  @ApiPropertyOptional({
    description:
      'Has a treating-provider relationship with clients it receives: a general designation in a consent covers it (42 CFR 2.31(a)(4))',
  })
  @IsOptional()
  @IsBoolean()
  treatingProvider?: boolean;
  @ApiPropertyOptional({ enum: RESOURCE_STATUSES })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: ResourceStatus;
  @ApiPropertyOptional() @IsOptional() @IsPastDate() lastVerifiedOn?: string;
}

export class CreateResourceDto extends ResourceFieldsDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
}

export class UpdateResourceDto extends ResourceFieldsDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
}

export class ResourceQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Text search, most relevant first' })
  @SearchTerm(200)
  q?: string;
  @ApiPropertyOptional({ enum: NEEDS }) @IsOptional() @IsIn(NEEDS) need?: Need;
  @ApiPropertyOptional({ enum: RESOURCE_STATUSES })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: ResourceStatus;
}
