import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CaseloadReport, PeerCaseloadFigures } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/invalid';
import { ReportQuery } from './reports.dto';
import { ClinicClock } from '../organizations/clinic-clock';
import { reportScope } from './report-scope';

const DAY = 86_400_000;

interface PeerRow {
  id: string;
  name: string;
  caseload_limit: number;
  active: number;
  new_clients: number;
  discharged: number;
  successful_contacts: number;
  contacted_14: number;
  overdue: number;
  open_referrals: number;
  overdue_referrals: number;
  completed_referrals: number;
  closed_referrals: number;
  attended: number;
  recorded: number;
  units: number;
  hq_units: number;
}

/**
 * Per-peer caseload figures for a period, in one SQL statement per report (the period bounds are
 * cast explicitly: a parameter typed as a date by its first use would move the start to midnight): a peer gets their own
 * row, a manager one row per peer of their programs. Every figure is defined in the SQL below.
 */
@Injectable()
export class CaseloadReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
  ) {}

  async report(actor: Actor, query: ReportQuery): Promise<CaseloadReport> {
    const { from, to, fromDate, toDate, programs, peerId } = reportScope(actor, query, 28, this.clock.now());
    if (to.getTime() - from.getTime() > 366 * DAY) throw invalid('from', 'the period may be at most a year');
    const weeks = Math.max((to.getTime() - from.getTime()) / (7 * DAY), 1 / 7);
    const rows = (await this.txHost.tx.query(PEER_FIGURES, [
      programs,
      peerId,
      from,
      to,
      fromDate,
      toDate,
    ])) as PeerRow[];
    const weekly = await this.contactsByWeek(
      rows.map((r) => r.id),
      to,
    );
    const outcomes = (await this.txHost.tx.query(
      `SELECT r.status, count(*)::int AS n FROM referrals r JOIN clients c ON c.id = r.client_id
        WHERE c.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.primary_peer_id = $2)
          AND r.status IN ('completed', 'declined', 'no_show', 'cancelled') AND r.updated_at >= $3 AND r.updated_at < $4
        GROUP BY r.status`,
      [programs, peerId, from, to],
    )) as { status: string; n: number }[];
    await this.audit.record({ action: 'report.caseloads', entityType: 'report' });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      weeks: round(weeks),
      peers: rows.map((r) => toFigures(r, weeks, weekly.get(r.id) ?? [])),
      referralOutcomes: Object.fromEntries(outcomes.map((o) => [o.status, o.n])),
    };
  }

  /** Successful contacts per peer for each of the 12 weeks ending at `to`, for the trend chart. */
  private async contactsByWeek(
    peerIds: string[],
    to: Date,
  ): Promise<Map<string, { weekStart: string; successful: number }[]>> {
    const rows = (await this.txHost.tx.query(
      `SELECT p.peer_id, to_char(w.start, 'YYYY-MM-DD') AS week_start,
              (SELECT count(*)::int FROM contacts k
                WHERE k.author_id = p.peer_id AND k.successful AND k.occurred_at >= w.start AND k.occurred_at < w.start + interval '7 days') AS n
         FROM unnest($1::uuid[]) AS p(peer_id)
        CROSS JOIN generate_series($2::timestamptz - interval '84 days', $2::timestamptz - interval '7 days', interval '7 days') AS w(start)
        ORDER BY p.peer_id, w.start`,
      [peerIds, to],
    )) as { peer_id: string; week_start: string; n: number }[];
    const byPeer = new Map<string, { weekStart: string; successful: number }[]>();
    for (const r of rows)
      byPeer.set(r.peer_id, [...(byPeer.get(r.peer_id) ?? []), { weekStart: r.week_start, successful: r.n }]);
    return byPeer;
  }
}

const PEER_FIGURES = `
  WITH peers AS (
    SELECT DISTINCT u.id, u.name,
           (SELECT min(p.caseload_limit) FROM programs p JOIN program_memberships pm ON pm.program_id = p.id
             WHERE pm.user_id = u.id AND p.id = ANY($1::uuid[])) AS caseload_limit
      FROM users u JOIN program_memberships m ON m.user_id = u.id
     WHERE u.role = 'peer' AND m.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR u.id = $2)
  ),
  active AS (
    SELECT c.id, c.primary_peer_id,
           (SELECT max(k.occurred_at) FROM contacts k WHERE k.client_id = c.id AND k.successful) AS last_contact,
           p.overdue_contact_days
      FROM clients c JOIN programs p ON p.id = c.program_id
     WHERE c.status = 'active' AND c.primary_peer_id IN (SELECT id FROM peers)
  ),
  peer_sessions AS (
    SELECT f.user_id AS peer_id, s.id, s.duration_minutes
      FROM group_sessions s JOIN group_facilitators f ON f.group_id = s.group_id
     WHERE s.date >= $5::date AND s.date < $6::date
  )
  SELECT p.id, p.name, coalesce(p.caseload_limit, 25) AS caseload_limit,
    (SELECT count(*)::int FROM active a WHERE a.primary_peer_id = p.id) AS active,
    (SELECT count(DISTINCT x.client_id)::int FROM client_assignments x
      WHERE x.peer_id = p.id AND x.started_at >= $3::timestamptz AND x.started_at < $4::timestamptz) AS new_clients,
    (SELECT count(*)::int FROM client_status_events e JOIN clients c ON c.id = e.client_id
      WHERE c.primary_peer_id = p.id AND e.status = 'discharged' AND e.at >= $3::timestamptz AND e.at < $4::timestamptz) AS discharged,
    (SELECT count(*)::int FROM contacts k
      WHERE k.author_id = p.id AND k.successful AND k.occurred_at >= $3::timestamptz AND k.occurred_at < $4::timestamptz) AS successful_contacts,
    (SELECT count(*)::int FROM active a
      WHERE a.primary_peer_id = p.id AND a.last_contact >= $4::timestamptz - interval '14 days') AS contacted_14,
    (SELECT count(*)::int FROM active a WHERE a.primary_peer_id = p.id
        AND (a.last_contact IS NULL OR a.last_contact < $4::timestamptz - make_interval(days => a.overdue_contact_days))) AS overdue,
    (SELECT count(*)::int FROM referrals r JOIN active a ON a.id = r.client_id
      WHERE a.primary_peer_id = p.id AND r.status IN ('draft', 'sent', 'accepted')) AS open_referrals,
    (SELECT count(*)::int FROM referrals r JOIN active a ON a.id = r.client_id
      WHERE a.primary_peer_id = p.id AND r.status IN ('sent', 'accepted') AND r.follow_up_on < $6::date - 1) AS overdue_referrals,
    (SELECT count(*)::int FROM referrals r JOIN clients c ON c.id = r.client_id
      WHERE c.primary_peer_id = p.id AND r.status = 'completed' AND r.updated_at >= $3::timestamptz AND r.updated_at < $4::timestamptz) AS completed_referrals,
    (SELECT count(*)::int FROM referrals r JOIN clients c ON c.id = r.client_id
      WHERE c.primary_peer_id = p.id AND r.status IN ('completed', 'declined', 'no_show', 'cancelled')
        AND r.updated_at >= $3::timestamptz AND r.updated_at < $4::timestamptz) AS closed_referrals,
    (SELECT count(*)::int FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN clients c ON c.id = t.client_id
      WHERE c.primary_peer_id = p.id AND t.status IN ('present', 'late') AND s.date >= $5::date AND s.date < $6::date) AS attended,
    (SELECT count(*)::int FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN clients c ON c.id = t.client_id
      WHERE c.primary_peer_id = p.id AND s.date >= $5::date AND s.date < $6::date) AS recorded,
    (SELECT coalesce(sum(k.billing_units), 0)::int FROM contacts k
      WHERE k.author_id = p.id AND k.occurred_at >= $3::timestamptz AND k.occurred_at < $4::timestamptz) AS units,
    (SELECT coalesce(sum(CASE WHEN ps.duration_minutes >= 8 THEN (ps.duration_minutes + 7) / 15 ELSE 0 END), 0)::int
       FROM peer_sessions ps JOIN attendance t ON t.session_id = ps.id
      WHERE ps.peer_id = p.id AND t.status IN ('present', 'late')) AS hq_units
  FROM peers p
  ORDER BY p.name`;

function toFigures(
  r: PeerRow,
  weeks: number,
  contactsByWeek: { weekStart: string; successful: number }[],
): PeerCaseloadFigures {
  return {
    peerId: r.id,
    peerName: r.name,
    activeClients: r.active,
    newClients: r.new_clients,
    dischargedClients: r.discharged,
    successfulContactsPerWeek: round(r.successful_contacts / weeks),
    contactedLast14DaysShare: r.active ? round(r.contacted_14 / r.active) : 0,
    overdueClients: r.overdue,
    openReferrals: r.open_referrals,
    overdueReferrals: r.overdue_referrals,
    referralCompletionRate: r.closed_referrals ? round(r.completed_referrals / r.closed_referrals) : null,
    groupAttendanceRate: r.recorded ? round(r.attended / r.recorded) : null,
    h0038UnitsPerWeek: round(r.units / weeks),
    h0038HqUnitsPerWeek: round(r.hq_units / weeks),
    caseloadLimit: r.caseload_limit,
    caseloadRatio: round(r.active / r.caseload_limit),
    contactsByWeek,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
