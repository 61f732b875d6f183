import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { type Group, type GroupSession, MAX_SESSION_MINUTES, nextFreeSessionDate } from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../core/forms';
import { problemField, problemSlug, readProblem } from '../core/problem';
import { localToday } from '../clients/client-display';
import { scheduleTime } from './group-display';
import { GroupsApi } from './groups-api.service';

export interface SessionFormData {
  group: Group;
  /** Length of the latest session, as the default. */
  durationMinutes?: number;
  /** The group's sessions: the default date skips those taken at the default start time. */
  sessions?: Pick<GroupSession, 'date' | 'startTime'>[];
}

export interface SessionFormResult {
  sessionId: string;
  date: string;
  /** False when the group already had a session at that date and time. */
  created: boolean;
}

/** A facilitator or manager plans or starts a session: date, start time, length, topic. */
@Component({
  selector: 'pp-session-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
  ],
  template: `
    <h2 mat-dialog-title>New session</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="for">{{ data.group.name }}</p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <div class="problem" role="alert">
              <mat-icon aria-hidden="true" svgIcon="error"></mat-icon>
              <span>{{ message }}</span>
              @if (existing(); as sessionId) {
                <button mat-button type="button" (click)="openExisting(sessionId)">Open it</button>
              }
            </div>
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Date</mat-label>
          <input matInput type="date" formControlName="date" required />
          @if (serverError(form.controls.date); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.date.invalid) {
            <mat-error>Enter the session’s date.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Start time</mat-label>
          <input matInput type="time" formControlName="startTime" required />
          @if (serverError(form.controls.startTime); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.startTime.invalid) {
            <mat-error>Enter the start time.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Minutes</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="1"
            [max]="maxMinutes"
            formControlName="durationMinutes"
            required
          />
          @if (serverError(form.controls.durationMinutes); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.durationMinutes.invalid) {
            <mat-error>Enter 1 to {{ maxMinutes }} minutes.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Topic (optional)</mat-label>
          <input matInput formControlName="topic" autocomplete="off" maxlength="200" />
          @if (serverError(form.controls.topic); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Create session</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(400px, 80vw);
    }
    .for {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionFormDialog {
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<SessionFormDialog, SessionFormResult>>(MatDialogRef);
  protected readonly data = inject<SessionFormData>(MAT_DIALOG_DATA);
  protected readonly maxMinutes = MAX_SESSION_MINUTES;
  protected readonly serverError = serverError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly existing = signal<string | null>(null);

  private readonly startTime = scheduleTime(this.data.group.schedule) ?? '18:00';

  /** Dates whose default slot is taken: the API refuses a second session at the same date and time. */
  private takenDates(): string[] {
    return (this.data.sessions ?? [])
      .filter((s) => s.startTime.slice(0, 5) === this.startTime)
      .map((s) => s.date);
  }

  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [nextFreeSessionDate(localToday(), this.takenDates()), Validators.required],
    startTime: [this.startTime, Validators.required],
    durationMinutes: [
      this.data.durationMinutes ?? 60,
      [Validators.required, Validators.min(1), Validators.max(MAX_SESSION_MINUTES)],
    ],
    topic: ['', Validators.maxLength(200)],
  });

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.existing.set(null);
    const v = this.form.getRawValue();
    try {
      const session = await this.api.createSession(this.data.group.id, {
        date: v.date,
        startTime: v.startTime.slice(0, 5),
        durationMinutes: Number(v.durationMinutes),
        ...(v.topic.trim() ? { topic: v.topic.trim() } : {}),
      });
      this.ref.close({ sessionId: session.id, date: session.date, created: true });
    } catch (error) {
      const problem = readProblem(error, 'The session could not be created.');
      const existing = problemField(error, 'sessionId');
      if (problemSlug(error) === 'duplicate-session' && typeof existing === 'string') {
        this.existing.set(existing);
      }
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }

  protected openExisting(sessionId: string): void {
    this.ref.close({ sessionId, date: this.form.controls.date.value, created: false });
  }
}
