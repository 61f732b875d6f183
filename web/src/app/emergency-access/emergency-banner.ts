import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { can, type Client } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { EmergencyAccess } from './emergency-access.service';

/**
 * On a client page opened by emergency access: says so plainly, with the time it ends. It asks the
 * server only when the client is outside the caller's own reach (not their caseload or program).
 */
@Component({
  selector: 'pp-emergency-banner',
  imports: [DatePipe, MatIconModule],
  template: `
    @if (grant(); as g) {
      <div class="banner" role="status" data-testid="emergency-banner">
        <mat-icon aria-hidden="true" svgIcon="emergency"></mat-icon>
        <div>
          @if (ended()) {
            <strong>Emergency access ended at {{ g.expiresAt | date: 'HH:mm' }}.</strong>
            <span>Reload the page; this record is no longer open to you.</span>
          } @else {
            <strong
              >Emergency access — ends at {{ g.expiresAt | date: 'HH:mm' }}; every view is recorded.</strong
            >
            <span>Read-only. Reason: {{ g.reason }}</span>
          }
        </div>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);

      div {
        display: grid;
        gap: 2px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmergencyBanner {
  readonly client = input.required<Client>();

  private readonly emergency = inject(EmergencyAccess);
  private readonly user = inject(AuthService).user;
  private readonly now = signal(Date.now());
  protected readonly grant = computed(() => {
    this.now();
    const id = this.client().id;
    return this.emergency.live().find((g) => g.clientId === id) ?? null;
  });
  protected readonly ended = computed(() => {
    const g = this.grant();
    return !!g && Date.parse(g.expiresAt) <= this.now();
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    effect(() => {
      if (this.outsideOwnReach(this.client())) void this.emergency.refresh().catch(() => undefined);
    });
  }

  /** A peer's caseload or a clinician's program needs no emergency access. */
  private outsideOwnReach(client: Client): boolean {
    const user = this.user();
    if (!user || !can(user.role, 'emergencyAccess:request')) return false;
    if (user.role === 'peer') return client.primaryPeerId !== user.id;
    return !user.programIds.includes(client.programId);
  }
}
