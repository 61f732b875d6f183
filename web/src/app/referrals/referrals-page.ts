import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { scopeOf } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { ReferralBoard } from './referral-board';
import { ReferralHistory } from './referral-history';

/** Peers work their open referrals on a board; clinicians and managers read the program's history. */
@Component({
  selector: 'pp-referrals-page',
  imports: [MatButtonToggleModule, ReferralBoard, ReferralHistory],
  template: `
    <section class="page" aria-labelledby="referrals-heading">
      <div class="page-header">
        <h1 id="referrals-heading">{{ view() === 'board' ? 'My open referrals' : 'Referral history' }}</h1>
        @if (caseload()) {
          <mat-button-toggle-group
            aria-label="View"
            [value]="view()"
            (change)="view.set($event.value)"
            hideSingleSelectionIndicator
          >
            <mat-button-toggle value="board">Open</mat-button-toggle>
            <mat-button-toggle value="history">History</mat-button-toggle>
          </mat-button-toggle-group>
        }
      </div>
      @if (view() === 'board') {
        <pp-referral-board />
      } @else {
        <pp-referral-history />
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsPage {
  private readonly user = inject(AuthService).user;
  /** A peer reads their own caseload's referrals. */
  protected readonly caseload = computed(() => {
    const role = this.user()?.role;
    return !!role && scopeOf(role, 'referrals:read') === 'caseload';
  });
  protected readonly view = signal<'board' | 'history'>(this.caseload() ? 'board' : 'history');
}
