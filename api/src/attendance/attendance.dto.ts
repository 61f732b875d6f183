import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateIf,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  validate,
  ValidateNested,
} from 'class-validator';
import {
  ATTENDANCE_STATUSES,
  AttendanceItem,
  AttendanceStatus,
  COMMUNITY_MEETING_TYPES,
  CommunityMeetingType,
  CreateCommunityMeetingRequest,
  MAX_ATTENDANCE_ROWS,
  MAX_SESSION_MINUTES,
  MEETING_VERIFICATIONS,
  MeetingVerification,
} from '@peerpath/contracts';
import { problem } from '../common/problem';
import { validationProblem } from '../common/validation';
import { IsPastDate } from '../common/validators';

export class AttendanceItemDto implements AttendanceItem {
  @ApiProperty() @IsUUID() clientId!: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SESSION_MINUTES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  minutesAttended?: number | null;
}

/** The PUT body is a bare JSON array; wrapping it names its items `attendance.0.status` in errors. */
class AttendanceBody {
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDANCE_ROWS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceItemDto)
  attendance!: AttendanceItemDto[];
}

/** Validates `[{clientId, status}]` item by item, unknown fields refused, each client at most once. */
@Injectable()
export class AttendanceBodyPipe implements PipeTransform<unknown, Promise<AttendanceItemDto[]>> {
  async transform(value: unknown): Promise<AttendanceItemDto[]> {
    const body = plainToInstance(AttendanceBody, { attendance: value });
    const errors = await validate(body, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length) throw validationProblem(errors);
    const seen = new Set<string>();
    for (const [i, item] of body.attendance.entries()) {
      if (seen.has(item.clientId.toLowerCase())) {
        const message = 'each client may appear only once';
        throw new BadRequestException(
          problem(400, message, { errors: [{ field: `attendance.${i}.clientId`, message }] }),
        );
      }
      seen.add(item.clientId.toLowerCase());
    }
    return body.attendance;
  }
}

export class CreateCommunityMeetingDto implements CreateCommunityMeetingRequest {
  @ApiProperty({ enum: COMMUNITY_MEETING_TYPES })
  @IsIn(COMMUNITY_MEETING_TYPES)
  meetingType!: CommunityMeetingType;
  @ApiProperty({ example: '2026-01-10' }) @IsPastDate() date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameOrPlace?: string;
  @ApiPropertyOptional({ enum: MEETING_VERIFICATIONS, default: 'self_reported' })
  @IsOptional()
  @IsIn(MEETING_VERIFICATIONS)
  verification?: MeetingVerification;
  @ApiPropertyOptional({ description: 'The contact on which the peer heard of it' })
  @IsOptional()
  @IsUUID()
  contactId?: string;
}
