import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CLINICAL_NOTE_LABELS,
  CLINICAL_NOTE_TYPES,
  type ClinicalNote,
  type ClinicalNoteType,
} from '@peerpath/contracts';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../core/problem';
import { ClinicalNotesApi } from './clinical-notes-api.service';
import { ProblemMessage } from '../shared/problem-message';

export const MAX_CLINICAL_NOTE = 20000;

export interface ClinicalNoteDialogData {
  clientId: string;
  /** Editing the caller's own unsigned note; absent for a new note. */
  note?: ClinicalNote;
}

/** Writes a new clinical note (draft or signed) or edits the caller's own draft. */
@Component({
  selector: 'pp-clinical-note-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.note ? 'Edit clinical note' : 'New clinical note' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save(false)" novalidate>
      <mat-dialog-content>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Type</mat-label>
          <mat-select formControlName="noteType" required>
            @for (type of types; track type) {
              <mat-option [value]="type">{{ labels[type] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Note text</mat-label>
          <textarea matInput rows="10" formControlName="body" required [maxlength]="max"></textarea>
          <mat-hint align="end">{{ form.controls.body.value.length }} / {{ max }}</mat-hint>
          @if (form.controls.body.invalid) {
            <mat-error>Write the note.</mat-error>
          }
        </mat-form-field>
        <p class="sign-hint">A signed note never changes; corrections are added as addenda.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-stroked-button type="submit" [disabled]="busy()">
          {{ data.note ? 'Save changes' : 'Save draft' }}
        </button>
        @if (!data.note) {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="save(true)">
            <mat-icon aria-hidden="true" svgIcon="draw"></mat-icon>
            Save and sign
          </button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .sign-hint {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClinicalNoteDialog {
  protected readonly data = inject<ClinicalNoteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ClinicalNoteDialog, ClinicalNote>>(MatDialogRef);
  private readonly api = inject(ClinicalNotesApi);

  protected readonly types = CLINICAL_NOTE_TYPES;
  protected readonly labels = CLINICAL_NOTE_LABELS;
  protected readonly max = MAX_CLINICAL_NOTE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    noteType: [(this.data.note?.noteType ?? 'progress') as ClinicalNoteType, Validators.required],
    body: [
      this.data.note?.body ?? '',
      [Validators.required, Validators.pattern(/\S/), Validators.maxLength(MAX_CLINICAL_NOTE)],
    ],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async save(sign: boolean): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const { noteType, body } = this.form.getRawValue();
    try {
      const note = this.data.note;
      this.ref.close(
        note
          ? await this.api.update(note, { noteType, body })
          : await this.api.create(this.data.clientId, { noteType, body, ...(sign ? { sign: true } : {}) }),
      );
    } catch (error) {
      this.error.set(
        problemSlug(error) === 'stale-version'
          ? STALE_RECORD_MESSAGE
          : readProblem(error, 'The note could not be saved.').message,
      );
    } finally {
      this.busy.set(false);
    }
  }
}
