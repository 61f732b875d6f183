import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type CreateReferralRequest,
  type MoveReferralRequest,
  type Need,
  type Page,
  type Referral,
  type ReferralPacket,
  type ReferralStatus,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getPage, type QueryValues, toParams } from '../core/page';

export interface ReferralQuery {
  state?: 'open' | 'closed' | null;
  status?: ReferralStatus | null;
  need?: Need | null;
  resourceId?: string | null;
  clientId?: string | null;
  /** Created on or after (ISO date or instant). */
  from?: string | null;
  /** Created before (ISO date or instant). */
  to?: string | null;
  overdue?: boolean | null;
}

const referralUrl = (id: string, rest = '') => `${API.referrals}/${encodeURIComponent(id)}${rest}`;
const clientReferralsUrl = (clientId: string) => `${API.clients}/${encodeURIComponent(clientId)}/referrals`;

function queryValues(query: ReferralQuery): QueryValues {
  const { overdue, ...rest } = query;
  return { ...rest, overdue: overdue === null || overdue === undefined ? undefined : String(overdue) };
}

/** The address of the CSV export for the same filters as the list (a plain link; the export is audited). */
export function referralExportUrl(query: ReferralQuery): string {
  const params = toParams(queryValues(query)).toString();
  return `${API.referrals}/export.csv${params ? `?${params}` : ''}`;
}

/** Referrals: create for a client, list with filters, read one, move its status. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  list(query: ReferralQuery = {}, cursor: string | null = null, limit = 50): Promise<Page<Referral>> {
    return getPage<Referral>(this.http, API.referrals, { ...queryValues(query), cursor, limit });
  }

  /** Every page of a list (capped), e.g. the open referrals of a caseload for the board. */
  async listAll(query: ReferralQuery = {}, maxPages = 10): Promise<Referral[]> {
    const items: Referral[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page++) {
      const result: Page<Referral> = await this.list(query, cursor, 100);
      items.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  forClient(clientId: string): Promise<Referral[]> {
    return firstValueFrom(this.http.get<Referral[]>(clientReferralsUrl(clientId)));
  }

  get(id: string): Promise<Referral> {
    return firstValueFrom(this.http.get<Referral>(referralUrl(id)));
  }

  /** What the recipient receives: the minimum information, the consent's scope and the notice. */
  packet(id: string): Promise<ReferralPacket> {
    return firstValueFrom(this.http.get<ReferralPacket>(`${referralUrl(id)}/packet`));
  }

  /** A repeat with the same Idempotency-Key returns the first answer and creates nothing new. */
  create(clientId: string, request: CreateReferralRequest, idempotencyKey: string): Promise<Referral> {
    return firstValueFrom(
      this.http.post<Referral>(clientReferralsUrl(clientId), request, {
        headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
      }),
    );
  }

  move(id: string, request: MoveReferralRequest): Promise<Referral> {
    return firstValueFrom(this.http.post<Referral>(referralUrl(id, '/status'), request));
  }
}
