import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type Goal, RECOVERY_DOMAINS, type RecoveryDomain } from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../core/forms';
import { readProblem } from '../core/problem';
import { label, localToday } from '../clients/client-display';
import { RecoveryApi } from './recovery-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface GoalDialogData {
  clientId: string;
  clientName: string;
}

/** A peer adds a recovery goal in one domain, with an optional target date. */
@Component({
  selector: 'pp-goal-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>Add goal</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="for">A recovery goal for {{ data.clientName }}.</p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Recovery domain</mat-label>
          <mat-select formControlName="domain" required>
            @for (d of domains; track d) {
              <mat-option [value]="d">{{ label(d) }}</mat-option>
            }
          </mat-select>
          @if (serverError(form.controls.domain); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.domain.invalid) {
            <mat-error>Choose a recovery domain.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Goal</mat-label>
          <textarea matInput rows="3" formControlName="description" required maxlength="2000"></textarea>
          @if (serverError(form.controls.description); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.description.invalid) {
            <mat-error>Describe the goal.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Target date (optional)</mat-label>
          <input matInput type="date" formControlName="targetDate" [min]="today" />
          @if (serverError(form.controls.targetDate); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Add goal</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(440px, 80vw);
    }
    .for {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalDialog {
  private readonly api = inject(RecoveryApi);
  private readonly ref = inject<MatDialogRef<GoalDialog, Goal>>(MatDialogRef);
  protected readonly data = inject<GoalDialogData>(MAT_DIALOG_DATA);
  protected readonly domains = RECOVERY_DOMAINS;
  protected readonly label = label;
  protected readonly serverError = serverError;
  protected readonly today = localToday();
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    domain: ['' as RecoveryDomain | '', Validators.required],
    description: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(2000)]],
    targetDate: [''],
  });

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    const v = this.form.getRawValue();
    try {
      const goal = await this.api.createGoal(this.data.clientId, {
        domain: v.domain as RecoveryDomain,
        description: v.description.trim(),
        ...(v.targetDate ? { targetDate: v.targetDate } : {}),
      });
      this.ref.close(goal);
    } catch (error) {
      const problem = readProblem(error, 'The goal could not be added.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }
}
