import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  API,
  billingPreview,
  type Contact,
  contactVerdict,
  DEFAULT_BILLING_PROFILE,
  defaultBillable,
  noteRequired,
  unitsForMinutes,
  CONTACT_TYPES,
  type ContactType,
  MAX_CONTACT_MINUTES,
  MAX_NOTE_LENGTH,
  type Modality,
  MODALITIES,
  RECOVERY_DOMAINS,
  type RecoveryDomain,
} from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { applyServerErrors, serverError } from '../../core/forms';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../../core/problem';
import { displayName, label } from '../../clients/client-display';
import { ClientNotFound } from '../../clients/client-not-found';
import { ClientsApi } from '../../clients/clients-api.service';
import { ContactDraftStore, type ContactFormValue } from '../contact-draft-store';
import {
  contactDefaults,
  fromContact,
  newIdempotencyKey,
  notInFuture,
  toCreateRequest,
  toUpdateRequest,
} from '../contact-form';
import { ContactsApi } from '../contacts-api.service';
import { Outbox } from '../../outbox/outbox';

export const OFFLINE_MESSAGE = 'Not sent — you are offline. Your contact is saved on this device.';
/** Said where the finger is (a snackbar) when a contact goes to the outbox. */
export const OUTBOX_MESSAGE = 'No connection — the contact is in your outbox and will send itself.';

/**
 * Log a contact in two taps (defaults: now, in person, check-in, 15 minutes, successful, signed),
 * or edit a draft. An unsent contact stays on the device with its Idempotency-Key, so a retry
 * after a dropped connection can never log it twice.
 */
@Component({
  selector: 'pp-log-contact-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ClientNotFound,
  ],
  templateUrl: './log-contact-page.html',
  styleUrl: './log-contact-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogContactPage implements OnInit {
  /** Route parameters (component input binding). */
  readonly id = input.required<string>();
  readonly contactId = input<string>();

  private readonly clients = inject(ClientsApi);
  private readonly contacts = inject(ContactsApi);
  private readonly drafts = inject(ContactDraftStore);
  private readonly outbox = inject(Outbox);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user;

  protected readonly modalities = MODALITIES;
  protected readonly contactTypes = CONTACT_TYPES;
  protected readonly domains = RECOVERY_DOMAINS;
  protected readonly quickMinutes = [15, 30, 45, 60];
  protected readonly maxMinutes = MAX_CONTACT_MINUTES;
  protected readonly maxNote = MAX_NOTE_LENGTH;
  protected readonly label = label;
  protected readonly serverError = serverError;

  protected readonly form = inject(NonNullableFormBuilder).group({
    occurredAt: ['', [Validators.required, notInFuture]],
    durationMinutes: [15 as number | null, [Validators.required, Validators.min(1), Validators.max(480)]],
    modality: ['in_person' as Modality],
    contactType: ['check_in' as ContactType],
    successful: [true],
    billable: [true],
    location: ['', Validators.maxLength(200)],
    topics: [[] as RecoveryDomain[]],
    note: ['', Validators.maxLength(MAX_NOTE_LENGTH)],
    sign: [true],
  });
  private readonly value = signal(this.form.getRawValue());
  /** The clinic's billing rules, the same ones the API applies (libs/contracts billing.ts). */
  private readonly profile = computed(() => this.user()?.billingProfile ?? DEFAULT_BILLING_PROFILE);
  protected readonly units = computed(() => {
    const v = this.value();
    return contactVerdict(v, this.profile()).bills ? unitsForMinutes(Number(v.durationMinutes) || 0) : 0;
  });
  /** "Won't bill: text message", before the peer saves. */
  protected readonly verdict = computed(() => {
    const v = this.value();
    return billingPreview({ ...v, durationMinutes: Number(v.durationMinutes) || 0 }, this.profile());
  });

  protected readonly editing = computed(() => !!this.contactId());
  protected readonly clientName = signal<string | null>(null);
  protected readonly notFound = signal(false);
  protected readonly draft = signal<Contact | null>(null);
  protected readonly restored = signal(false);
  protected readonly sending = signal(false);
  protected readonly offline = signal(false);
  protected readonly stale = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Generated when the form opens and kept with the draft until the server has the contact. */
  protected idempotencyKey = '';

  constructor() {
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.value.set(this.form.getRawValue()));
  }

  ngOnInit(): void {
    void this.loadClient();
    // Editing a draft too: a text corrected to a meeting in person bills again. A reset from the
    // server sets the modality before `billable`, so the stored flag still wins on load.
    this.form.controls.modality.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((modality) =>
        this.form.controls.billable.setValue(
          defaultBillable(modality, this.form.controls.contactType.value, this.profile()),
        ),
      );
    if (this.editing()) {
      void this.loadDraftContact();
      return;
    }
    const stored = this.userId() ? this.drafts.load(this.userId(), this.id()) : null;
    if (stored) {
      this.form.patchValue(stored.value);
      this.idempotencyKey = stored.idempotencyKey;
      this.restored.set(true);
    } else {
      this.form.patchValue(contactDefaults());
      this.idempotencyKey = newIdempotencyKey();
    }
    this.form.controls.contactType.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((type) => {
        if (type === 'outreach_attempt') this.form.controls.successful.setValue(false);
      });
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.keepDraft());
  }

  protected async save(): Promise<void> {
    if (this.sending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('Check the highlighted fields.');
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    try {
      if (this.editing()) await this.saveEdit();
      else await this.send();
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.sending.set(false);
    }
  }

  /** Forget the unsent contact and start again from the defaults with a new key. */
  protected discard(): void {
    this.drafts.clear(this.userId(), this.id());
    this.form.reset(contactDefaults(), { emitEvent: false });
    this.value.set(this.form.getRawValue());
    this.idempotencyKey = newIdempotencyKey();
    this.restored.set(false);
    this.offline.set(false);
    this.error.set(null);
  }

  protected async reload(): Promise<void> {
    this.stale.set(false);
    this.error.set(null);
    await this.loadDraftContact();
  }

  private async send(): Promise<void> {
    this.keepDraft();
    this.offline.set(false);
    const value = this.form.getRawValue();
    const request = toCreateRequest(value);
    // Two taps still save: a contact that bills without a note is kept as a draft, not refused.
    const needsNote = request.sign && noteRequired(value, this.profile());
    if (needsNote) request.sign = false;
    try {
      await this.contacts.create(this.id(), request, this.idempotencyKey);
    } catch (error) {
      if (readProblem(error).status !== 0) throw error;
      await this.toOutbox(request, value.occurredAt, value.durationMinutes);
      return;
    }
    this.drafts.clear(this.userId(), this.id());
    const message = needsNote
      ? 'Saved as a draft: add a note to sign it.'
      : request.sign
        ? 'Contact saved and signed.'
        : 'Contact saved as a draft.';
    this.snackBar.open(message, 'OK', { duration: 4000 });
    // Back on the client's timeline, with the new entry in view.
    await this.router.navigate(['/clients', this.id()], { queryParams: { section: 'timeline' } });
  }

  /** No link: the contact waits in the device outbox with its key, and the form starts afresh. */
  private async toOutbox(request: unknown, occurredAt: string, minutes: number | null): Promise<void> {
    await this.outbox.add({
      key: this.idempotencyKey,
      kind: 'contact',
      method: 'POST',
      url: `${API.clients}/${encodeURIComponent(this.id())}/contacts`,
      body: request,
      summary: `Contact on ${occurredAt.replace('T', ' at ')}, ${minutes ?? 0} min`,
      link: `/clients/${this.id()}`,
    });
    this.discard();
    this.snackBar
      .open(OUTBOX_MESSAGE, 'Outbox', { duration: 8000 })
      .onAction()
      .subscribe(() => void this.router.navigateByUrl('/outbox'));
  }

  private async saveEdit(): Promise<void> {
    const contact = this.draft();
    if (!contact) return;
    const value = this.form.getRawValue();
    let saved = await this.contacts.update(contact.id, toUpdateRequest(contact, value));
    this.draft.set(saved);
    const needsNote = value.sign && noteRequired(value, this.profile());
    if (value.sign && !needsNote) saved = await this.contacts.sign(saved);
    const message = saved.signedAt
      ? 'Contact saved and signed.'
      : needsNote
        ? 'Draft saved: add a note to sign it.'
        : 'Draft saved.';
    this.snackBar.open(message, 'OK', { duration: 4000 });
    await this.router.navigate(['/clients', this.id()], { queryParams: { section: 'timeline' } });
  }

  private keepDraft(): void {
    if (this.editing() || !this.userId()) return;
    this.drafts.save(this.userId(), this.id(), {
      idempotencyKey: this.idempotencyKey,
      value: this.form.getRawValue() as ContactFormValue,
      savedAt: new Date().toISOString(),
    });
  }

  private async loadClient(): Promise<void> {
    try {
      this.clientName.set(displayName(await this.clients.get(this.id())));
    } catch (error) {
      // Offline, the form still works from the device; only a 404 ends the visit.
      if (readProblem(error).status === 404) this.notFound.set(true);
    }
  }

  private async loadDraftContact(): Promise<void> {
    const contactId = this.contactId();
    if (!contactId) return;
    try {
      const contact = await this.contacts.get(contactId);
      if (contact.clientId !== this.id()) {
        this.notFound.set(true);
        return;
      }
      this.draft.set(contact);
      this.form.reset(fromContact(contact));
      if (contact.signedAt) {
        this.form.disable();
        this.error.set('This contact is signed and can no longer change. Add an addendum instead.');
      }
    } catch (error) {
      this.showProblem(error);
    }
  }

  private showProblem(error: unknown): void {
    const problem = readProblem(error, 'The contact could not be saved.');
    if (problem.status === 0) {
      this.offline.set(!this.editing());
      if (this.editing()) this.error.set(problem.message);
      return;
    }
    if (problem.status === 404) {
      this.notFound.set(true);
      return;
    }
    if (problem.status === 409 && this.editing()) {
      const slug = problemSlug(error);
      this.stale.set(slug === 'stale-version');
      this.error.set(slug === 'stale-version' ? STALE_RECORD_MESSAGE : problem.message);
      return;
    }
    const leftOver = applyServerErrors(this.form, problem.fieldErrors);
    this.error.set([problem.message, ...leftOver].join(' '));
  }

  private userId(): string {
    return this.user()?.id ?? '';
  }
}
