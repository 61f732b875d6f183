import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import {
  AddToRosterRequest,
  addDays,
  CreateGroupRequest,
  CreateSessionRequest,
  GROUP_TYPES,
  GroupType,
  isCalendarDate,
  MAX_SESSION_MINUTES,
  UpdateGroupRequest,
} from '@peerpath/contracts';
import { PageQuery } from '../common/pagination';
import { requestToday } from '../organizations/clinic-clock';
import { SearchTerm } from '../common/validators';

/** A weekday-and-time description, or an iCalendar RRULE when it starts like one. */
const RRULE = /^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+\-:]+)*$/;

function IsSchedule(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSchedule',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must describe a weekday and time, or be an iCalendar RRULE`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.trim().length > 0 &&
          value.length <= 300 &&
          (!/^(RRULE:|FREQ=)/i.test(value.trim()) || RRULE.test(value.trim())),
      },
    });
}

/** A real calendar date from 2000 up to a year ahead: sessions are planned, not only logged. */
function IsSessionDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSessionDate',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date (YYYY-MM-DD) within a year from today`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) && value >= '2000-01-01' && value <= addDays(requestToday(), 366),
      },
    });
}

/** Optional on an update, but never null: these columns always hold a value. */
const IfSent = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateGroupDto implements CreateGroupRequest {
  @ApiProperty() @IsUUID() programId!: string;
  @ApiProperty() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ enum: GROUP_TYPES }) @IsIn(GROUP_TYPES) type!: GroupType;
  @ApiPropertyOptional({ description: 'The lead facilitator' })
  @IsOptional()
  @IsUUID()
  facilitatorId?: string;
  @ApiPropertyOptional({ type: [String], description: 'All facilitators; the first leads' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facilitatorIds?: string[];
  @ApiProperty({ example: 'Tuesdays 18:00, or FREQ=WEEKLY;BYDAY=TU' }) @IsSchedule() schedule!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  videoLink?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(500) capacity?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional()
  @IfSent()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;
  @ApiPropertyOptional({ enum: GROUP_TYPES }) @IfSent() @IsIn(GROUP_TYPES) type?: GroupType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() facilitatorId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facilitatorIds?: string[];
  @ApiPropertyOptional() @IfSent() @IsSchedule() schedule?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  videoLink?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(500) capacity?: number;
  @ApiPropertyOptional() @IfSent() @IsBoolean() active?: boolean;
}

export class GroupListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({ description: 'Only groups the caller facilitates' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Include inactive groups' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}

export class RosterQuery {
  @ApiPropertyOptional({ description: 'Include former members (roster history)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRemoved?: 'true' | 'false';
}

export class AddToRosterDto implements AddToRosterRequest {
  @ApiProperty() @IsUUID() clientId!: string;
}

export class WalkInQuery {
  @ApiPropertyOptional({ description: 'First name, or first name and last initial' })
  @SearchTerm(100)
  q?: string;
}

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty({ example: '2026-01-13' }) @IsSessionDate() date!: string;
  @ApiProperty({ example: '18:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM (24-hour)' })
  startTime!: string;
  @ApiProperty({ minimum: 1, maximum: MAX_SESSION_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  durationMinutes!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) topic?: string;
  @ApiPropertyOptional({
    description:
      'The one facilitator the session credits; default the caller if they facilitate, else the lead',
  })
  @IsOptional()
  @IsUUID()
  facilitatorId?: string;
}

export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsSessionDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsSessionDate() to?: string;
}
