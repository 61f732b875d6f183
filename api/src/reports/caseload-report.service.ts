import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { addDays, CaseloadReport, FINAL_REFERRAL_STATUSES, PeerCaseloadFigures } from '@peerpath/contracts';
import { BillingService } from '../billing/billing.service';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/invalid';
import { ReportQuery } from './reports.dto';
import { ClinicClock } from '../organizations/clinic-clock';
import { reportScope } from './report-scope';

const DAY = 86_400_000;
/** Written into the text (constants, not input) so the planner can match the final-referrals index. */
const FINAL_STATUSES = FINAL_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ');

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
}

/** H0038 and H0038-HQ units of a peer's claim lines in the period. */
interface PeerUnits {
  individual: number;
  group: number;
}

/**
 * Per-peer caseload figures for a period, in one SQL statement per report (the period bounds are
 * cast explicitly: a parameter typed as a date by its first use would move the start to midnight): a peer gets their own
 * row, a manager one row per peer of their programs. Every figure but the units is defined in the SQL below; the units are the claim lines'.
 */
@Injectable()
export class CaseloadReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
    private readonly billing: BillingService,
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
    // Units come only from the claim lines (signed contacts, the day's minutes, the cap).
    const billed = await this.billing.unitsByPeer(actor, fromDate, addDays(toDate, -1), programs);
    const weekly = await this.contactsByWeek(
      rows.map((r) => r.id),
      to,
    );
    const outcomes = (await this.txHost.tx.query(
      `SELECT r.status, count(*)::int AS n FROM referrals r JOIN clients c ON c.id = r.client_id
        WHERE c.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.primary_peer_id = $2)
          AND r.status IN (${FINAL_STATUSES}) AND r.updated_at >= $3 AND r.updated_at < $4
        GROUP BY r.status`,
      [programs, peerId, from, to],
    )) as { status: string; n: number }[];
    const declines = (await this.txHost.tx.query(
      `SELECT coalesce(r.declined_by, 'unknown') AS "declinedBy", coalesce(r.decline_reason, 'unknown') AS reason,
              count(*)::int AS n
         FROM referrals r JOIN clients c ON c.id = r.client_id
        WHERE c.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.primary_peer_id = $2)
          AND r.status = 'declined' AND r.updated_at >= $3 AND r.updated_at < $4
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [programs, peerId, from, to],
    )) as CaseloadReport['referralDeclines'];
    await this.audit.record({ action: 'report.caseloads', entityType: 'report' });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      weeks: round(weeks),
      peers: rows.map((r) =>
        toFigures(r, billed.get(r.id) ?? { individual: 0, group: 0 }, weeks, weekly.get(r.id) ?? []),
      ),
      referralOutcomes: Object.fromEntries(outcomes.map((o) => [o.status, o.n])),
      referralDeclines: declines,
    };
  }

  /** Successful contacts per peer for each of the 12 weeks ending at `to`, for the trend chart. */
  private async contactsByWeek(
    peerIds: string[],
    to: Date,
  ): Promise<Map<string, { weekStart: string; successful: number }[]>> {
    const rows = (await this.txHost.tx.query(CONTACTS_BY_WEEK, [peerIds, to])) as {
      peer_id: string;
      week_start: string;
      n: number;
    }[];
    const byPeer = new Map<string, { weekStart: string; successful: number }[]>();
    for (const r of rows)
      byPeer.set(r.peer_id, [...(byPeer.get(r.peer_id) ?? []), { weekStart: r.week_start, successful: r.n }]);
    return byPeer;
  }
}

/**
 * Each figure is one grouped scan over the peers' rows (by author, by client, by session date),
 * joined to the peer list at the end: the cost follows the period and the programs' size, never
 * the number of peers times the number of tables. Each scan joins the peers CTE (not
 * `= ANY(ARRAY(SELECT id FROM peers))`, whose row estimate of ~1,400 for 37,000 active clients led
 * the planner into nested loops over every client's attendance): the planner sees how many rows
 * the peers bring and picks a range read per peer or one hashed pass over the period's rows.
 * `api/test/report-equivalence.spec.ts` holds the
 * per-peer correlated form this replaced and checks both give the same rows.
 */
export const PEER_FIGURES = `
  WITH peers AS (
    SELECT DISTINCT u.id, u.name,
           (SELECT min(p.caseload_limit) FROM programs p JOIN program_memberships pm ON pm.program_id = p.id
             WHERE pm.user_id = u.id AND p.id = ANY($1::uuid[])) AS caseload_limit
      FROM users u JOIN program_memberships m ON m.user_id = u.id
     WHERE u.role = 'peer' AND m.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR u.id = $2)
  ),
  active AS (
    SELECT c.id, c.primary_peer_id,
           c.last_contact_at AS last_contact,
           p.overdue_contact_days
      FROM clients c JOIN peers pe ON pe.id = c.primary_peer_id JOIN programs p ON p.id = c.program_id
     WHERE c.status = 'active'
  ),
  active_figures AS (
    SELECT a.primary_peer_id AS peer_id, count(*)::int AS active,
           count(*) FILTER (WHERE a.last_contact >= $4::timestamptz - interval '14 days')::int AS contacted_14,
           count(*) FILTER (WHERE a.last_contact IS NULL
             OR a.last_contact < $4::timestamptz - make_interval(days => a.overdue_contact_days))::int AS overdue
      FROM active a GROUP BY a.primary_peer_id
  ),
  new_clients AS (
    SELECT x.peer_id, count(DISTINCT x.client_id)::int AS n
      FROM peers p JOIN client_assignments x ON x.peer_id = p.id
     WHERE x.started_at >= $3::timestamptz AND x.started_at < $4::timestamptz
     GROUP BY x.peer_id
  ),
  discharged AS (
    SELECT c.primary_peer_id AS peer_id, count(*)::int AS n
      FROM client_status_events e JOIN clients c ON c.id = e.client_id JOIN peers p ON p.id = c.primary_peer_id
     WHERE e.status = 'discharged' AND e.at >= $3::timestamptz AND e.at < $4::timestamptz
     GROUP BY c.primary_peer_id
  ),
  contact_figures AS (
    SELECT k.author_id AS peer_id, count(*) FILTER (WHERE k.successful)::int AS successful_contacts
      FROM peers p JOIN contacts k ON k.author_id = p.id
     WHERE k.occurred_at >= $3::timestamptz AND k.occurred_at < $4::timestamptz
     GROUP BY k.author_id
  ),
  open_referrals AS (
    SELECT a.primary_peer_id AS peer_id,
           count(*) FILTER (WHERE r.status IN ('draft', 'sent', 'waitlisted', 'accepted'))::int AS open_referrals,
           count(*) FILTER (WHERE r.status IN ('sent', 'waitlisted', 'accepted') AND r.follow_up_on < $6::date - 1)::int AS overdue_referrals
      FROM referrals r JOIN active a ON a.id = r.client_id
     WHERE r.status IN ('draft', 'sent', 'waitlisted', 'accepted')
     GROUP BY a.primary_peer_id
  ),
  closed_referrals AS (
    SELECT c.primary_peer_id AS peer_id, count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
           count(*)::int AS closed
      FROM referrals r JOIN clients c ON c.id = r.client_id JOIN peers p ON p.id = c.primary_peer_id
     WHERE r.status IN ('completed', 'declined', 'no_show', 'cancelled', 'unable_to_contact', 'no_capacity')
       AND r.updated_at >= $3::timestamptz AND r.updated_at < $4::timestamptz
     GROUP BY c.primary_peer_id
  ),
  attendance_figures AS (
    SELECT c.primary_peer_id AS peer_id, count(*) FILTER (WHERE t.status IN ('present', 'late'))::int AS attended,
           count(*)::int AS recorded
      FROM attendance t JOIN clients c ON c.id = t.client_id JOIN peers p ON p.id = c.primary_peer_id
     WHERE t.session_date >= $5::date AND t.session_date < $6::date
     GROUP BY c.primary_peer_id
  )
  SELECT p.id, p.name, coalesce(p.caseload_limit, 25) AS caseload_limit,
    coalesce(af.active, 0) AS active,
    coalesce(nc.n, 0) AS new_clients,
    coalesce(d.n, 0) AS discharged,
    coalesce(cf.successful_contacts, 0) AS successful_contacts,
    coalesce(af.contacted_14, 0) AS contacted_14,
    coalesce(af.overdue, 0) AS overdue,
    coalesce(o.open_referrals, 0) AS open_referrals,
    coalesce(o.overdue_referrals, 0) AS overdue_referrals,
    coalesce(cr.completed, 0) AS completed_referrals,
    coalesce(cr.closed, 0) AS closed_referrals,
    coalesce(t.attended, 0) AS attended,
    coalesce(t.recorded, 0) AS recorded
  FROM peers p
  LEFT JOIN active_figures af ON af.peer_id = p.id
  LEFT JOIN new_clients nc ON nc.peer_id = p.id
  LEFT JOIN discharged d ON d.peer_id = p.id
  LEFT JOIN contact_figures cf ON cf.peer_id = p.id
  LEFT JOIN open_referrals o ON o.peer_id = p.id
  LEFT JOIN closed_referrals cr ON cr.peer_id = p.id
  LEFT JOIN attendance_figures t ON t.peer_id = p.id
  ORDER BY p.name`;

/**
 * Successful contacts per peer in each of the 12 weeks ending at $2: one range read of the peers'
 * contacts, each put in its week by width_bucket over the same week bounds the chart shows (zero
 * weeks filled by the outer join).
 */
export const CONTACTS_BY_WEEK = `
  WITH weeks AS (
    SELECT w.start, row_number() OVER (ORDER BY w.start)::int AS i
      FROM generate_series($2::timestamptz - interval '84 days', $2::timestamptz - interval '7 days', interval '7 days') AS w(start)
  ),
  bounds AS (
    SELECT array_agg(start ORDER BY start) || (max(start) + interval '7 days') AS b FROM weeks
  ),
  counts AS (
    SELECT k.author_id, width_bucket(k.occurred_at, (SELECT b FROM bounds)) AS i, count(*)::int AS n
      FROM contacts k
     WHERE k.author_id = ANY($1::uuid[]) AND k.successful
       AND k.occurred_at >= (SELECT b[1] FROM bounds) AND k.occurred_at < (SELECT b[array_length(b, 1)] FROM bounds)
     GROUP BY 1, 2
  )
  SELECT p.peer_id, to_char(w.start, 'YYYY-MM-DD') AS week_start, coalesce(c.n, 0) AS n
    FROM unnest($1::uuid[]) AS p(peer_id) CROSS JOIN weeks w
    LEFT JOIN counts c ON c.author_id = p.peer_id AND c.i = w.i
   ORDER BY p.peer_id, w.start`;

function toFigures(
  r: PeerRow,
  units: PeerUnits,
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
    h0038UnitsPerWeek: round(units.individual / weeks),
    h0038HqUnitsPerWeek: round(units.group / weeks),
    caseloadLimit: r.caseload_limit,
    caseloadRatio: round(r.active / r.caseload_limit),
    contactsByWeek,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
