import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  COMMUNITY_MEETING_TYPES,
  type CommunityMeeting,
  type CommunityMeetingType,
  GROUPS_API,
  MEETING_VERIFICATIONS,
  type MeetingVerification,
} from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../../core/forms';
import { readProblem } from '../../core/problem';
import { localToday } from '../../clients/client-display';
import { newIdempotencyKey } from '../../contacts/contact-form';
import { groupLabel } from '../group-display';
import { GroupsApi } from '../groups-api.service';
import { Outbox } from '../../outbox/outbox';
import { MatSnackBar } from '@angular/material/snack-bar';

export interface CommunityMeetingData {
  clientId: string;
  clientName: string;
}

function notFuture(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > localToday() ? { future: true } : null;
}

/** A peer records that a client went to a community mutual-aid meeting. It never bills. */
@Component({
  selector: 'pp-community-meeting-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Record community meeting</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="for">{{ data.clientName }} went to a mutual-aid meeting in the community.</p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <div class="problem" role="alert">
              <mat-icon aria-hidden="true" svgIcon="error"></mat-icon>
              <span>{{ message }}</span>
            </div>
          }
        </div>
        <span id="meeting-type-label" class="group-label">Type</span>
        <mat-button-toggle-group
          formControlName="meetingType"
          name="meetingType"
          aria-labelledby="meeting-type-label"
          class="choices"
          hideSingleSelectionIndicator
        >
          @for (t of types; track t) {
            <mat-button-toggle [value]="t">{{ groupLabel(t) }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Date</mat-label>
          <input matInput type="date" formControlName="date" [max]="today" required />
          @if (serverError(form.controls.date); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (form.controls.date.hasError('future')) {
            <mat-error>The meeting cannot be in the future.</mat-error>
          } @else if (form.controls.date.invalid) {
            <mat-error>Enter the meeting’s date.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Meeting name or place (optional)</mat-label>
          <input matInput formControlName="nameOrPlace" autocomplete="off" maxlength="200" />
          @if (serverError(form.controls.nameOrPlace); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <span id="verification-label" class="group-label">How we know</span>
        <mat-button-toggle-group
          formControlName="verification"
          name="verification"
          aria-labelledby="verification-label"
          class="choices two"
          hideSingleSelectionIndicator
        >
          @for (v of verifications; track v) {
            <mat-button-toggle [value]="v">{{ groupLabel(v) }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Record meeting</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(440px, 80vw);
    }
    .for {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .group-label {
      font: var(--mat-sys-title-small);
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
      margin-bottom: 8px;
      --mat-button-toggle-height: 48px;
      &.two {
        grid-template-columns: repeat(2, 1fr);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommunityMeetingDialog {
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<CommunityMeetingDialog, CommunityMeeting>>(MatDialogRef);
  private readonly outbox = inject(Outbox);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly data = inject<CommunityMeetingData>(MAT_DIALOG_DATA);
  protected readonly types = COMMUNITY_MEETING_TYPES;
  protected readonly verifications = MEETING_VERIFICATIONS;
  protected readonly groupLabel = groupLabel;
  protected readonly serverError = serverError;
  protected readonly today = localToday();
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  /** One key per dialog: pressing Record again after a dropped answer records the meeting once. */
  private readonly idempotencyKey = newIdempotencyKey();

  protected readonly form = inject(NonNullableFormBuilder).group({
    meetingType: ['aa' as CommunityMeetingType, Validators.required],
    date: [this.today, [Validators.required, notFuture]],
    nameOrPlace: ['', Validators.maxLength(200)],
    verification: ['self_reported' as MeetingVerification],
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
    const request = {
      meetingType: v.meetingType,
      date: v.date,
      verification: v.verification,
      ...(v.nameOrPlace.trim() ? { nameOrPlace: v.nameOrPlace.trim() } : {}),
    };
    try {
      const meeting = await this.api.recordCommunityMeeting(this.data.clientId, request, this.idempotencyKey);
      this.ref.close(meeting);
    } catch (error) {
      const problem = readProblem(error, 'The meeting could not be recorded.');
      if (problem.status === 0) {
        // No link: the meeting waits in the device outbox under its key and sends itself.
        await this.outbox.add({
          key: this.idempotencyKey,
          kind: 'meeting',
          method: 'POST',
          url: GROUPS_API.communityMeetings(encodeURIComponent(this.data.clientId)),
          body: request,
          summary: `Community meeting on ${v.date}`,
          link: `/clients/${this.data.clientId}`,
        });
        this.snackBar.open('No connection — the meeting is in your outbox and will send itself.', 'OK', {
          duration: 8000,
        });
        this.ref.close();
        return;
      }
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }
}
