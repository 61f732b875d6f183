import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  type Handoff,
  HANDOFF_CLOSE_REASON_LABELS,
  HANDOFF_CLOSE_REASONS,
  type HandoffCloseReason,
} from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { HandoffsApi } from './handoffs-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** Closes a handoff that will not become a client, with the reason funders and managers read. */
@Component({
  selector: 'pp-close-handoff-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
  ],
  template: `
    <h2 mat-dialog-title>Close the handoff for {{ data.firstName }} {{ data.lastName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <fieldset>
          <legend id="close-reason-label">Why is it closing?</legend>
          <mat-radio-group formControlName="reason" aria-labelledby="close-reason-label" class="reasons">
            @for (reason of reasons; track reason) {
              <mat-radio-button [value]="reason">{{ reasonLabels[reason] }}</mat-radio-button>
            }
          </mat-radio-group>
          @if (form.controls.reason.touched && form.controls.reason.invalid) {
            <p class="field-error" role="alert">Choose a reason.</p>
          }
        </fieldset>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Note</mat-label>
          <textarea matInput rows="2" formControlName="note" maxlength="2000"></textarea>
        </mat-form-field>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it open</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Close handoff</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0 0 16px;
      padding: 0;
    }
    .reasons {
      display: flex;
      flex-direction: column;
    }
    .full-width {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseHandoffDialog {
  protected readonly data = inject<Handoff>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CloseHandoffDialog, Handoff>>(MatDialogRef);
  private readonly api = inject(HandoffsApi);
  protected readonly reasons = HANDOFF_CLOSE_REASONS;
  protected readonly reasonLabels = HANDOFF_CLOSE_REASON_LABELS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['' as HandoffCloseReason | '', Validators.required],
    note: ['', Validators.maxLength(2000)],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { reason, note } = this.form.getRawValue();
    if (this.form.invalid || !reason) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const closed = await this.api.close(this.data.id, {
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      this.ref.close(closed);
    } catch (error) {
      this.error.set(readProblem(error, 'The handoff could not be closed.').message);
    } finally {
      this.busy.set(false);
    }
  }
}
