import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CreateReferralRequest,
  MoveReferralRequest,
  Need,
  NEEDS,
  REFERRAL_STATUSES,
  ReferralStatus,
  Urgency,
  URGENCIES,
} from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateReferralDto implements CreateReferralRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) outsideOrganization?: string;
  @ApiProperty({ enum: NEEDS }) @IsIn(NEEDS) need!: Need;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shareInformation?: boolean;
  @ApiPropertyOptional({ enum: ['draft', 'sent'], default: 'sent' })
  @IsOptional()
  @IsIn(['draft', 'sent'])
  status?: 'draft' | 'sent';
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'followUpOn must be a date (YYYY-MM-DD)' })
  followUpOn?: string;
}

export class MoveReferralDto implements MoveReferralRequest {
  @ApiProperty({ enum: REFERRAL_STATUSES }) @IsIn(REFERRAL_STATUSES) status!: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'followUpOn must be a date (YYYY-MM-DD)' })
  followUpOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ReferralListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
  @ApiPropertyOptional({ description: 'open = draft, sent or accepted' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  state?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: NEEDS }) @IsOptional() @IsIn(NEEDS) need?: Need;
  @ApiPropertyOptional() @IsOptional() @IsUUID() resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
