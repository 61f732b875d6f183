import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RecipientAnswerRequest, RecipientView, ReferralStatus } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * The public side of a recipient link. The token is the credential: it goes only into these two
 * paths on PeerPath's own API (never a query string, never anywhere else).
 */
@Injectable({ providedIn: 'root' })
export class RecipientApi {
  private readonly http = inject(HttpClient);

  /** Each successful opening is recorded as a disclosure by the clinic. */
  open(token: string): Promise<RecipientView> {
    return firstValueFrom(this.http.get<RecipientView>(recipientUrl(token)));
  }

  answer(token: string, request: RecipientAnswerRequest): Promise<{ status: ReferralStatus }> {
    return firstValueFrom(
      this.http.post<{ status: ReferralStatus }>(`${recipientUrl(token)}/answer`, request),
    );
  }
}

export function recipientUrl(token: string): string {
  return `/api/recipient/${encodeURIComponent(token)}`;
}
