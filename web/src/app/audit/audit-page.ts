import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  type AuditEvent,
  type AuditHighlight,
  type AuditOutcome,
  can,
  type Client,
  type Role,
  ROLE_LABELS,
  type User,
} from '@peerpath/contracts';
import { displayName, foldForSearch } from '../clients/client-display';
import { ClientsApi } from '../clients/clients-api.service';
import { AuthService } from '../core/auth.service';
import { injectMatches, NARROW } from '../core/layout';
import { readProblem } from '../core/problem';
import { StaffApi } from '../core/staff-api.service';
import { AuditApi, type AuditFilter, dayToIso } from './audit-api.service';
import { ProblemMessage } from '../shared/problem-message';

const OUTCOME_LABELS: Record<string, string> = { success: 'Allowed', denied: 'Denied', failure: 'Failed' };

const HIGHLIGHT_LABELS: Record<AuditHighlight['kind'], { title: string; icon: string }> = {
  denied: { title: 'Denied attempts', icon: 'block' },
  emergency_access: { title: 'Emergency access', icon: 'emergency' },
  many_clients_outside_caseload: { title: 'Many clients outside caseload', icon: 'person_search' },
  unusual_hour_sign_in: { title: 'Sign-in at an unusual hour', icon: 'bedtime' },
};

/** A staff member or client picked by name in a filter; only the id goes to the server. */
export interface Picked {
  id: string;
  name: string;
  detail?: string;
}

/** Text typed into a name filter but not matched to anyone from the list. */
function picked(control: AbstractControl<Picked | string | null>): ValidationErrors | null {
  const value = control.value;
  return typeof value === 'string' && value.trim() ? { notPicked: true } : null;
}

const idOf = (value: Picked | string | null): string | undefined =>
  value && typeof value === 'object' ? value.id : undefined;

@Component({
  selector: 'pp-audit-page',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    DatePipe,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly staffApi = inject(StaffApi);
  private readonly clientsApi = inject(ClientsApi);
  private readonly user = inject(AuthService).user;

  protected readonly narrow = injectMatches(NARROW);
  protected readonly columns = ['at', 'actor', 'role', 'action', 'client', 'entity', 'outcome', 'ip'];
  /**
   * Clients are picked by name only by a caller who may read clients (a manager, in their programs);
   * an admin reads the log without client records, so filters by a client's id.
   */
  protected readonly canFindClients = computed(() => can(this.user()?.role, 'clients:read'));
  /** Milliseconds of quiet typing before a client search goes out. */
  protected searchDelay = 250;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    actor: [null as Picked | string | null, picked],
    client: [null as Picked | string | null, picked],
    clientId: [''],
    from: [''],
    to: [''],
    action: [''],
    outcome: ['' as AuditOutcome | ''],
    emergency: ['' as 'true' | 'false' | ''],
  });
  protected readonly outcomes: AuditOutcome[] = ['success', 'denied', 'failure'];
  protected readonly highlightLabels = HIGHLIGHT_LABELS;

  protected readonly staff = signal<User[]>([]);
  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly highlights = signal<AuditHighlight[]>([]);
  protected readonly highlightsError = signal<string | null>(null);
  private readonly applied = signal<AuditFilter>({});
  /** The same filters as the list, as CSV. */
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.applied()));

  private readonly actorTyped = toSignal(this.filters.controls.actor.valueChanges, { initialValue: null });
  /** Staff the caller may see (GET /api/users), narrowed to what has been typed. */
  protected readonly staffOptions = computed(() => {
    const typed = this.actorTyped();
    const words = typeof typed === 'string' ? foldForSearch(typed).split(/\s+/).filter(Boolean) : [];
    return this.staff()
      .filter((member) => words.every((word) => foldForSearch(member.name).includes(word)))
      .slice(0, 30)
      .map((member) => ({ id: member.id, name: member.name, detail: ROLE_LABELS[member.role] }));
  });
  /** Clients found by name (GET /api/clients?q=), active and discharged alike. */
  protected readonly clientOptions = signal<Picked[]>([]);
  protected readonly searchingClients = signal(false);
  private readonly clientTyped = toSignal(this.filters.controls.client.valueChanges, { initialValue: null });
  protected readonly noClientFound = computed(() => {
    const typed = this.clientTyped();
    return (
      typeof typed === 'string' &&
      typed.trim().length >= 2 &&
      !this.searchingClients() &&
      !this.clientOptions().length
    );
  });
  private clientTimer: ReturnType<typeof setTimeout> | undefined;
  private clientRequest = 0;

  constructor() {
    void this.loadStaff();
    void this.load();
    void this.loadHighlights();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.clientTimer));
    this.filters.controls.client.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      clearTimeout(this.clientTimer);
      if (typeof value !== 'string' || value.trim().length < 2) {
        this.clientRequest++;
        this.clientOptions.set([]);
        this.searchingClients.set(false);
        return;
      }
      this.searchingClients.set(true);
      this.clientTimer = setTimeout(() => void this.findClients(value.trim()), this.searchDelay);
    });
  }

  /** What a picked staff member or client shows in its filter field. */
  protected readonly nameOf = (value: Picked | string | null): string =>
    value && typeof value === 'object' ? value.name : (value ?? '');

  protected actorName(event: AuditEvent): string {
    if (event.actorName) return event.actorName;
    return event.actorId ? 'Unknown staff member' : 'No signed-in user';
  }

  /** A client's name when the caller may see it; a client outside their access stays unnamed. */
  protected clientLabel(event: AuditEvent): string {
    if (!event.clientId) return '—';
    return event.clientName ?? 'Outside your access';
  }

  protected roleLabel(role: Role | null): string {
    return role ? ROLE_LABELS[role] : '—';
  }

  protected outcomeLabel(outcome: string): string {
    return OUTCOME_LABELS[outcome] ?? outcome;
  }

  protected entityLabel(event: AuditEvent): string {
    return event.entityType.replace(/_/g, ' ');
  }

  protected async search(): Promise<void> {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const { actor, client, clientId, from, to, action, outcome, emergency } = this.filters.getRawValue();
    this.applied.set({
      actorId: idOf(actor),
      clientId: this.canFindClients() ? idOf(client) : clientId.trim() || undefined,
      from: dayToIso(from, 'start'),
      to: dayToIso(to, 'end'),
      action: action.trim() || undefined,
      outcome: outcome || undefined,
      emergency: emergency === '' ? undefined : emergency === 'true',
    });
    await Promise.all([this.load(), this.loadHighlights()]);
  }

  protected async clear(): Promise<void> {
    this.filters.reset();
    this.applied.set({});
    await Promise.all([this.load(), this.loadHighlights()]);
  }

  /** A highlight narrows the log to that staff member (and to refusals or emergency access). */
  protected async showHighlight(highlight: AuditHighlight): Promise<void> {
    this.filters.patchValue({
      actor: highlight.actorId
        ? { id: highlight.actorId, name: highlight.actorName ?? 'Unknown staff member' }
        : null,
      outcome: highlight.kind === 'denied' ? 'denied' : '',
      emergency: highlight.kind === 'emergency_access' ? 'true' : '',
      action: highlight.kind === 'unusual_hour_sign_in' ? 'auth.sign_in' : '',
    });
    await this.search();
  }

  protected async loadHighlights(): Promise<void> {
    this.highlightsError.set(null);
    try {
      this.highlights.set(await this.api.highlights(this.applied()));
    } catch (error) {
      this.highlightsError.set(readProblem(error, 'Highlights could not be loaded.').message);
    }
  }

  protected async load(cursor: string | null = null): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(this.applied(), cursor);
      this.events.update((events) => (cursor ? [...events, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(readProblem(error, 'The audit log could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected loadMore(): Promise<void> {
    return this.load(this.nextCursor());
  }

  private async findClients(q: string): Promise<void> {
    const request = ++this.clientRequest;
    this.searchingClients.set(true);
    try {
      const pages = await Promise.all(
        (['active', 'discharged'] as const).map((status) => this.clientsApi.list({ q, status, limit: 10 })),
      );
      if (request !== this.clientRequest) return;
      const found = pages.flatMap((page) => page.items);
      this.clientOptions.set(
        found.map((c: Client) => ({
          id: c.id,
          name: displayName(c),
          detail: c.status === 'discharged' ? 'Discharged' : undefined,
        })),
      );
    } catch {
      if (request === this.clientRequest) this.clientOptions.set([]);
    } finally {
      if (request === this.clientRequest) this.searchingClients.set(false);
    }
  }

  private async loadStaff(): Promise<void> {
    try {
      const staff = await this.staffApi.listAll();
      this.staff.set([...staff].sort((a, b) => a.name.localeCompare(b.name)));
    } catch {
      // Without the staff list the log still shows names; only the staff filter offers nobody.
    }
  }
}
