import { DatePipe, TitleCasePipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type AssignmentEntry,
  type Client,
  type Contact,
  MAX_NOTE_LENGTH,
  type Permission,
  type TimelineEntry,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { ContactCard } from '../../contacts/contact-card';
import { ContactsApi } from '../../contacts/contacts-api.service';
import { ClientReferrals } from '../../referrals/client-referrals';
import { ClinicalNotesSection } from '../../clinical-notes/clinical-notes-section';
import { ClientGroups } from '../../groups/client-groups/client-groups';
import { ClientRecovery } from '../../recovery/client-recovery';
import { EmergencyAccessOffer } from '../../emergency-access/emergency-access-offer';
import { EmergencyAccess } from '../../emergency-access/emergency-access.service';
import { EmergencyBanner } from '../../emergency-access/emergency-banner';
import { ageFrom, displayName, label, milestoneText, recoveryFrom } from '../client-display';
import { ClientNotFound } from '../client-not-found';
import { ClientsApi } from '../clients-api.service';
import { AssignPeerDialog, type AssignPeerData } from './assign-peer-dialog';
import { TextDialog, type TextDialogData } from '../../shared/text-dialog';
import { ProblemMessage } from '../../shared/problem-message';

/** The client page's sections, in the section bar's order; `?section=` names the one in view. */
export const CLIENT_SECTIONS = [
  { key: 'timeline', label: 'Timeline' },
  { key: 'referrals', label: 'Referrals' },
  { key: 'recovery', label: 'Recovery' },
  { key: 'groups', label: 'Groups' },
  { key: 'consents', label: 'Consents' },
  { key: 'profile', label: 'Profile' },
] as const;
export type ClientSection = (typeof CLIENT_SECTIONS)[number]['key'];

/** One client: who they are, what the caller may do, and their history newest first. */
@Component({
  selector: 'pp-client-page',
  imports: [
    ProblemMessage,
    DatePipe,
    TitleCasePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    ClientNotFound,
    ContactCard,
    ClientReferrals,
    ClinicalNotesSection,
    ClientGroups,
    ClientRecovery,
    EmergencyAccessOffer,
    EmergencyBanner,
  ],
  templateUrl: './client-page.html',
  styleUrl: './client-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPage implements OnInit {
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  /** Query parameter `section` (component input binding): the section to bring into view. */
  readonly section = input<string | undefined>();

  private readonly clients = inject(ClientsApi);
  private readonly contacts = inject(ContactsApi);
  private readonly programs = inject(ProgramsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;
  /** The icon of each kind of timeline event other than a contact. */
  protected readonly eventIcons: Record<TimelineEntry['kind'], string> = {
    contact: 'chat',
    status: 'flag',
    assignment: 'swap_horiz',
    referral: 'send',
    attendance: 'groups',
    meeting: 'diversity_3',
    goal: 'flag_circle',
    goal_achieved: 'emoji_events',
    assessment: 'monitoring',
  };
  private readonly emergency = inject(EmergencyAccess);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  /** The section last scrolled to, so loading more of the timeline does not scroll again. */
  private scrolledTo: string | null = null;

  protected readonly client = signal<Client | null>(null);
  protected readonly assignments = signal<AssignmentEntry[]>([]);
  protected readonly programName = signal<string | null>(null);
  protected readonly timeline = signal<TimelineEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingTimeline = signal(false);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly timelineError = signal<string | null>(null);
  protected readonly busyContact = signal<string | null>(null);

  protected readonly label = label;
  protected readonly milestone = milestoneText;
  protected readonly name = computed(() => {
    const c = this.client();
    return c ? displayName(c) : '';
  });
  protected readonly legalName = computed(() => {
    const c = this.client();
    return c?.preferredName ? `${c.firstName} ${c.lastName}` : null;
  });
  protected readonly age = computed(() => {
    const c = this.client();
    return c ? ageFrom(c.dateOfBirth) : null;
  });
  protected readonly recovery = computed(() => recoveryFrom(this.client()?.recoveryStartDate ?? null));
  protected readonly primaryPeer = computed(
    () => this.assignments().find((a) => a.endedAt === null)?.peerName ?? null,
  );
  protected readonly active = computed(() => this.client()?.status === 'active');
  protected readonly canEditProfile = computed(() => this.may('clients:write'));
  protected readonly canLog = computed(() => this.may('contacts:write') && this.active());
  protected readonly canDischarge = computed(() => this.may('clients:discharge'));
  protected readonly canAssign = computed(() => this.may('clients:assign'));
  protected readonly canReadContacts = computed(() => this.may('contacts:read'));
  protected readonly sections = computed(() =>
    CLIENT_SECTIONS.filter((s) => s.key !== 'timeline' || this.canReadContacts()),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopKeeping());
    // Once the page (and the timeline, which sits first) has loaded, bring the named section in view.
    effect(() => {
      const section = this.section();
      if (!section || !this.client() || this.loadingTimeline() || section === this.scrolledTo) return;
      this.scrolledTo = section;
      afterNextRender(() => this.scrollTo(section), { injector: this.injector });
    });
  }

  /** A tap on the section bar; the link itself puts the section in the URL. */
  protected jumpTo(section: ClientSection): void {
    this.scrolledTo = section;
    this.scrollTo(section);
  }

  private scrollTo(section: string): void {
    const selector = section === 'consents' ? 'pp-client-consents' : `[data-section="${section}"]`;
    const target = CLIENT_SECTIONS.some((s) => s.key === section)
      ? this.host.nativeElement.querySelector<HTMLElement>(selector)
      : null;
    if (!target) return;
    // Stop below the sticky section bar rather than under it.
    target.style.scrollMarginTop = '64px';
    target.scrollIntoView?.({ block: 'start' });
    this.keepInView(target);
  }

  /**
   * The sections load on their own and grow, which pushes a section further down after it was
   * scrolled to. Until the person scrolls or taps, each change of the page's size brings it back.
   */
  private keepInView(target: HTMLElement): void {
    this.stopKeeping();
    const page = this.host.nativeElement.querySelector('.page');
    if (!page || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => target.scrollIntoView?.({ block: 'start' }));
    observer.observe(page);
    const events = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    const stop = () => {
      observer.disconnect();
      for (const e of events) window.removeEventListener(e, stop, true);
      this.stopKeeping = () => undefined;
    };
    for (const e of events) window.addEventListener(e, stop, true);
    this.stopKeeping = stop;
  }

  private stopKeeping: () => void = () => undefined;

  ngOnInit(): void {
    void this.load();
  }

  /** The author may edit and sign their own draft; nobody else sees those controls. */
  protected canEditContact(contact: Contact): boolean {
    return this.may('contacts:write') && !contact.signedAt && contact.authorId === this.user()?.id;
  }

  protected canAmend(contact: Contact): boolean {
    return this.may('contacts:write') && !!contact.signedAt;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const client = await this.clients.get(this.id());
      this.client.set(client);
      void this.loadDetails(client);
      if (this.canReadContacts()) void this.loadTimeline();
    } catch (error) {
      const problem = readProblem(error, 'The client could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    } finally {
      this.loading.set(false);
    }
  }

  /** Emergency access was granted on the not-found view: open the client, read-only. */
  protected emergencyGranted(): void {
    this.notFound.set(false);
    void this.load();
  }

  protected async loadTimeline(more = false): Promise<void> {
    if (this.loadingTimeline()) return;
    this.loadingTimeline.set(true);
    this.timelineError.set(null);
    try {
      const page = await this.clients.timeline(this.id(), more ? this.nextCursor() : null);
      this.timeline.update((items) => (more ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.timelineError.set(readProblem(error, 'The timeline could not be loaded.').message);
    } finally {
      this.loadingTimeline.set(false);
    }
  }

  protected async signContact(contact: Contact): Promise<void> {
    this.busyContact.set(contact.id);
    try {
      this.replaceContact(await this.contacts.sign(contact));
      this.snackBar.open('Contact signed.', 'OK', { duration: 4000 });
    } catch (error) {
      this.timelineError.set(
        problemSlug(error) === 'stale-version'
          ? STALE_RECORD_MESSAGE
          : readProblem(error, 'The contact could not be signed.').message,
      );
    } finally {
      this.busyContact.set(null);
    }
  }

  protected async addAddendum(contact: Contact): Promise<void> {
    const saved = await this.openText<Contact>({
      title: 'Add addendum',
      intro: 'A signed contact never changes. Your addendum is added below it with your name and the time.',
      label: 'Addendum',
      confirm: 'Add addendum',
      required: true,
      maxLength: MAX_NOTE_LENGTH,
      action: (text) => this.contacts.addAddendum(contact.id, text),
    });
    if (saved) this.replaceContact(saved);
  }

  protected async discharge(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const saved = await this.openText<Client>({
      title: `Discharge ${this.name()}`,
      intro: 'The client leaves the caseload. Their record and history are kept.',
      label: 'Reason',
      confirm: 'Discharge',
      required: true,
      maxLength: 500,
      action: (reason) => this.clients.discharge(client, reason),
    });
    if (saved) await this.changed(saved, 'Client discharged.');
  }

  protected async readmit(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const saved = await this.openText<Client>({
      title: `Readmit ${this.name()}`,
      intro: 'The client returns to their primary peer’s caseload.',
      label: 'Reason (optional)',
      confirm: 'Readmit',
      required: false,
      maxLength: 500,
      action: (reason) => this.clients.readmit(client, reason || undefined),
    });
    if (saved) await this.changed(saved, 'Client readmitted.');
  }

  protected async assignPeer(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const ref = this.dialog.open<AssignPeerDialog, AssignPeerData, Client>(AssignPeerDialog, {
      data: { client, clientName: this.name() },
      width: '480px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) await this.changed(saved, 'Primary peer assigned.');
  }

  private async changed(client: Client, message: string): Promise<void> {
    this.client.set(client);
    this.snackBar.open(message, 'OK', { duration: 4000 });
    await Promise.all([this.loadDetails(client), this.loadTimeline()]);
  }

  private async loadDetails(client: Client): Promise<void> {
    const [assignments, programs] = await Promise.allSettled([
      this.clients.assignments(client.id),
      this.programs.listAll(),
    ]);
    if (assignments.status === 'fulfilled') this.assignments.set(assignments.value);
    if (programs.status === 'fulfilled')
      this.programName.set(programs.value.find((p) => p.id === client.programId)?.name ?? null);
  }

  private replaceContact(contact: Contact): void {
    this.timeline.update((items) =>
      items.map((entry) => (entry.contact?.id === contact.id ? { ...entry, contact } : entry)),
    );
  }

  private openText<T>(data: TextDialogData<T>): Promise<T | undefined> {
    const ref = this.dialog.open<TextDialog<T>, TextDialogData<T>, T>(TextDialog, {
      data,
      width: '520px',
      maxWidth: '95vw',
    });
    return firstValueFrom(ref.afterClosed());
  }

  private may(permission: Permission): boolean {
    return this.emergency.allows(this.user()?.role, permission, this.id());
  }
}
