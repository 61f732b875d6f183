import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  DECLINE_REASON_LABELS,
  DECLINE_REASONS,
  type DeclinedBy,
  type DeclineReason,
  type MoveReferralRequest,
  type Referral,
  type ReferralStatus,
} from '@peerpath/contracts';
import { problemSlug, readProblem } from '../core/problem';
import { recipientOf, STATUS_LABELS } from './referral-display';
import { ReferralsApi } from './referrals-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface MoveReferralData {
  referral: Referral;
  to: ReferralStatus;
}

export const ILLEGAL_MOVE_MESSAGE =
  'This referral cannot make that move any more (someone may have moved it already). Reload to see where it is.';
export const CONSENT_REQUIRED_MESSAGE =
  'This referral shares client information, and no consent in force covers its recipient. Record a consent on the client’s page, then send it.';

/** One status move with an optional note (POST /api/referrals/:id/status). */
@Component({
  selector: 'pp-move-referral-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    RouterLink,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ data.referral.clientName }} · {{ recipient }}</p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
            @if (consentRequired()) {
              <a
                mat-stroked-button
                mat-dialog-close
                [routerLink]="['/clients', data.referral.clientId]"
                fragment="consents"
              >
                Go to the client’s consents
              </a>
            }
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Note (optional)</mat-label>
          <textarea matInput rows="3" formControlName="note" maxlength="2000"></textarea>
        </mat-form-field>
        @if (data.to === 'declined') {
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Who declined</mat-label>
            <mat-select formControlName="declinedBy" required>
              <mat-option value="client">The client</mat-option>
              <mat-option value="recipient">The organization referred to</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Reason</mat-label>
            <mat-select formControlName="reason" required>
              @for (r of reasons; track r) {
                <mat-option [value]="r">{{ reasonLabels[r] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (data.to === 'waitlisted') {
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Place expected on (optional)</mat-label>
            <input matInput type="date" formControlName="expectedOn" />
          </mat-form-field>
        }
        @if (data.to === 'sent') {
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Follow up on</mat-label>
            <input matInput type="date" formControlName="followUpOn" />
            <mat-hint>Leave empty for 7 days from today.</mat-hint>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Back</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveReferralDialog {
  protected readonly data = inject<MoveReferralData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MoveReferralDialog, Referral>>(MatDialogRef);
  private readonly api = inject(ReferralsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    note: ['', Validators.maxLength(2000)],
    followUpOn: [''],
    declinedBy: ['client' as DeclinedBy],
    reason: ['not_interested' as DeclineReason],
    expectedOn: [''],
  });
  protected readonly reasons = DECLINE_REASONS;
  protected readonly reasonLabels = DECLINE_REASON_LABELS;
  protected readonly title = `Mark ${STATUS_LABELS[this.data.to].toLowerCase()}`;
  protected readonly confirm = `Mark ${STATUS_LABELS[this.data.to].toLowerCase()}`;
  protected readonly recipient = recipientOf(this.data.referral);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly consentRequired = signal(false);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { note, followUpOn, declinedBy, reason, expectedOn } = this.form.getRawValue();
    const request: MoveReferralRequest = {
      status: this.data.to,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(this.data.to === 'sent' && followUpOn ? { followUpOn } : {}),
      ...(this.data.to === 'declined' ? { declinedBy, reason } : {}),
      ...(this.data.to === 'waitlisted' && expectedOn ? { expectedOn } : {}),
    };
    this.busy.set(true);
    this.error.set(null);
    this.consentRequired.set(false);
    try {
      this.ref.close(await this.api.move(this.data.referral.id, request));
    } catch (error) {
      const slug = problemSlug(error);
      this.consentRequired.set(slug === 'consent-required');
      this.error.set(
        slug === 'illegal-status-move'
          ? ILLEGAL_MOVE_MESSAGE
          : slug === 'consent-required'
            ? CONSENT_REQUIRED_MESSAGE
            : readProblem(error, 'The referral could not be moved.').message,
      );
    } finally {
      this.busy.set(false);
    }
  }
}
