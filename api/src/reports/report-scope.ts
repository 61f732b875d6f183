import { Actor } from '../access/actor';
import { addDays, isCalendarDate, localDate, LocalDate, scopeOf, startOfLocalDay } from '@peerpath/contracts';
import { invalid } from '../common/invalid';
import { ReportQuery } from './reports.dto';

const DAY = 86_400_000;

export interface ReportScope {
  from: Date;
  to: Date;
  /** The clinic's calendar days the period touches, `[fromDate, toDate)`, for date-only columns. */
  fromDate: LocalDate;
  toDate: LocalDate;
  /** The programs reported on: the caller's, or the one asked for if it is theirs. */
  programs: string[];
  /** Set for a peer, whose reports cover their own caseload only. */
  peerId: string | null;
}

/**
 * The period (default: `defaultDays` before `to`, which defaults to now) and whose clients a report
 * covers. A bound given as a date is a local day of the clinic: `from` its start, `to` its end.
 */
export function reportScope(actor: Actor, query: ReportQuery, defaultDays: number, now: Date): ReportScope {
  const zone = actor.clinic.timeZone;
  const to = query.to ? bound('to', query.to, zone, 1) : now;
  const from = query.from ? bound('from', query.from, zone, 0) : new Date(to.getTime() - defaultDays * DAY);
  if (!(from < to)) throw invalid('from', 'from must be before to');
  return {
    from,
    to,
    fromDate: localDate(from, zone),
    toDate: addDays(localDate(to.getTime() - 1, zone), 1),
    programs: query.programId ? actor.programIds.filter((p) => p === query.programId) : actor.programIds,
    peerId: scopeOf(actor.role, 'reports:read') === 'caseload' ? actor.userId : null,
  };
}

function bound(field: string, value: string, timeZone: string, daysAfter: number): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isCalendarDate(value)) throw invalid(field, `${field} must be a real date (YYYY-MM-DD)`);
    return startOfLocalDay(addDays(value, daysAfter), timeZone);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid(field, `${field} must be a date or an ISO 8601 time`);
  return at;
}
