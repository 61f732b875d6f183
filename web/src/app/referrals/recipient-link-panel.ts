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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  RecipientLinkCreated,
  RecipientLinkState,
  RecipientLinkStatus,
  Referral,
  ReferralStatus,
} from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { QrCode } from './qr-code';
import { recipientOf, STATUS_LABELS } from './referral-display';
import { RecipientLinksApi } from './recipient-links-api.service';

/** A link can be made while the referral waits on, or is held by, the recipient. */
const LINKABLE: readonly ReferralStatus[] = ['sent', 'waitlisted', 'accepted'];

export const LINK_STATE_LABELS: Record<RecipientLinkState, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Stopped',
};

/**
 * The recipient link of one shared referral: make it (shown once, to copy or scan), see whether
 * it still works and how often it was opened (each opening is a disclosure), stop it, and read
 * what the recipient answered.
 */
@Component({
  selector: 'pp-recipient-link-panel',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    QrCode,
  ],
  templateUrl: './recipient-link-panel.html',
  styleUrl: './recipient-link-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecipientLinkPanel implements OnInit {
  readonly referral = input.required<Referral>();
  /** Peers of the caseload and clinicians may make and stop links; managers only read. */
  readonly canWrite = input(false);

  private readonly api = inject(RecipientLinksApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly status = signal<RecipientLinkStatus | null>(null);
  protected readonly created = signal<RecipientLinkCreated | null>(null);
  protected readonly showQr = signal(false);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly link = computed(() => this.status()?.link ?? null);
  protected readonly active = computed(() => this.link()?.state === 'active');
  protected readonly linkable = computed(() => LINKABLE.includes(this.referral().status));
  protected readonly recipient = computed(() => recipientOf(this.referral()));
  protected readonly stateLabels = LINK_STATE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.status.set(await this.api.status(this.referral().id));
    } catch (error) {
      this.error.set(readProblem(error, 'The recipient link could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async create(): Promise<void> {
    await this.act(async () => {
      this.created.set(await this.api.create(this.referral().id));
      this.showQr.set(false);
    }, 'The link could not be made.');
  }

  protected async revoke(): Promise<void> {
    await this.act(async () => {
      await this.api.revoke(this.referral().id);
      this.created.set(null);
      this.snackBar.open('The link no longer works.', 'OK', { duration: 4000 });
    }, 'The link could not be stopped.');
  }

  protected async copy(url: string, input: HTMLInputElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.snackBar.open('Link copied.', 'OK', { duration: 3000 });
    } catch {
      // No clipboard (an older browser, or not allowed): leave it selected to copy by hand.
      input.select();
      this.snackBar.open('Select and copy the link.', 'OK', { duration: 4000 });
    }
  }

  private async act(work: () => Promise<void>, fallback: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
      this.status.set(await this.api.status(this.referral().id));
    } catch (error) {
      this.error.set(readProblem(error, fallback).message);
    } finally {
      this.busy.set(false);
    }
  }
}
