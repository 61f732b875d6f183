import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CreateReferralRequest,
  DECLINE_REASONS,
  DECLINED_BY,
  DeclinedBy,
  DeclineReason,
  MoveReferralRequest,
  Need,
  NEEDS,
  REFERRAL_STATUSES,
  ReferralStatus,
  Urgency,
  URGENCIES,
} from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';
import { IsCalendarDate, IsDateOrInstant } from '../common/validators';

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
  @IsCalendarDate()
  followUpOn?: string;
}

export class MoveReferralDto implements MoveReferralRequest {
  @ApiProperty({ enum: REFERRAL_STATUSES }) @IsIn(REFERRAL_STATUSES) status!: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ enum: DECLINED_BY, description: 'required with declined' })
  @IsOptional()
  @IsIn(DECLINED_BY)
  declinedBy?: DeclinedBy;
  @ApiPropertyOptional({ enum: DECLINE_REASONS, description: 'required with declined' })
  @IsOptional()
  @IsIn(DECLINE_REASONS)
  reason?: DeclineReason;
  @ApiPropertyOptional({ description: 'with waitlisted: when a place is expected' })
  @IsOptional()
  @IsCalendarDate()
  expectedOn?: string;
}

export class ReferralListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
  @ApiPropertyOptional({ description: 'open = draft, sent, waitlisted or accepted' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  state?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: NEEDS }) @IsOptional() @IsIn(NEEDS) need?: Need;
  @ApiPropertyOptional() @IsOptional() @IsUUID() resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOrInstant() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOrInstant() to?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
