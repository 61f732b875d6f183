import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type Handoff, HANDOFF_ATTEMPT_METHODS, type HandoffAttemptMethod } from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { ATTEMPT_METHOD_LABELS } from './handoff-display';
import { HandoffsApi } from './handoffs-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** A datetime-local value for now, on the device's clock (what the peer's watch says). */
function localNow(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** Logs one try at reaching a handed-off person; a successful one is the first contact. */
@Component({
  selector: 'pp-handoff-attempt-dialog',
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
    <h2 mat-dialog-title>Log an attempt to reach {{ data.firstName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <fieldset>
          <legend id="attempt-method-label">How did you reach out?</legend>
          <mat-button-toggle-group
            formControlName="method"
            aria-labelledby="attempt-method-label"
            hideSingleSelectionIndicator
            class="segments"
          >
            @for (method of methods; track method) {
              <mat-button-toggle [value]="method">{{ methodLabels[method] }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
        </fieldset>
        <fieldset>
          <legend id="attempt-reached-label">Did you reach them?</legend>
          <mat-button-toggle-group
            formControlName="successful"
            aria-labelledby="attempt-reached-label"
            hideSingleSelectionIndicator
            class="segments"
          >
            <mat-button-toggle [value]="true">Yes, we talked</mat-button-toggle>
            <mat-button-toggle [value]="false">No answer</mat-button-toggle>
          </mat-button-toggle-group>
          @if (form.controls.successful.touched && form.controls.successful.invalid) {
            <p class="field-error" role="alert">Say whether you reached them.</p>
          }
        </fieldset>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>When</mat-label>
          <input matInput type="datetime-local" formControlName="at" [max]="max" required />
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Note</mat-label>
          <textarea matInput rows="2" formControlName="note" maxlength="2000"></textarea>
          <mat-hint>For example "left a voicemail".</mat-hint>
        </mat-form-field>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Log attempt</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0 0 16px;
      padding: 0;
    }
    legend {
      margin-bottom: 8px;
    }
    .full-width {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttemptDialog {
  protected readonly data = inject<Handoff>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AttemptDialog, Handoff>>(MatDialogRef);
  private readonly api = inject(HandoffsApi);
  protected readonly methods = HANDOFF_ATTEMPT_METHODS;
  protected readonly methodLabels = ATTEMPT_METHOD_LABELS;
  protected readonly max = localNow();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    method: ['phone' as HandoffAttemptMethod, Validators.required],
    successful: [null as boolean | null, Validators.required],
    at: [this.max, Validators.required],
    note: ['', Validators.maxLength(2000)],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { method, successful, at, note } = this.form.getRawValue();
    if (this.form.invalid || successful === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const saved = await this.api.attempt(this.data.id, {
        method,
        successful,
        // Left at "now": the server's clock says when, so a phone running fast is never "in the future".
        ...(at !== this.max ? { at: new Date(at).toISOString() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      this.ref.close(saved);
    } catch (error) {
      const problem = readProblem(error, 'The attempt could not be logged.');
      this.error.set(problem.fieldErrors['at'] ?? problem.message);
    } finally {
      this.busy.set(false);
    }
  }
}
