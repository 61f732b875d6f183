import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Consent, RevocationMethod } from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { ConsentsApi } from './consents-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface RevokeConsentDialogData {
  consent: Consent;
  recipient: string;
}

/** Revokes a consent, keeping how the revocation arrived (in writing or spoken) and a note. */
@Component({
  selector: 'pp-revoke-consent-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Revoke consent</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          Nothing more may be disclosed to {{ data.recipient }} under this consent. Disclosures already made
          stay in the accounting.
        </p>
        <fieldset>
          <legend id="revoke-method-label">How did the client revoke it?</legend>
          <mat-button-toggle-group
            formControlName="method"
            name="method"
            aria-labelledby="revoke-method-label"
            hideSingleSelectionIndicator
          >
            <mat-button-toggle value="written">In writing</mat-button-toggle>
            <mat-button-toggle value="verbal">Verbally</mat-button-toggle>
          </mat-button-toggle-group>
          @if (form.controls.method.touched && form.controls.method.invalid) {
            <p class="field-error" role="alert">Choose how the revocation arrived.</p>
          }
        </fieldset>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Note</mat-label>
          <textarea matInput rows="2" formControlName="note" maxlength="2000"></textarea>
          <mat-hint>For example who took the call, or where the letter is filed.</mat-hint>
        </mat-form-field>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Revoke consent</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0 0 16px;
      padding: 0;
    }
    .full-width {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevokeConsentDialog {
  protected readonly data = inject<RevokeConsentDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RevokeConsentDialog, Consent>>(MatDialogRef);
  private readonly api = inject(ConsentsApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    method: ['' as RevocationMethod | '', Validators.required],
    note: ['', Validators.maxLength(2000)],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { method, note } = this.form.getRawValue();
    if (this.form.invalid || !method) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const revoked = await this.api.revoke(this.data.consent.id, {
        method,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      this.ref.close(revoked);
    } catch (error) {
      this.error.set(readProblem(error, 'The consent could not be revoked.').message);
    } finally {
      this.busy.set(false);
    }
  }
}
