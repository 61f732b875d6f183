import { Actor } from '../access/actor';
import { scopeOf } from '@peerpath/contracts';
import { invalid } from '../common/invalid';
import { ReportQuery } from './reports.dto';

const DAY = 86_400_000;

export interface ReportScope {
  from: Date;
  to: Date;
  /** The programs reported on: the caller's, or the one asked for if it is theirs. */
  programs: string[];
  /** Set for a peer, whose reports cover their own caseload only. */
  peerId: string | null;
}

/** The period (default: `defaultDays` before `to`, which defaults to now) and whose clients a report covers. */
export function reportScope(actor: Actor, query: ReportQuery, defaultDays: number): ReportScope {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultDays * DAY);
  if (!(from < to)) throw invalid('from', 'from must be before to');
  return {
    from,
    to,
    programs: query.programId ? actor.programIds.filter((p) => p === query.programId) : actor.programIds,
    peerId: scopeOf(actor.role, 'reports:read') === 'caseload' ? actor.userId : null,
  };
}
