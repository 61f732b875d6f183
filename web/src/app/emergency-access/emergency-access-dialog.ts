import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { EMERGENCY_ACCESS_MINUTES, type EmergencyAccessGrant } from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { EmergencyAccess, MIN_EMERGENCY_REASON } from './emergency-access.service';
import { ProblemMessage } from '../shared/problem-message';

export interface EmergencyAccessData {
  clientId: string;
}

/** At least 10 characters that are not just spaces. */
export function reasonValidator(control: AbstractControl<string>): ValidationErrors | null {
  return (control.value ?? '').trim().length >= MIN_EMERGENCY_REASON
    ? null
    : { reason: { min: MIN_EMERGENCY_REASON } };
}

/** Asks for the caller's password again and a reason, then requests emergency access. */
@Component({
  selector: 'pp-emergency-access-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Emergency access</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="warning">
          <mat-icon aria-hidden="true" svgIcon="emergency"></mat-icon>
          <span>
            Use this only when a client needs help now and their own staff cannot be reached. You get
            {{ minutes }} minutes of read-only access to this one client. Every view is recorded and your
            program manager reviews it.
          </span>
        </p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Reason</mat-label>
          <textarea matInput rows="3" formControlName="reason" required maxlength="1000"></textarea>
          <mat-hint
            >At least {{ minReason }} characters, e.g. what is happening and why you need the
            record.</mat-hint
          >
          @if (form.controls.reason.invalid) {
            <mat-error>Give a reason of at least {{ minReason }} characters.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width password">
          <mat-label>Your password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
          @if (form.controls.password.invalid) {
            <mat-error>Enter your password to confirm it is you.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="busy()">
          Open with emergency access
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .warning {
      display: flex;
      gap: 8px;
      margin-top: 0;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .password {
      margin-top: 12px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmergencyAccessDialog {
  private readonly data = inject<EmergencyAccessData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EmergencyAccessDialog, EmergencyAccessGrant>>(MatDialogRef);
  private readonly emergency = inject(EmergencyAccess);

  protected readonly minutes = EMERGENCY_ACCESS_MINUTES;
  protected readonly minReason = MIN_EMERGENCY_REASON;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, reasonValidator]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const { reason, password } = this.form.getRawValue();
    try {
      this.ref.close(await this.emergency.request(this.data.clientId, password, reason));
    } catch (error) {
      const problem = readProblem(error, 'Emergency access could not be granted.');
      this.error.set(
        problem.status === 404
          ? 'There is no client at this address that emergency access can open.'
          : problem.message,
      );
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
