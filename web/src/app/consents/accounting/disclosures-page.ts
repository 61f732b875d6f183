import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  inject,
  input,
  type OnInit,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  can,
  type Consent,
  type Disclosure,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_ELEMENT_LABELS,
  DISCLOSURE_ELEMENTS,
  type DisclosureElement,
  MANUAL_DISCLOSURE_CHANNELS,
  type ManualDisclosureChannel,
} from '@peerpath/contracts';
import { displayName } from '../../clients/client-display';
import { ClientsApi } from '../../clients/clients-api.service';
import { AuthService } from '../../core/auth.service';
import { applyServerErrors, serverError } from '../../core/forms';
import { problemSlug, readProblem } from '../../core/problem';
import { elementWords } from '../consent-coverage';
import { ConsentsApi } from '../consents-api.service';
import { ProblemMessage } from '../../shared/problem-message';

/** How each channel reads in a sentence: "by phone", "by fax". */
const BY: Record<Disclosure['channel'], string> = {
  referral: 'with a referral',
  phone: 'by phone',
  fax: 'by fax',
  print: 'on paper',
  recipient_link: 'through a secure link',
};

/**
 * The client's accounting of disclosures in plain words, printable to hand to them: who received
 * what, when, how, why, under which consent (42 CFR 2.24; 45 CFR 164.528). Staff also record here a
 * disclosure made by phone, fax or on paper; the server checks it against consent like a referral.
 */
@Component({
  selector: 'pp-disclosures-page',
  imports: [
    ProblemMessage,
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './disclosures-page.html',
  styleUrl: './disclosures-page.scss',
  // Unencapsulated so the print rules can hide the shell around the page; every rule is scoped.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisclosuresPage implements OnInit {
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(ConsentsApi);
  private readonly clients = inject(ClientsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly user = inject(AuthService).user;

  protected readonly clientName = signal('');
  protected readonly disclosures = signal<Disclosure[]>([]);
  protected readonly consents = signal<ReadonlyMap<string, Consent>>(new Map());
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly printedOn = new Date();
  protected readonly canRecord = computed(() => can(this.user()?.role, 'disclosures:write'));

  protected readonly channels = MANUAL_DISCLOSURE_CHANNELS;
  protected readonly channelLabels = DISCLOSURE_CHANNEL_LABELS;
  protected readonly elements = DISCLOSURE_ELEMENTS;
  protected readonly elementLabels = DISCLOSURE_ELEMENT_LABELS;
  protected readonly elementWords = elementWords;
  protected readonly by = BY;
  protected readonly serverError = serverError;

  protected readonly form = inject(NonNullableFormBuilder).group({
    recipient: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    recipientContact: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    purpose: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(1000)]],
    channel: ['phone' as ManualDisclosureChannel],
    elements: [['name'] as DisclosureElement[], Validators.required],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [client, disclosures, consents] = await Promise.all([
        this.clients.get(this.id()),
        this.api.disclosures(this.id()),
        this.api.list(this.id()).catch(() => [] as Consent[]),
      ]);
      this.clientName.set(displayName(client));
      this.disclosures.set(disclosures);
      this.consents.set(new Map(consents.map((c) => [c.id, c])));
    } catch (error) {
      const problem = readProblem(error, 'The accounting of disclosures could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    } finally {
      this.loading.set(false);
    }
  }

  protected toggle(element: DisclosureElement, on: boolean): void {
    const control = this.form.controls.elements;
    const next = on ? [...control.value, element] : control.value.filter((e) => e !== element);
    control.setValue(DISCLOSURE_ELEMENTS.filter((e) => next.includes(e)));
    control.markAsTouched();
  }

  protected async record(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const saved = await this.api.recordDisclosure(this.id(), {
        recipient: v.recipient.trim(),
        recipientContact: v.recipientContact.trim(),
        purpose: v.purpose.trim(),
        channel: v.channel,
        elements: v.elements,
      });
      this.disclosures.update((list) => [saved, ...list]);
      this.form.reset();
    } catch (error) {
      const problem = readProblem(error, 'The disclosure could not be recorded.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.saveError.set(
        problemSlug(error) === 'consent-required'
          ? 'Not recorded: no consent in force names this recipient for these details (42 CFR 2.31). Record the client’s consent first.'
          : leftOver.length
            ? leftOver.join(' ')
            : problem.message,
      );
    } finally {
      this.saving.set(false);
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
