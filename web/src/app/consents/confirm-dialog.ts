import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { readProblem } from '../core/problem';

export interface ConfirmDialogData<T> {
  title: string;
  message: string;
  confirm: string;
  /** Runs the change; the dialog closes with its answer or shows why it failed. */
  action: () => Promise<T>;
}

/** Asks once before an irreversible change (such as revoking a consent) and performs it. */
@Component({
  selector: 'pp-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, MatIconModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      <div aria-live="assertive">
        @if (error(); as message) {
          <p class="problem" role="alert">
            <mat-icon aria-hidden="true" svgIcon="error"></mat-icon>
            <span>{{ message }}</span>
          </p>
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep it</button>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="run()">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog<T> {
  protected readonly data = inject<ConfirmDialogData<T>>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConfirmDialog<T>, T>>(MatDialogRef);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async run(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await this.data.action());
    } catch (error) {
      this.error.set(readProblem(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
