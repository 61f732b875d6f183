import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export type SignOutChoice = 'send' | 'keep' | 'discard';

/** Signing out with unsent items: nothing is deleted without the person choosing so. */
@Component({
  selector: 'pp-sign-out-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Unsent items on this device</h2>
    <mat-dialog-content>
      <p>
        {{ count === 1 ? '1 item has' : count + ' items have' }} not been sent yet. Kept items stay on this
        device for you only and are removed if someone else signs in here.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions class="choices">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-button type="button" [mat-dialog-close]="'discard'">Discard</button>
      <button mat-stroked-button type="button" [mat-dialog-close]="'keep'">Keep for me</button>
      <button mat-flat-button type="button" [mat-dialog-close]="'send'" cdkFocusInitial>Send now</button>
    </mat-dialog-actions>
  `,
  styles: `
    .choices {
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignOutDialog {
  protected readonly count = inject<{ count: number }>(MAT_DIALOG_DATA).count;
}
