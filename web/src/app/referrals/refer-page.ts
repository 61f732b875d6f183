import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  can,
  type Consent,
  type CreateReferralRequest,
  type Need,
  NEEDS,
  type Resource,
  type Urgency,
  URGENCIES,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { displayName } from '../clients/client-display';
import { ClientNotFound } from '../clients/client-not-found';
import { ClientsApi } from '../clients/clients-api.service';
import { newIdempotencyKey } from '../contacts/contact-form';
import { coveringConsent, type Recipient } from '../consents/consent-coverage';
import { ConsentDialog, type ConsentDialogData } from '../consents/consent-dialog';
import { ConsentsApi } from '../consents/consents-api.service';
import { AuthService } from '../core/auth.service';
import { applyServerErrors, serverError } from '../core/forms';
import { problemSlug, readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import { needLabel, URGENCY_LABELS } from './referral-display';
import { ReferralsApi } from './referrals-api.service';

export type RecipientChoice = 'resource' | 'outside';

export const CONSENT_REQUIRED_MESSAGE =
  'Not sent: no consent in force covers this recipient, so client information cannot be shared (42 CFR Part 2). Record the client’s consent, or turn off sharing.';

/**
 * Refer a client to a directory resource or an outside organization. When information is
 * shared, the page says plainly whether a consent covers the recipient and offers to record one;
 * the server still decides (409 consent-required), and the page then offers the same.
 */
@Component({
  selector: 'pp-refer-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    ClientNotFound,
  ],
  templateUrl: './refer-page.html',
  styleUrl: './refer-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferPage implements OnInit {
  /** Route parameter and optional query parameter (component input binding). */
  readonly id = input.required<string>();
  readonly resourceId = input<string>();

  private readonly clients = inject(ClientsApi);
  private readonly resources = inject(ResourcesApi);
  private readonly referrals = inject(ReferralsApi);
  private readonly consentsApi = inject(ConsentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly needs = NEEDS;
  protected readonly urgencies = URGENCIES;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly serverError = serverError;

  protected readonly form = inject(NonNullableFormBuilder).group({
    recipientKind: ['resource' as RecipientChoice],
    outsideOrganization: [''],
    need: ['' as Need | '', Validators.required],
    urgency: ['routine' as Urgency],
    note: ['', Validators.maxLength(10000)],
    shareInformation: [false],
  });
  protected readonly recipientKind = toSignal(this.form.controls.recipientKind.valueChanges, {
    initialValue: this.form.controls.recipientKind.value,
  });
  protected readonly outsideName = toSignal(this.form.controls.outsideOrganization.valueChanges, {
    initialValue: '',
  });
  protected readonly sharing = toSignal(this.form.controls.shareInformation.valueChanges, {
    initialValue: false,
  });

  protected readonly clientName = signal<string | null>(null);
  protected readonly clientActive = signal(true);
  protected readonly notFound = signal(false);
  protected readonly resource = signal<Resource | null>(null);
  protected readonly results = signal<Resource[]>([]);
  protected readonly searching = signal(false);
  protected readonly query = signal('');
  protected readonly consents = signal<Consent[]>([]);
  protected readonly consentsLoaded = signal(false);
  protected readonly canRecordConsent = computed(() => can(this.user()?.role, 'consents:write'));
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly consentRequired = signal(false);
  protected readonly recipientError = signal<string | null>(null);

  /** The recipient as chosen so far, or null. */
  protected readonly recipient = computed<Recipient | null>(() => {
    if (this.recipientKind() === 'resource') {
      const resource = this.resource();
      return resource ? { kind: 'resource', resource } : null;
    }
    const name = this.outsideName().trim();
    return name.length >= 2 ? { kind: 'outside', name } : null;
  });
  /** The consent that, by the server's rule, covers the recipient (shown; the server decides). */
  protected readonly covering = computed(() => coveringConsent(this.consents(), this.recipient()));
  /** A general designation is in force but cannot reach this recipient: say why (42 CFR 2.31(a)(4)). */
  protected readonly generalDesignationOnly = computed(
    () =>
      !!this.recipient() &&
      !this.covering() &&
      this.consents().some((c) => c.inForce && !!c.generalDesignation),
  );

  private idempotencyKey = newIdempotencyKey();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchRequest = 0;

  ngOnInit(): void {
    void this.loadClient();
    void this.loadConsents();
    const resourceId = this.resourceId();
    if (resourceId) void this.loadResource(resourceId);
    void this.search('');
  }

  private async loadClient(): Promise<void> {
    try {
      const client = await this.clients.get(this.id());
      this.clientName.set(displayName(client));
      this.clientActive.set(client.status === 'active');
    } catch (error) {
      const problem = readProblem(error, 'The client could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    }
  }

  private async loadConsents(): Promise<void> {
    if (!can(this.user()?.role, 'consents:read')) return;
    try {
      this.consents.set(await this.consentsApi.list(this.id()));
      this.consentsLoaded.set(true);
    } catch {
      this.consentsLoaded.set(false);
    }
  }

  private async loadResource(id: string): Promise<void> {
    try {
      this.choose(await this.resources.get(id));
    } catch (error) {
      this.recipientError.set(readProblem(error, 'That resource could not be loaded.').message);
    }
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(value), 250);
  }

  protected async search(q: string): Promise<void> {
    const request = ++this.searchRequest;
    this.searching.set(true);
    try {
      const page = await this.resources.search({ q: q.trim() || undefined, status: 'active', limit: 8 });
      if (request === this.searchRequest) this.results.set(page.items);
    } catch (error) {
      if (request === this.searchRequest)
        this.recipientError.set(readProblem(error, 'The directory could not be searched.').message);
    } finally {
      if (request === this.searchRequest) this.searching.set(false);
    }
  }

  protected choose(resource: Resource): void {
    this.resource.set(resource);
    this.recipientError.set(null);
    this.form.controls.recipientKind.setValue('resource');
    const need = this.form.controls.need.value;
    if (resource.needs.length && (!need || !resource.needs.includes(need))) {
      this.form.controls.need.setValue(resource.needs[0]);
    }
    this.consentRequired.set(false);
  }

  protected clearResource(): void {
    this.resource.set(null);
    this.consentRequired.set(false);
  }

  /** Records a consent for the recipient chosen here, then the referral can be sent. */
  protected async recordConsent(): Promise<void> {
    const need = this.form.controls.need.value;
    const ref = this.dialog.open<ConsentDialog, ConsentDialogData, Consent>(ConsentDialog, {
      data: {
        clientId: this.id(),
        clientName: this.clientName() ?? '',
        recipient: this.recipient(),
        purpose: need
          ? `Referral for ${needLabel(need).toLowerCase()} and follow-up`
          : 'Referral and follow-up',
      },
      width: '640px',
      maxWidth: '95vw',
      autoFocus: 'first-heading',
    });
    const consent = await firstValueFrom(ref.afterClosed());
    if (!consent) return;
    this.consents.update((list) => [consent, ...list]);
    this.consentsLoaded.set(true);
    this.consentRequired.set(false);
    this.error.set(null);
    this.snackBar.open('Consent recorded. You can send the referral now.', 'OK', { duration: 5000 });
  }

  protected async submit(status: 'sent' | 'draft'): Promise<void> {
    if (this.sending()) return;
    this.error.set(null);
    this.consentRequired.set(false);
    const recipient = this.recipient();
    if (!recipient) {
      this.recipientError.set(
        this.recipientKind() === 'resource'
          ? 'Choose a resource from the directory.'
          : 'Enter the organization’s name (at least 2 characters).',
      );
    } else {
      this.recipientError.set(null);
    }
    if (this.form.invalid || !recipient) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateReferralRequest = {
      ...(recipient.kind === 'resource'
        ? { resourceId: recipient.resource.id }
        : { outsideOrganization: recipient.name }),
      need: v.need as Need,
      urgency: v.urgency,
      shareInformation: v.shareInformation,
      status,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    };
    this.sending.set(true);
    try {
      await this.referrals.create(this.id(), request, this.idempotencyKey);
      this.idempotencyKey = newIdempotencyKey();
      this.snackBar.open(status === 'sent' ? 'Referral sent.' : 'Referral saved as a draft.', 'OK', {
        duration: 4000,
      });
      await this.router.navigate(['/clients', this.id()], { fragment: 'referrals' });
    } catch (error) {
      const problem = readProblem(error, 'The referral could not be saved.');
      // The server answered: nothing was created, so a new attempt gets a new key.
      if (problem.status !== 0) this.idempotencyKey = newIdempotencyKey();
      if (problemSlug(error) === 'consent-required') {
        this.consentRequired.set(true);
        this.error.set(CONSENT_REQUIRED_MESSAGE);
        return;
      }
      const fieldErrors = { ...problem.fieldErrors };
      if (fieldErrors['resourceId']) {
        this.recipientError.set(fieldErrors['resourceId']);
        delete fieldErrors['resourceId'];
      }
      const leftOver = applyServerErrors(this.form, fieldErrors);
      this.error.set(leftOver.length ? leftOver.join(' ') : problem.message);
    } finally {
      this.sending.set(false);
    }
  }
}
