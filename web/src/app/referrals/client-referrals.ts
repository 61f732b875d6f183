import { EmergencyAccess } from '../emergency-access/emergency-access.service';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { type Permission, type Referral, type ReferralStatus } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { ClientConsents } from '../consents/client-consents';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { MoveReferralDialog, type MoveReferralData } from './move-referral-dialog';
import {
  MOVE_LABELS,
  needLabel,
  nextStatuses,
  recipientOf,
  STATUS_LABELS,
  URGENCY_LABELS,
} from './referral-display';
import { ReferralsApi } from './referrals-api.service';

/**
 * The client page's referral history (newest first, each move with who, when and note), the
 * "Refer" action, and the client's consents and accounting of disclosures.
 */
@Component({
  selector: 'pp-client-referrals',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, ClientConsents],
  templateUrl: './client-referrals.html',
  styleUrl: './client-referrals.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientReferrals implements OnInit {
  private readonly emergency = inject(EmergencyAccess);
  readonly clientId = input.required<string>();
  readonly clientName = input('');
  /** A discharged client cannot be referred until readmitted. */
  readonly active = input(true);

  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly canRead = computed(() => this.may('referrals:read'));
  protected readonly canRefer = computed(() => this.may('referrals:write') && this.active());
  protected readonly canMove = computed(() => this.may('referrals:status'));
  protected readonly referrals = signal<Referral[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly moveLabels = MOVE_LABELS;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly recipient = recipientOf;
  protected readonly next = nextStatuses;

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    if (!this.canRead()) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      this.referrals.set(await this.api.forClient(this.clientId()));
    } catch (error) {
      this.error.set(readProblem(error, 'Referrals could not be loaded.').message);
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
    this.referrals.update((list) => list.map((r) => (r.id === moved.id ? moved : r)));
    this.snackBar.open(`Referral marked ${STATUS_LABELS[moved.status].toLowerCase()}.`, 'OK', {
      duration: 4000,
    });
  }

  private may(permission: Permission): boolean {
    return this.emergency.allows(this.user()?.role, permission, this.clientId());
  }
}
