import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  can,
  type EmergencyAccessGrant,
  type ReviewCoverage,
  type ReviewQueueItem,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { displayName, label } from '../clients/client-display';
import { ClientsApi } from '../clients/clients-api.service';
import { TextDialog, type TextDialogData } from '../shared/text-dialog';
import { AuthService } from '../core/auth.service';
import { injectMatches, NARROW } from '../core/layout';
import { readProblem } from '../core/problem';
import { OversightApi, REVIEW_REASON_LABELS } from './oversight-api.service';
import {
  MAX_REVIEW_COMMENT,
  ReviewContactDialog,
  type ReviewContactData,
  type ReviewContactResult,
} from './review-contact-dialog';
import { ProblemMessage } from '../shared/problem-message';

/**
 * /review: the manager's documentation review (queue, review dialog, coverage per peer) and the
 * emergency-access grants that wait for their review.
 */
@Component({
  selector: 'pp-review-page',
  imports: [
    ProblemMessage,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  templateUrl: './review-page.html',
  styleUrl: './review-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage {
  private readonly api = inject(OversightApi);
  private readonly clients = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly narrow = injectMatches(NARROW);
  protected readonly canReviewGrants = computed(() => can(this.user()?.role, 'emergencyAccess:review'));
  protected readonly label = label;
  protected readonly queueColumns = ['occurredAt', 'author', 'client', 'type', 'reasons', 'action'];
  protected readonly coverageColumns = ['peer', 'signedContacts', 'reviewed', 'coverage'];

  protected readonly peerFilter = signal('');
  protected readonly queue = signal<ReviewQueueItem[]>([]);
  protected readonly coverage = signal<ReviewCoverage[]>([]);
  protected readonly grants = signal<EmergencyAccessGrant[]>([]);
  protected readonly clientNames = signal<Record<string, string>>({});
  protected readonly loadingQueue = signal(true);
  protected readonly loadingGrants = signal(false);
  protected readonly queueError = signal<string | null>(null);
  protected readonly coverageError = signal<string | null>(null);
  protected readonly grantsError = signal<string | null>(null);

  constructor() {
    void this.loadQueue();
    void this.loadCoverage();
    if (this.canReviewGrants()) void this.loadGrants();
  }

  protected filterByPeer(peerId: string): void {
    this.peerFilter.set(peerId);
    void this.loadQueue();
  }

  protected reasonLabel(reason: string): string {
    return (REVIEW_REASON_LABELS as Record<string, string>)[reason] ?? reason;
  }

  protected coveragePercent(row: ReviewCoverage): number {
    return Math.round(row.coverage * 100);
  }

  protected clientName(clientId: string): string {
    return this.clientNames()[clientId] ?? `Client ${clientId.slice(0, 8)}`;
  }

  protected async review(item: ReviewQueueItem): Promise<void> {
    const ref = this.dialog.open<ReviewContactDialog, ReviewContactData, ReviewContactResult>(
      ReviewContactDialog,
      { data: { item }, width: '640px', maxWidth: '95vw', autoFocus: 'textarea' },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    this.queue.update((items) => items.filter((q) => q.contactId !== item.contactId));
    this.snackBar.open(
      result === 'already' ? 'Someone already reviewed that contact.' : 'Contact marked reviewed.',
      'OK',
      { duration: 4000 },
    );
    void this.loadCoverage();
  }

  protected async reviewGrant(grant: EmergencyAccessGrant): Promise<void> {
    const ref = this.dialog.open<
      TextDialog<EmergencyAccessGrant>,
      TextDialogData<EmergencyAccessGrant>,
      EmergencyAccessGrant
    >(TextDialog, {
      data: {
        title: `Review emergency access by ${grant.userName}`,
        intro: `Reason given: “${grant.reason}”`,
        label: 'Review comment (optional)',
        confirm: 'Mark reviewed',
        required: false,
        maxLength: MAX_REVIEW_COMMENT,
        action: (comment) => this.api.reviewGrant(grant.id, comment),
      },
      width: '520px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.grants.update((grants) => grants.filter((g) => g.id !== grant.id));
    this.snackBar.open('Emergency access marked reviewed.', 'OK', { duration: 4000 });
  }

  protected async loadQueue(): Promise<void> {
    this.loadingQueue.set(true);
    this.queueError.set(null);
    try {
      this.queue.set(await this.api.queue(this.peerFilter() || undefined));
    } catch (error) {
      this.queueError.set(readProblem(error, 'The review queue could not be loaded.').message);
    } finally {
      this.loadingQueue.set(false);
    }
  }

  protected async loadCoverage(): Promise<void> {
    this.coverageError.set(null);
    try {
      const rows = await this.api.coverage();
      this.coverage.set([...rows].sort((a, b) => a.peerName.localeCompare(b.peerName)));
    } catch (error) {
      this.coverageError.set(readProblem(error, 'Review coverage could not be loaded.').message);
    }
  }

  protected async loadGrants(): Promise<void> {
    this.loadingGrants.set(true);
    this.grantsError.set(null);
    try {
      const grants = await this.api.grants('unreviewed');
      this.grants.set(grants);
      void this.loadClientNames(grants.map((g) => g.clientId));
    } catch (error) {
      this.grantsError.set(readProblem(error, 'Emergency access could not be loaded.').message);
    } finally {
      this.loadingGrants.set(false);
    }
  }

  /** Grants carry only the client id; the manager may read the program's clients, so show names. */
  private async loadClientNames(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)].filter((id) => !this.clientNames()[id]);
    const results = await Promise.allSettled(unique.map((id) => this.clients.get(id)));
    const names: Record<string, string> = {};
    for (const result of results) {
      if (result.status === 'fulfilled') names[result.value.id] = displayName(result.value);
    }
    this.clientNames.update((known) => ({ ...known, ...names }));
  }
}
