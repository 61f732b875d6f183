import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutcomesReport } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ReportQuery } from './reports.dto';
import { ClinicClock } from '../organizations/clinic-clock';
import { reportScope } from './report-scope';

/** Clients the report covers: a peer's own caseload, or the manager's programs. */
const IN_SCOPE = `c.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.primary_peer_id = $2)`;

/**
 * First and latest BARC-10 per client with two or more: one grouped pass over the assessments'
 * (client_id, taken_at) index, which carries the totals, of the clients in scope only (a program's
 * 10,000 clients, not the organization's 50,000); not three probes per client.
 */
export const OUTCOMES_BARC10 = `SELECT count(*)::int AS clients, avg(b.first_total)::float AS mean_first, avg(b.latest_total)::float AS mean_latest
         FROM (
           SELECT a.client_id, (array_agg(a.total ORDER BY a.taken_at))[1] AS first_total,
                  (array_agg(a.total ORDER BY a.taken_at DESC))[1] AS latest_total
             FROM clients c JOIN assessments a ON a.client_id = c.id
            WHERE ${IN_SCOPE} AND a.taken_at < $4::timestamptz AND $3::timestamptz IS NOT NULL
            GROUP BY a.client_id HAVING count(*) >= 2
         ) b`;

/** Goals achieved, BARC-10 change and retention for a period (default: the last 90 days). */
@Injectable()
export class OutcomesReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
  ) {}

  async report(actor: Actor, query: ReportQuery): Promise<OutcomesReport> {
    const { from, to, programs, peerId } = reportScope(actor, query, 90, this.clock.now());
    const params = [programs, peerId, from, to];
    const tx = this.txHost.tx;
    const goals = (await tx.query(
      `SELECT g.domain,
              count(*) FILTER (WHERE g.status = 'achieved' AND g.achieved_at >= $3::timestamptz AND g.achieved_at < $4::timestamptz)::int AS achieved,
              count(*) FILTER (WHERE g.status = 'active')::int AS active
         FROM goals g JOIN clients c ON c.id = g.client_id WHERE ${IN_SCOPE} GROUP BY g.domain`,
      params,
    )) as { domain: string; achieved: number; active: number }[];
    const [barc] = (await tx.query(OUTCOMES_BARC10, params)) as {
      clients: number;
      mean_first: number | null;
      mean_latest: number | null;
    }[];
    const [retention] = (await tx.query(
      `SELECT count(*)::int AS active_at_start,
              count(*) FILTER (WHERE c.status = 'active' OR c.discharged_at >= $4::timestamptz)::int AS still_active
         FROM clients c
        WHERE ${IN_SCOPE} AND c.created_at < $3::timestamptz
          AND (c.discharged_at IS NULL OR c.discharged_at >= $3::timestamptz)`,
      params,
    )) as { active_at_start: number; still_active: number }[];
    await this.audit.record({ action: 'report.outcomes', entityType: 'report' });
    const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      goalsAchieved: goals.reduce((s, g) => s + g.achieved, 0),
      goalsActive: goals.reduce((s, g) => s + g.active, 0),
      goalsByDomain: Object.fromEntries(
        goals.map((g) => [g.domain, { achieved: g.achieved, active: g.active }]),
      ),
      barc10: {
        clients: barc.clients,
        meanFirst: round(barc.mean_first),
        meanLatest: round(barc.mean_latest),
        meanChange: barc.clients ? round((barc.mean_latest ?? 0) - (barc.mean_first ?? 0)) : null,
      },
      retention: {
        activeAtStart: retention.active_at_start,
        stillActive: retention.still_active,
        rate: retention.active_at_start ? round(retention.still_active / retention.active_at_start) : null,
      },
    };
  }
}
