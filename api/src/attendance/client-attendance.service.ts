import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  AttendanceStatus,
  BillingProfile,
  ClientAttendanceEntry,
  GroupType,
  groupUnits,
  Page,
} from '@peerpath/contracts';
import { In } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { decodeCursor, DEFAULT_LIMIT, PageQuery, toPage } from '../common/pagination';
import { CommunityMeetingEntity } from './community-meeting.entity';
import { toMeeting } from './community-meetings.service';

interface HistoryRow {
  kind: ClientAttendanceEntry['kind'];
  id: string;
  at: string;
  date: string;
  group_id: string | null;
  group_name: string | null;
  group_type: GroupType | null;
  start_time: string | null;
  duration_minutes: number | null;
  topic: string | null;
  status: AttendanceStatus | null;
  minutes_attended: number | null;
}

/** A client's group sessions and community meetings, newest first, in one keyset-paginated list. */
@Injectable()
export class ClientAttendanceService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async history(actor: Actor, clientId: string, query: PageQuery): Promise<Page<ClientAttendanceEntry>> {
    await this.clients.findInScope(actor, clientId, 'attendance:read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const rows = (await this.txHost.tx.query(
      `SELECT * FROM (
         SELECT 'group_session' AS kind, s.id, to_char(s.date + s.start_time, 'YYYY-MM-DD"T"HH24:MI:SS') AS at,
                to_char(s.date, 'YYYY-MM-DD') AS date, g.id AS group_id, g.name AS group_name, g.type AS group_type,
                to_char(s.start_time, 'HH24:MI') AS start_time, s.duration_minutes, s.topic, a.status,
                a.minutes_attended
           FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
          WHERE a.client_id = $1
         UNION ALL
         SELECT 'community_meeting', m.id, to_char(m.date, 'YYYY-MM-DD"T"00:00:00'), to_char(m.date, 'YYYY-MM-DD'),
                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
           FROM community_meetings m WHERE m.client_id = $1
       ) t
       WHERE ($2::timestamp IS NULL OR (t.at::timestamp, t.id) < ($2::timestamp, $3::uuid))
       ORDER BY t.at DESC, t.id DESC
       LIMIT $4`,
      [clientId, after?.at.slice(0, 19) ?? null, after?.id ?? null, limit + 1],
    )) as HistoryRow[];
    const page = toPage(
      rows,
      limit,
      (r) => ({ at: r.at, id: r.id }),
      (r) => r,
    );
    const meetingIds = page.items.filter((r) => r.kind === 'community_meeting').map((r) => r.id);
    const meetings = new Map(
      (meetingIds.length
        ? await this.txHost.tx.getRepository(CommunityMeetingEntity).findBy({ id: In(meetingIds) })
        : []
      ).map((m) => [m.id, toMeeting(m)]),
    );
    await this.audit.record({
      action: 'client.attendance.read',
      entityType: 'client',
      entityId: clientId,
      clientId,
    });
    const profile = actor.clinic.billingProfile;
    return { items: page.items.map((r) => toEntry(r, meetings, profile)), nextCursor: page.nextCursor };
  }
}

function toEntry(
  r: HistoryRow,
  meetings: Map<string, ReturnType<typeof toMeeting>>,
  profile: BillingProfile,
): ClientAttendanceEntry {
  if (r.kind === 'community_meeting') {
    const meeting = meetings.get(r.id) as ReturnType<typeof toMeeting>;
    return { kind: 'community_meeting', id: r.id, date: r.date, meeting, billingUnits: 0 };
  }
  const status = r.status as AttendanceStatus;
  return {
    kind: 'group_session',
    id: r.id,
    date: r.date,
    sessionId: r.id,
    groupId: r.group_id as string,
    groupName: r.group_name as string,
    groupType: r.group_type as GroupType,
    startTime: r.start_time as string,
    durationMinutes: r.duration_minutes as number,
    topic: r.topic as string,
    status,
    billingUnits: groupUnits(
      r.duration_minutes as number,
      status,
      r.minutes_attended,
      r.group_type ?? undefined,
      profile,
    ),
  };
}
