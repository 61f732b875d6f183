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
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  can,
  type Client,
  CONTACT_METHODS,
  type ContactMethod,
  type CreateClientRequest,
  type Handoff,
  type Program,
  type UpdateClientRequest,
  type User,
} from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { applyServerErrors, serverError } from '../../core/forms';
import { problemField, problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { sourceLabel } from '../../handoffs/handoff-display';
import { HandoffsApi } from '../../handoffs/handoffs-api.service';
import { label, localToday } from '../client-display';
import { ClientNotFound } from '../client-not-found';
import { ClientsApi } from '../clients-api.service';

const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'pronouns',
  'phone',
  'email',
  'externalRecordNumber',
  'medicaidId',
] as const;

/**
 * Intake of a new client (/clients/new) or a change to a profile (/clients/:id/edit). From the
 * incoming queue (/clients/new?handoff=…) the intake starts from the handoff's details and saving
 * converts the handoff, with the same duplicate check.
 */
@Component({
  selector: 'pp-client-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ClientNotFound,
  ],
  templateUrl: './client-form-page.html',
  styleUrls: ['../../core/form-page.scss', './client-form-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFormPage implements OnInit {
  /** Route parameter when editing (component input binding). */
  readonly id = input<string>();
  /** Query parameter: the claimed handoff this intake converts. */
  readonly handoff = input<string>();

  private readonly clients = inject(ClientsApi);
  private readonly handoffs = inject(HandoffsApi);
  private readonly programsApi = inject(ProgramsApi);
  private readonly router = inject(Router);
  private readonly user = inject(AuthService).user;

  protected readonly methods = CONTACT_METHODS;
  protected readonly label = label;
  protected readonly serverError = serverError;
  protected readonly today = localToday();
  protected readonly editing = computed(() => !!this.id());
  /** Managers name the primary peer; a peer's new client joins their own caseload. */
  protected readonly picksPeer = computed(
    () => !this.editing() && !this.handoff() && can(this.user()?.role, 'clients:assign'),
  );
  protected readonly fromHandoff = signal<Handoff | null>(null);
  protected readonly sourceLabel = sourceLabel;

  protected readonly record = signal<Client | null>(null);
  protected readonly cancelLink = computed(() => {
    const record = this.record();
    if (this.handoff()) return ['/handoffs'];
    return record ? ['/clients', record.id] : ['/'];
  });
  protected readonly programs = signal<Program[]>([]);
  protected readonly peers = signal<User[]>([]);
  protected readonly saving = signal(false);
  protected readonly notFound = signal(false);
  protected readonly stale = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly duplicate = signal<{ message: string; clientId: string | null } | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    preferredName: ['', Validators.maxLength(100)],
    pronouns: ['', Validators.maxLength(50)],
    dateOfBirth: ['', Validators.required],
    phone: ['', Validators.pattern(/^[0-9+()\-.\s]{7,25}$/)],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    externalRecordNumber: ['', Validators.maxLength(50)],
    medicaidId: ['', Validators.pattern(/^\s*[A-Za-z0-9-]{0,30}\s*$/)],
    programId: ['', Validators.required],
    primaryPeerId: [''],
    recoveryStartDate: [''],
    preferredContactMethod: ['' as ContactMethod | ''],
  });

  ngOnInit(): void {
    if (this.picksPeer()) this.form.controls.primaryPeerId.addValidators(Validators.required);
    this.form.controls.programId.valueChanges.subscribe((programId) => void this.loadPeers(programId));
    void this.loadPrograms();
    if (this.editing()) void this.loadRecord();
    else if (this.handoff()) void this.loadHandoff();
  }

  protected async save(confirmedNotDuplicate = false): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('Check the highlighted fields.');
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.duplicate.set(null);
    try {
      const record = this.record();
      const handoff = this.fromHandoff();
      const savedId = record
        ? (await this.clients.update(record.id, this.changes(record))).id
        : handoff
          ? (await this.handoffs.convert(handoff.id, this.conversion(confirmedNotDuplicate))).clientId
          : (await this.clients.create(this.request(confirmedNotDuplicate))).id;
      await this.router.navigate(['/clients', savedId]);
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** The person is on the books already: the handoff closes with that reason, back to the queue. */
  protected async closeAsAlreadyClient(): Promise<void> {
    const handoff = this.fromHandoff();
    if (!handoff || this.saving()) return;
    this.saving.set(true);
    try {
      await this.handoffs.close(handoff.id, { reason: 'already_client' });
      await this.router.navigate(['/handoffs']);
    } catch (error) {
      this.error.set(readProblem(error, 'The handoff could not be closed.').message);
    } finally {
      this.saving.set(false);
    }
  }

  protected async reload(): Promise<void> {
    this.stale.set(false);
    this.error.set(null);
    await this.loadRecord();
  }

  private request(confirmedNotDuplicate: boolean): CreateClientRequest {
    const v = this.form.getRawValue();
    const request: CreateClientRequest = {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      dateOfBirth: v.dateOfBirth,
      programId: v.programId,
    };
    for (const field of TEXT_FIELDS.slice(2)) if (v[field].trim()) request[field] = v[field].trim();
    if (v.recoveryStartDate) request.recoveryStartDate = v.recoveryStartDate;
    if (v.preferredContactMethod) request.preferredContactMethod = v.preferredContactMethod;
    if (this.picksPeer() && v.primaryPeerId) request.primaryPeerId = v.primaryPeerId;
    if (confirmedNotDuplicate) request.confirmedNotDuplicate = true;
    return request;
  }

  /** The same intake; the handoff decides the program, and its claimer is the primary peer. */
  private conversion(confirmedNotDuplicate: boolean) {
    const { programId: _program, primaryPeerId: _peer, ...intake } = this.request(confirmedNotDuplicate);
    return intake;
  }

  /** Only what changed, plus the version the change is based on. */
  private changes(client: Client): UpdateClientRequest {
    const v = this.form.getRawValue();
    const request: UpdateClientRequest = { version: client.version };
    for (const field of TEXT_FIELDS) {
      if (v[field].trim() !== (client[field] ?? '')) request[field] = v[field].trim();
    }
    if (v.dateOfBirth !== client.dateOfBirth) request.dateOfBirth = v.dateOfBirth;
    if (v.recoveryStartDate && v.recoveryStartDate !== client.recoveryStartDate)
      request.recoveryStartDate = v.recoveryStartDate;
    if (v.preferredContactMethod && v.preferredContactMethod !== client.preferredContactMethod)
      request.preferredContactMethod = v.preferredContactMethod;
    return request;
  }

  private async loadPrograms(): Promise<void> {
    try {
      const mine = this.user()?.programIds ?? [];
      const programs = (await this.programsApi.listAll()).filter((p) => !mine.length || mine.includes(p.id));
      this.programs.set(programs);
      if (!this.form.controls.programId.value && programs.length) {
        const first = mine.find((id) => programs.some((p) => p.id === id)) ?? programs[0].id;
        this.form.controls.programId.setValue(first);
      }
    } catch (error) {
      this.error.set(readProblem(error, 'Programs could not be loaded.').message);
    }
  }

  private async loadPeers(programId: string): Promise<void> {
    if (!this.picksPeer() || !programId) return;
    try {
      this.peers.set(await this.clients.peers(programId));
    } catch (error) {
      this.error.set(readProblem(error, 'Peer specialists could not be loaded.').message);
    }
  }

  private async loadRecord(): Promise<void> {
    const id = this.id();
    if (!id) return;
    try {
      const client = await this.clients.get(id);
      this.record.set(client);
      this.form.reset({
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, client[f] ?? ''])),
        dateOfBirth: client.dateOfBirth,
        programId: client.programId,
        primaryPeerId: client.primaryPeerId ?? '',
        recoveryStartDate: client.recoveryStartDate ?? '',
        preferredContactMethod: client.preferredContactMethod ?? '',
      });
      this.form.controls.programId.disable();
    } catch (error) {
      const problem = readProblem(error, 'The client could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    }
  }

  private async loadHandoff(): Promise<void> {
    const id = this.handoff();
    if (!id) return;
    try {
      const h = await this.handoffs.get(id);
      this.fromHandoff.set(h);
      this.form.patchValue({
        firstName: h.firstName,
        lastName: h.lastName,
        phone: h.phone ?? '',
        dateOfBirth: h.dateOfBirth ?? '',
        programId: h.programId,
      });
      this.form.controls.programId.disable();
      if (h.status !== 'claimed' || h.claimedBy !== this.user()?.id) {
        this.error.set(
          'Only the peer who claimed this handoff can start its intake; claim it in the queue first.',
        );
      }
    } catch (error) {
      const problem = readProblem(error, 'The handoff could not be loaded.');
      this.error.set(problem.status === 404 ? 'That handoff was not found.' : problem.message);
    }
  }

  private showProblem(error: unknown): void {
    const problem = readProblem(error, 'The client could not be saved.');
    const slug = problemSlug(error);
    if (problem.status === 409 && slug === 'possible-duplicate') {
      const id = problemField(error, 'duplicateClientId');
      this.duplicate.set({ message: problem.message, clientId: typeof id === 'string' ? id : null });
      return;
    }
    if (problem.status === 409 && this.editing()) {
      this.stale.set(true);
      this.error.set(STALE_RECORD_MESSAGE);
      return;
    }
    const fieldErrors = { ...problem.fieldErrors };
    if (fieldErrors['peerId']) fieldErrors['primaryPeerId'] = fieldErrors['peerId'];
    delete fieldErrors['peerId'];
    const leftOver = applyServerErrors(this.form, fieldErrors);
    this.error.set([problem.message, ...leftOver].join(' '));
  }
}
