import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { can, type Referral, type ReferralStatus } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { plural } from '../clients/client-display';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { MoveReferralDialog, type MoveReferralData } from './move-referral-dialog';
import {
  boardColumns,
  isFinal,
  MOVE_LABELS,
  needLabel,
  nextStatuses,
  recipientOf,
  STATUS_LABELS,
  URGENCY_LABELS,
} from './referral-display';
import { ReferralsApi } from './referrals-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** A peer's open referrals by status, overdue follow-ups first, each with one-tap next moves. */
@Component({
  selector: 'pp-referral-board',
  imports: [ProblemMessage, DatePipe, RouterLink, MatButtonModule, MatProgressBarModule],
  templateUrl: './referral-board.html',
  styleUrl: './referral-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralBoard implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly referrals = signal<Referral[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = computed(() => boardColumns(this.referrals()));
  protected readonly overdueCount = computed(() => this.referrals().filter((r) => r.overdue).length);
  protected readonly canMove = computed(() => can(this.user()?.role, 'referrals:status'));

  protected readonly moveLabels = MOVE_LABELS;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly recipient = recipientOf;
  protected readonly next = nextStatuses;
  protected readonly plural = plural;

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.referrals.set(await this.api.listAll({ state: 'open' }));
    } catch (error) {
      this.error.set(readProblem(error, 'Your referrals could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async move(referral: Referral, to: ReferralStatus): Promise<void> {
    const ref = this.dialog.open<MoveReferralDialog, MoveReferralData, Referral>(MoveReferralDialog, {
      data: { referral, to },
      width: '480px',
      maxWidth: '95vw',
    });
    const moved = await firstValueFrom(ref.afterClosed());
    if (!moved) return;
    this.referrals.update((list) =>
      isFinal(moved.status)
        ? list.filter((r) => r.id !== moved.id)
        : list.map((r) => (r.id === moved.id ? moved : r)),
    );
    this.snackBar.open(
      `${moved.clientName}: referral marked ${STATUS_LABELS[moved.status].toLowerCase()}.`,
      'OK',
      { duration: 4000 },
    );
  }
}
