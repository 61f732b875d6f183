import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ContactReview,
  EmergencyAccessGrant,
  ReviewCoverage,
  ReviewQueueItem,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { toParams } from '../core/page';

/** Documentation review and the manager's side of emergency access. */
@Injectable({ providedIn: 'root' })
export class OversightApi {
  private readonly http = inject(HttpClient);

  /** GET /api/documentation-review/queue?peerId= — signed contacts picked for review, with reasons. */
  queue(peerId?: string): Promise<ReviewQueueItem[]> {
    return firstValueFrom(
      this.http.get<ReviewQueueItem[]>('/api/documentation-review/queue', { params: toParams({ peerId }) }),
    );
  }

  coverage(): Promise<ReviewCoverage[]> {
    return firstValueFrom(this.http.get<ReviewCoverage[]>('/api/documentation-review/coverage'));
  }

  /** POST /api/contacts/:id/review — 201, or 409 when someone already reviewed it. */
  reviewContact(contactId: string, comment?: string): Promise<ContactReview> {
    const body = comment?.trim() ? { comment: comment.trim() } : {};
    return firstValueFrom(
      this.http.post<ContactReview>(`/api/contacts/${encodeURIComponent(contactId)}/review`, body),
    );
  }

  grants(state: 'unreviewed' | 'reviewed' | 'all' = 'unreviewed'): Promise<EmergencyAccessGrant[]> {
    return firstValueFrom(
      this.http.get<EmergencyAccessGrant[]>('/api/emergency-access', { params: toParams({ state }) }),
    );
  }

  reviewGrant(id: string, comment?: string): Promise<EmergencyAccessGrant> {
    const body = comment?.trim() ? { comment: comment.trim() } : {};
    return firstValueFrom(
      this.http.post<EmergencyAccessGrant>(`/api/emergency-access/${encodeURIComponent(id)}/review`, body),
    );
  }
}

export const REVIEW_REASON_LABELS: Record<ReviewQueueItem['reasons'][number], string> = {
  sample: 'Sample of recent work',
  over_120_minutes: 'Over 120 minutes',
  after_10pm: 'After 10 pm',
};
