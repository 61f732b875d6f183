import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Handoff, RecipientAnswerNews } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { readProblem } from '../core/problem';
import { needLabel, STATUS_LABELS } from '../referrals/referral-display';
import { RecipientLinksApi } from '../referrals/recipient-links-api.service';
import { ProblemMessage } from '../shared/problem-message';

/**
 * The top of a peer's home: what recipients answered on their referrals since they last looked,
 * and the warm handoffs no one in their programs has claimed yet. Shown only when there is some.
 */
@Component({
  selector: 'pp-peer-updates',
  imports: [ProblemMessage, DatePipe, RouterLink, MatIconModule],
  templateUrl: './peer-updates.html',
  styleUrl: './peer-updates.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeerUpdates implements OnInit {
  private readonly links = inject(RecipientLinksApi);
  private readonly http = inject(HttpClient);

  protected readonly answers = signal<RecipientAnswerNews[]>([]);
  protected readonly unclaimed = signal<Handoff[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The handoff waiting longest: the queue's clock runs from receipt. */
  protected readonly oldest = computed(() =>
    this.unclaimed().reduce<Handoff | null>((a, h) => (!a || h.receivedAt < a.receivedAt ? h : a), null),
  );

  /** Both lists have answered (or failed): the page below may show without being pushed down. */
  readonly settled = output<void>();

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly needLabel = needLabel;

  ngOnInit(): void {
    void Promise.all([this.loadAnswers(), this.loadHandoffs()]).then(() => this.settled.emit());
  }

  protected async markSeen(): Promise<void> {
    const newest = this.answers()[0];
    if (!newest || this.busy()) return;
    this.busy.set(true);
    try {
      await this.links.markSeen(newest.at);
      // Only what was shown is seen; an answer that came in meanwhile stays.
      this.answers.update((list) => list.filter((a) => a.at > newest.at));
    } catch (error) {
      this.error.set(readProblem(error, 'Could not mark the answers as seen.').message);
    } finally {
      this.busy.set(false);
    }
  }

  private async loadAnswers(): Promise<void> {
    try {
      this.answers.set((await this.links.answers()).items);
    } catch (error) {
      this.error.set(readProblem(error, 'Recipients’ answers could not be loaded.').message);
    }
  }

  private async loadHandoffs(): Promise<void> {
    try {
      const page = await firstValueFrom(
        this.http.get<{ items: Handoff[] }>('/api/handoffs', { params: { status: 'new' } }),
      );
      this.unclaimed.set(page.items);
    } catch {
      // The queue has its own page; the home stays useful without this count.
    }
  }
}
