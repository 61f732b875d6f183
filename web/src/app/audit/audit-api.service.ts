import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  addDays,
  API,
  type AuditEvent,
  type AuditHighlight,
  type AuditOutcome,
  isCalendarDate,
  type Page,
  startOfLocalDay,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { clinicTimeZone } from '../core/clinic-clock';
import { getPage, toParams } from '../core/page';

export interface AuditFilter {
  actorId?: string;
  clientId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Only events recorded during emergency access (true) or only the others (false). */
  emergency?: boolean;
}

function query(filter: AuditFilter): Record<string, string | undefined> {
  return {
    ...filter,
    emergency: filter.emergency === undefined ? undefined : String(filter.emergency),
  };
}

/** GET /api/audit-events?limit=&cursor=&actorId=&clientId=&from=&to= */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(filter: AuditFilter, cursor: string | null = null, limit = 50): Promise<Page<AuditEvent>> {
    return getPage<AuditEvent>(this.http, API.auditEvents, { limit, cursor, ...query(filter) });
  }

  /** GET /api/audit-events/highlights: what deserves a second look among the filtered events. */
  highlights(filter: AuditFilter): Promise<AuditHighlight[]> {
    return firstValueFrom(
      this.http.get<AuditHighlight[]>(`${API.auditEvents}/highlights`, { params: toParams(query(filter)) }),
    );
  }

  /** GET /api/audit-events/export.csv with the same filters, as a link; the server audits the export. */
  exportUrl(filter: AuditFilter): string {
    const params = toParams(query(filter)).toString();
    return `${API.auditEvents}/export.csv${params ? `?${params}` : ''}`;
  }
}

/** A date picked as YYYY-MM-DD means the start (from) or the end (to) of that day on the clinic's calendar. */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  if (!isCalendarDate(day)) return undefined;
  const zone = clinicTimeZone();
  if (edge === 'start') return startOfLocalDay(day, zone).toISOString();
  return new Date(startOfLocalDay(addDays(day, 1), zone).getTime() - 1).toISOString();
}
