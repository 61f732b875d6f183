import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API, type AuditEvent, type Page } from '@peerpath/contracts';
import { getPage } from '../core/page';

export interface AuditFilter {
  actorId?: string;
  clientId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

/** GET /api/audit-events?limit=&cursor=&actorId=&clientId=&from=&to= */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(filter: AuditFilter, cursor: string | null = null, limit = 50): Promise<Page<AuditEvent>> {
    return getPage<AuditEvent>(this.http, API.auditEvents, { limit, cursor, ...filter });
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
