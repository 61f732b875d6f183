import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { can, EMERGENCY_ACCESS_MINUTES, type EmergencyAccessGrant } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { EmergencyAccessDialog, type EmergencyAccessData } from './emergency-access-dialog';

/**
 * Under the client not-found view: staff who may break the glass (peers, clinicians) can ask for
 * emergency access. It says nothing about whether the client exists.
 */
@Component({
  selector: 'pp-emergency-access-offer',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (allowed()) {
      <section class="page offer" aria-labelledby="emergency-offer-heading">
        <div class="box">
          <h2 id="emergency-offer-heading">
            <mat-icon aria-hidden="true" svgIcon="emergency"></mat-icon>
            Client in crisis?
          </h2>
          <p>
            If a client outside your caseload needs help now, you can open their record read-only for
            {{ minutes }} minutes. You will confirm your password and give a reason; every view is recorded
            and reviewed by your program manager.
          </p>
          <button mat-stroked-button type="button" class="open" (click)="open()">
            <mat-icon aria-hidden="true" svgIcon="lock_open"></mat-icon>
            Emergency access
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    .offer {
      padding-top: 0;
    }
    .box {
      max-width: 640px;
      padding: 16px 20px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-left: 6px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .open {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmergencyAccessOffer {
  readonly clientId = input.required<string>();
  readonly granted = output<EmergencyAccessGrant>();

  private readonly dialog = inject(MatDialog);
  private readonly user = inject(AuthService).user;
  protected readonly allowed = computed(() => can(this.user()?.role, 'emergencyAccess:request'));
  protected readonly minutes = EMERGENCY_ACCESS_MINUTES;

  protected async open(): Promise<void> {
    const ref = this.dialog.open<EmergencyAccessDialog, EmergencyAccessData, EmergencyAccessGrant>(
      EmergencyAccessDialog,
      { data: { clientId: this.clientId() }, width: '520px', maxWidth: '95vw' },
    );
    const grant = await firstValueFrom(ref.afterClosed());
    if (grant) this.granted.emit(grant);
  }
}
