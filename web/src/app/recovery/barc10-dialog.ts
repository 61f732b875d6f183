import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { type Assessment, BARC10_ITEMS, BARC10_SCALE, barc10Total } from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { RecoveryApi } from './recovery-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface Barc10DialogData {
  clientId: string;
  clientName: string;
}

/** BARC-10: the client agrees with ten statements on a 1–6 scale; all ten are needed to save. */
@Component({
  selector: 'pp-barc10-dialog',
  imports: [ProblemMessage, MatDialogModule, MatButtonModule, MatButtonToggleModule, MatIconModule],
  template: `
    <h2 mat-dialog-title>Record BARC-10</h2>
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <mat-dialog-content>
        <p class="for">
          Read each statement with {{ data.clientName }} and choose how much they agree, from 1 ({{
            scale[0]
          }}) to 6 ({{ scale[5] }}).
        </p>
        <ol class="items">
          @for (item of items; track $index; let i = $index) {
            <li [class.missing]="tried() && answers()[i] === null" data-testid="barc10-item">
              <span class="statement" [id]="'barc10-item-' + i">{{ item }}</span>
              <mat-button-toggle-group
                class="scale"
                [name]="'barc10-' + i"
                [attr.aria-labelledby]="'barc10-item-' + i"
                [value]="answers()[i]"
                (change)="answer(i, $event)"
                hideSingleSelectionIndicator
              >
                @for (text of scale; track text; let n = $index) {
                  <mat-button-toggle [value]="n + 1" [aria-label]="n + 1 + ' ' + text" [title]="text">
                    {{ n + 1 }}
                  </mat-button-toggle>
                }
              </mat-button-toggle-group>
            </li>
          }
        </ol>
      </mat-dialog-content>
      <div class="footer">
        <p class="total" aria-live="polite" data-testid="barc10-live-total">
          <strong>Total {{ total() }} of 60</strong>&ngsp;
          <span>· {{ answered() }} of 10 answered</span>
        </p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
      </div>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Save BARC-10</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      min-width: min(520px, 80vw);
    }
    .for {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .items {
      margin: 0;
      padding-left: 20px;
      li {
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        &.missing .statement {
          color: var(--mat-sys-error);
          font-weight: 500;
        }
      }
    }
    .statement {
      display: block;
      margin-bottom: 6px;
    }
    .scale {
      display: grid;
      grid-template-columns: repeat(6, minmax(0, 1fr));
      max-width: 360px;
      --mat-button-toggle-height: 44px;
    }
    .footer {
      padding: 8px 24px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .total {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0;
      font: var(--mat-sys-title-medium);
      span {
        font: var(--mat-sys-body-medium);
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Barc10Dialog {
  private readonly api = inject(RecoveryApi);
  private readonly ref = inject<MatDialogRef<Barc10Dialog, Assessment>>(MatDialogRef);
  protected readonly data = inject<Barc10DialogData>(MAT_DIALOG_DATA);
  protected readonly items = BARC10_ITEMS;
  protected readonly scale = BARC10_SCALE;

  protected readonly answers = signal<(number | null)[]>(BARC10_ITEMS.map(() => null));
  protected readonly answered = computed(() => this.answers().filter((a) => a !== null).length);
  protected readonly total = computed(() =>
    barc10Total(this.answers().filter((a): a is number => a !== null)),
  );
  protected readonly tried = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected answer(index: number, change: MatButtonToggleChange): void {
    const value = Number(change.value);
    this.answers.update((all) => all.map((a, i) => (i === index ? value : a)));
    if (this.answered() === this.items.length && this.tried()) this.error.set(null);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.tried.set(true);
    const answers = this.answers();
    const missing = answers.filter((a) => a === null).length;
    if (missing) {
      this.error.set(
        `Answer all ten statements before saving (${missing} ${missing === 1 ? 'is' : 'are'} unanswered).`,
      );
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const saved = await this.api.recordAssessment(this.data.clientId, {
        instrument: 'barc10',
        items: answers as number[],
      });
      this.ref.close(saved);
    } catch (error) {
      this.error.set(readProblem(error, 'The BARC-10 could not be saved.').message);
    } finally {
      this.saving.set(false);
    }
  }
}
