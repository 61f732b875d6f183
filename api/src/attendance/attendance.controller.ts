import { Body, Controller, Get, Headers, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  ClientAttendanceEntry,
  ClientAttendanceRates,
  CommunityMeeting,
  Page,
  SessionAttendance,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { Idempotency } from '../common/idempotency';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { AttendanceBodyPipe, AttendanceItemDto, CreateCommunityMeetingDto } from './attendance.dto';
import { AttendanceService } from './attendance.service';
import { ClientAttendanceService } from './client-attendance.service';
import { CommunityMeetingsService } from './community-meetings.service';
import { RatesService } from './rates.service';

@ApiTags('attendance')
@Controller('sessions')
export class SessionAttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get(':id/attendance')
  @Allow('attendance:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<SessionAttendance> {
    return this.attendance.forSession(actor, id);
  }

  /** Replaces the session's attendance as a whole; safe to send again after a dropped connection. */
  @Put(':id/attendance')
  @Allow('attendance:write')
  @ApiBody({ type: [AttendanceItemDto] })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  record(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body(AttendanceBodyPipe) items: AttendanceItemDto[],
    @Headers('idempotency-key') key?: string,
  ): Promise<SessionAttendance> {
    return this.idempotency.once(
      actor,
      key,
      `PUT /api/sessions/${id}/attendance`,
      () => this.attendance.record(actor, id, items),
      () => this.attendance.forSession(actor, id),
    );
  }
}

@ApiTags('attendance')
@Controller('clients')
export class ClientAttendanceController {
  constructor(
    private readonly history: ClientAttendanceService,
    private readonly rates: RatesService,
    private readonly meetings: CommunityMeetingsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get(':id/attendance')
  @Allow('attendance:read')
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ClientAttendanceEntry>> {
    return this.history.history(actor, id, query);
  }

  @Get(':id/attendance-rates')
  @Allow('attendance:read')
  attendanceRates(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ClientAttendanceRates> {
    return this.rates.forClient(actor, id);
  }

  @Get(':id/community-meetings')
  @Allow('communityMeetings:read')
  listMeetings(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<CommunityMeeting>> {
    return this.meetings.list(actor, id, query);
  }

  @Post(':id/community-meetings')
  @Allow('communityMeetings:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  recordMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateCommunityMeetingDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CommunityMeeting> {
    return this.idempotency.once(actor, key, `POST /api/clients/${id}/community-meetings`, () =>
      this.meetings.create(actor, id, dto),
    );
  }
}
