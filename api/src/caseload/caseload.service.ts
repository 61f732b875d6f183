import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CaseloadEntry, daysFrom, localDate, nextMilestone, Page, scopeOf } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { LOOKBACK_DAYS } from '../attendance/counted-sessions';
import { ClinicClock } from '../organizations/clinic-clock';

interface CaseloadRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  primary_peer_id: string | null;
  program_id: string;
  recovery_start_date: string | null;
  overdue_contact_days: number;
  last_contact_at: Date | null;
  draft_contacts: number;
  open_referrals: number;
  overdue_referrals: number;
  missed_last_two_sessions: boolean;
}

/**
 * Whether the client (c) was absent at the last two sessions that count toward their attendance
 * rates (as `countedSessions` defines them: taken, within the lookback, newest first), read from
 * the client's own rows only: their two newest attendance rows (by the session date each row
 * carries, so only the newest day's rows and their sessions are read), and the roster sessions they were
 * left out of, walked back no further than the second of those (one lower bound, that session's
 * date or else the lookback's start, so the group's index range starts there). The cost follows the client's
 * rows, never the groups' or the organization's history.
 */
export const missedLastTwo = (today: string) => `
  SELECT count(*) FILTER (WHERE x.status = 'absent') = 2 AS two FROM (
    WITH own AS (
      SELECT s.date, s.start_time, s.id, a.status
        FROM (SELECT a.session_id, a.status FROM attendance a
               WHERE a.client_id = c.id AND a.session_date <= ${today}::date
                 AND a.session_date > ${today}::date - ${LOOKBACK_DAYS}
               ORDER BY a.session_date DESC FETCH FIRST 2 ROWS WITH TIES) a
        JOIN group_sessions s ON s.id = a.session_id
       ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 2
    ),
    left_out AS (
      SELECT s.date, s.start_time, s.id, 'absent' AS status
        FROM group_roster r
       CROSS JOIN LATERAL (
         SELECT s.date, s.start_time, s.id FROM group_sessions s
          CROSS JOIN LATERAL (SELECT min(t.recorded_at) AS at FROM attendance t WHERE t.session_id = s.id) taken
          WHERE s.group_id = r.group_id AND s.date <= ${today}::date AND s.date >= (
              SELECT CASE WHEN count(*) = 2 THEN min(o.date) ELSE ${today}::date - ${LOOKBACK_DAYS} + 1 END FROM own o
            )
            AND taken.at >= r.added_at AND (r.removed_at IS NULL OR taken.at < r.removed_at)
            AND (SELECT 1 FROM attendance o WHERE o.session_id = s.id AND o.client_id = r.client_id) IS NULL
          ORDER BY s.date DESC, s.start_time DESC LIMIT 2
       ) s
       WHERE r.client_id = c.id
    )
    SELECT * FROM own UNION ALL SELECT * FROM left_out ORDER BY 1 DESC, 2 DESC, 3 DESC LIMIT 2
  ) x`;

/**
 * "My caseload": every active client the caller carries, with what needs attention, in one SQL
 * round trip. Overdue (no successful contact within the program's threshold) comes first.
 */
@Injectable()
export class CaseloadService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
  ) {}

  async caseload(actor: Actor, peerId?: string): Promise<Page<CaseloadEntry>> {
    const scope = scopeOf(actor.role, 'caseload:read');
    const today = this.clock.today();
    const params: unknown[] = [actor.userId, actor.programIds, peerId ?? null, scope, today];
    const rows = (await this.txHost.tx.query(
      `SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.primary_peer_id, c.program_id,
              to_char(c.recovery_start_date, 'YYYY-MM-DD') AS recovery_start_date,
              p.overdue_contact_days, c.last_contact_at,
              (SELECT count(*)::int FROM contacts d WHERE d.client_id = c.id AND d.signed_at IS NULL AND d.author_id = $1)
                AS draft_contacts,
              (SELECT count(*)::int FROM referrals r WHERE r.client_id = c.id AND r.status IN ('draft', 'sent', 'waitlisted', 'accepted'))
                AS open_referrals,
              (SELECT count(*)::int FROM referrals r
                WHERE r.client_id = c.id AND r.status IN ('sent', 'waitlisted', 'accepted') AND r.follow_up_on < $5::date)
                AS overdue_referrals,
              missed.two AS missed_last_two_sessions
         FROM clients c
         JOIN programs p ON p.id = c.program_id
         CROSS JOIN LATERAL (${missedLastTwo('$5')}) missed
        WHERE c.status = 'active'
          AND CASE $4::text WHEN 'caseload' THEN c.primary_peer_id = $1
                            WHEN 'program' THEN c.program_id = ANY($2::uuid[]) ELSE false END
          AND ($3::uuid IS NULL OR c.primary_peer_id = $3)`,
      params,
    )) as CaseloadRow[];
    await this.audit.recordShown(
      { action: 'caseload.read', entityType: 'client' },
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => toEntry(r, today, this.clock.timeZone));
    items.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (b.daysSinceContact ?? Infinity) - (a.daysSinceContact ?? Infinity) ||
        a.lastName.localeCompare(b.lastName) ||
        a.clientId.localeCompare(b.clientId),
    );
    return { items, nextCursor: null };
  }
}

/** Days are the clinic's calendar days: a contact at 11 pm yesterday was 1 day ago this morning. */
function toEntry(r: CaseloadRow, today: string, timeZone: string): CaseloadEntry {
  const days = r.last_contact_at ? daysFrom(localDate(r.last_contact_at, timeZone), today) : null;
  return {
    clientId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    primaryPeerId: r.primary_peer_id,
    programId: r.program_id,
    lastContactAt: r.last_contact_at?.toISOString() ?? null,
    daysSinceContact: days,
    overdue: days === null || days >= r.overdue_contact_days,
    overdueAfterDays: r.overdue_contact_days,
    daysInRecovery: r.recovery_start_date ? daysFrom(r.recovery_start_date, today) : null,
    nextMilestone: r.recovery_start_date ? nextMilestone(r.recovery_start_date, today) : null,
    openReferrals: r.open_referrals,
    overdueReferrals: r.overdue_referrals,
    draftContacts: r.draft_contacts,
    missedLastTwoSessions: r.missed_last_two_sessions,
  };
}
