import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API, type AuditEvent, type AuditHighlight, type AuditOutcome, type Page } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
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

/** A date picked as YYYY-MM-DD means the start (from) or the end (to) of that local day. */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  const date = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
  return date.toISOString();
}
