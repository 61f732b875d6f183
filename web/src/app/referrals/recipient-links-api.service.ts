import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type RecipientAnswerFeed,
  type RecipientLinkCreated,
  type RecipientLinkStatus,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

const linkUrl = (referralId: string) => `${API.referrals}/${encodeURIComponent(referralId)}/recipient-link`;
const ANSWERS = '/api/recipient-answers';

/** The peer's side of recipient links: make, read and stop a link; the answers that came back. */
@Injectable({ providedIn: 'root' })
export class RecipientLinksApi {
  private readonly http = inject(HttpClient);

  /** The URL is shown only in this answer: the server keeps only a fingerprint of the token. */
  create(referralId: string): Promise<RecipientLinkCreated> {
    return firstValueFrom(this.http.post<RecipientLinkCreated>(linkUrl(referralId), {}));
  }

  status(referralId: string): Promise<RecipientLinkStatus> {
    return firstValueFrom(this.http.get<RecipientLinkStatus>(linkUrl(referralId)));
  }

  revoke(referralId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(linkUrl(referralId)));
  }

  answers(): Promise<RecipientAnswerFeed> {
    return firstValueFrom(this.http.get<RecipientAnswerFeed>(ANSWERS));
  }

  markSeen(through: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${ANSWERS}/seen`, { through }));
  }
}
