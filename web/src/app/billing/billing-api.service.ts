import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { BILLING_API, type ClaimLine, type ClaimLinesQuery } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { toParams } from '../core/page';

/** GET /api/billing/claim-lines and the address of the same lines as CSV. */
@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly http = inject(HttpClient);

  async claimLines(query: ClaimLinesQuery = {}): Promise<ClaimLine[]> {
    const body = await firstValueFrom(
      this.http.get<{ items: ClaimLine[] }>(BILLING_API.claimLines, { params: toParams({ ...query }) }),
    );
    return body.items;
  }

  /** A plain link: the browser downloads it with the session cookie; the server audits the read. */
  csvUrl(query: ClaimLinesQuery = {}): string {
    const params = toParams({ ...query }).toString();
    return params ? `${BILLING_API.claimLinesCsv}?${params}` : BILLING_API.claimLinesCsv;
  }
}
