import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Contact, ContactReview, ReviewQueueItem } from '@peerpath/contracts';
import { ContactCard } from '../contacts/contact-card';
import { ContactsApi } from '../contacts/contacts-api.service';
import { problemSlug, readProblem } from '../core/problem';
import { OversightApi, REVIEW_REASON_LABELS } from './oversight-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface ReviewContactData {
  item: ReviewQueueItem;
}

/** What the dialog answers: the saved review, or `already` when someone reviewed it first. */
export type ReviewContactResult = ContactReview | 'already';

export const MAX_REVIEW_COMMENT = 2000;

/** Shows the signed contact and records the manager's review, with a comment the peer will see. */
@Component({
  selector: 'pp-review-contact-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ContactCard,
  ],
  template: `
    <h2 mat-dialog-title>Review contact — {{ data.item.clientName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="why">
          In the queue because:
          @for (reason of data.item.reasons; track reason) {
            <span class="reason">{{ reasonLabels[reason] }}</span>
          }
        </p>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the contact" />
        }
        @if (contact(); as c) {
          <pp-contact-card [contact]="c" />
        }
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width comment">
          <mat-label>Comment for {{ data.item.authorName }} (optional)</mat-label>
          <textarea matInput rows="3" formControlName="comment" [maxlength]="maxComment"></textarea>
          <mat-hint>Shown to the peer on this contact.</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          <mat-icon aria-hidden="true" svgIcon="fact_check"></mat-icon>
          Mark reviewed
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .why {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin-top: 0;
    }
    .reason {
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-medium);
    }
    .comment {
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewContactDialog implements OnInit {
  protected readonly data = inject<ReviewContactData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReviewContactDialog, ReviewContactResult>>(MatDialogRef);
  private readonly contacts = inject(ContactsApi);
  private readonly api = inject(OversightApi);

  protected readonly reasonLabels = REVIEW_REASON_LABELS;
  protected readonly maxComment = MAX_REVIEW_COMMENT;
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: ['', [Validators.maxLength(MAX_REVIEW_COMMENT)]],
  });
  protected readonly contact = signal<Contact | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.loadContact();
  }

  protected async submit(): Promise<void> {
    if (this.busy() || this.form.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(
        await this.api.reviewContact(this.data.item.contactId, this.form.controls.comment.value),
      );
    } catch (error) {
      if (problemSlug(error) === 'already-reviewed' || readProblem(error).status === 409) {
        this.ref.close('already');
        return;
      }
      this.error.set(readProblem(error, 'The review could not be saved.').message);
    } finally {
      this.busy.set(false);
    }
  }

  private async loadContact(): Promise<void> {
    try {
      this.contact.set(await this.contacts.get(this.data.item.contactId));
    } catch (error) {
      this.error.set(readProblem(error, 'The contact could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }
}
