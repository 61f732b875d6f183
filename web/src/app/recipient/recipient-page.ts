import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Meta } from '@angular/platform-browser';
import {
  DECLINE_REASON_LABELS,
  DECLINE_REASONS,
  type DeclineReason,
  FINAL_REFERRAL_STATUSES,
  type RecipientAnswer,
  type RecipientAnswerRequest,
  recipientAnswersFrom,
  type RecipientView,
  type ReferralStatus,
} from '@peerpath/contracts';
import { elementWords } from '../consents/consent-coverage';
import { problemSlug, readProblem } from '../core/problem';
import { needLabel, URGENCY_LABELS } from '../referrals/referral-display';
import { RecipientApi } from './recipient-api.service';
import { ANSWER_LABELS, PLAIN_STATUS } from './recipient-words';
import { ProblemMessage } from '../shared/problem-message';

/** A dead link and an unknown one look the same: the page says so and nothing more. */
const DEAD = [404, 410];

/**
 * The page the recipient of a shared referral opens from their link (route /r/:token), without
 * an account: the packet the client's consent allows, the notice of 42 CFR 2.32, and the answer.
 */
@Component({
  selector: 'pp-recipient-page',
  imports: [
    ProblemMessage,
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
  ],
  templateUrl: './recipient-page.html',
  styleUrl: './recipient-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecipientPage implements OnInit {
  /** Route parameter (component input binding); kept in memory only. */
  readonly token = input.required<string>();

  private readonly api = inject(RecipientApi);
  protected readonly view = signal<RecipientView | null>(null);
  protected readonly status = signal<ReferralStatus | null>(null);
  protected readonly loading = signal(true);
  protected readonly gone = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly sendError = signal<string | null>(null);
  protected readonly sent = signal<RecipientAnswer | null>(null);

  /** The answers the referral's status allows now (the same state machine as the clinic's). */
  protected readonly answers = computed(() => {
    const status = this.status();
    return status ? recipientAnswersFrom(status) : [];
  });
  protected readonly final = computed(() => {
    const status = this.status();
    return !!status && FINAL_REFERRAL_STATUSES.includes(status);
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as RecipientAnswer | '', Validators.required],
    expectedOn: [''],
    reason: ['' as DeclineReason | ''],
    note: ['', Validators.maxLength(500)],
  });
  protected readonly chosen = signal<RecipientAnswer | ''>('');

  protected readonly answerLabels = ANSWER_LABELS;
  protected readonly plainStatus = PLAIN_STATUS;
  protected readonly reasons = DECLINE_REASONS;
  protected readonly reasonLabels = DECLINE_REASON_LABELS;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly elementWords = elementWords;

  constructor() {
    this.form.controls.status.valueChanges.subscribe((value) => this.chosen.set(value));
    // The address is a credential: no search engine keeps it, no followed link is told it.
    const meta = inject(Meta);
    meta.updateTag({ name: 'robots', content: 'noindex, nofollow' });
    meta.updateTag({ name: 'referrer', content: 'no-referrer' });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const view = await this.api.open(this.token());
      this.view.set(view);
      this.status.set(view.status);
    } catch (error) {
      this.fail(error, 'The referral could not be loaded.');
    } finally {
      this.loading.set(false);
    }
  }

  protected async submit(): Promise<void> {
    const { status, expectedOn, reason, note } = this.form.getRawValue();
    if (!status) {
      this.form.controls.status.markAsTouched();
      this.sendError.set('Choose an answer first.');
      return;
    }
    if (status === 'declined' && !reason) {
      this.form.controls.reason.setErrors({ required: true });
      this.form.controls.reason.markAsTouched();
      this.sendError.set('Choose a reason.');
      return;
    }
    if (this.sending() || this.form.invalid) return;
    const request: RecipientAnswerRequest = {
      status,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(status === 'declined' && reason ? { reason } : {}),
      ...(status === 'waitlisted' && expectedOn ? { expectedOn } : {}),
    };
    this.sending.set(true);
    this.sendError.set(null);
    try {
      const moved = await this.api.answer(this.token(), request);
      this.status.set(moved.status);
      this.sent.set(status);
      this.form.reset();
    } catch (error) {
      if (error instanceof HttpErrorResponse && DEAD.includes(error.status)) {
        this.gone.set(true);
      } else if (problemSlug(error) === 'illegal-status-move') {
        this.sendError.set('That answer is no longer possible: the referral has changed. Reload the page.');
      } else {
        this.sendError.set(readProblem(error, 'Your answer could not be sent. Please try again.').message);
      }
    } finally {
      this.sending.set(false);
    }
  }

  private fail(error: unknown, fallback: string): void {
    if (error instanceof HttpErrorResponse && DEAD.includes(error.status)) {
      this.gone.set(true);
      return;
    }
    this.error.set(readProblem(error, fallback).message);
  }
}
