import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { readProblem } from '../core/problem';
import { ProblemMessage } from './problem-message';

export interface TextDialogData<T> {
  title: string;
  intro?: string;
  label: string;
  confirm: string;
  required: boolean;
  maxLength: number;
  /** Runs the change; the dialog closes with its answer or shows why it failed. */
  action: (text: string) => Promise<T>;
}

/** Asks for one piece of text (a discharge reason, an addendum) and performs the change. */
@Component({
  selector: 'pp-text-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (data.intro) {
          <p>{{ data.intro }}</p>
        }
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>{{ data.label }}</mat-label>
          <textarea
            matInput
            rows="4"
            formControlName="text"
            [required]="data.required"
            [maxlength]="data.maxLength"
          ></textarea>
          @if (text.invalid) {
            <mat-error>Enter the {{ data.label.toLowerCase() }}.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ data.confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TextDialog<T> {
  protected readonly data = inject<TextDialogData<T>>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TextDialog<T>, T>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', this.data.required ? [Validators.required, Validators.pattern(/\S/)] : []],
  });
  protected readonly text = this.form.controls.text;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await this.data.action(this.text.value.trim()));
    } catch (error) {
      this.error.set(readProblem(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
