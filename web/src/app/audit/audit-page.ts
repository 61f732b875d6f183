import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
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
  type Role,
  ROLE_LABELS,
  type User,
} from '@peerpath/contracts';
import { injectMatches, NARROW } from '../core/layout';
import { readProblem } from '../core/problem';
import { StaffApi } from '../core/staff-api.service';
import { AuditApi, type AuditFilter, dayToIso } from './audit-api.service';

const OUTCOME_LABELS: Record<string, string> = { success: 'Allowed', denied: 'Denied', failure: 'Failed' };

const HIGHLIGHT_LABELS: Record<AuditHighlight['kind'], { title: string; icon: string }> = {
  denied: { title: 'Denied attempts', icon: 'block' },
  emergency_access: { title: 'Emergency access', icon: 'emergency' },
  many_clients_outside_caseload: { title: 'Many clients outside caseload', icon: 'person_search' },
  unusual_hour_sign_in: { title: 'Sign-in at an unusual hour', icon: 'bedtime' },
};

@Component({
  selector: 'pp-audit-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
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

  protected readonly narrow = injectMatches(NARROW);
  protected readonly columns = ['at', 'actor', 'role', 'action', 'entity', 'outcome', 'ip'];

  protected readonly filters = inject(NonNullableFormBuilder).group({
    actorId: [''],
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
  private readonly staffNames = computed(() => new Map(this.staff().map((s) => [s.id, s.name])));

  constructor() {
    void this.loadStaff();
    void this.load();
    void this.loadHighlights();
  }

  protected actorName(event: AuditEvent): string {
    if (!event.actorId) return 'No signed-in user';
    return this.staffNames().get(event.actorId) ?? `Staff ${event.actorId.slice(0, 8)}`;
  }

  protected roleLabel(role: Role | null): string {
    return role ? ROLE_LABELS[role] : '—';
  }

  protected outcomeLabel(outcome: string): string {
    return OUTCOME_LABELS[outcome] ?? outcome;
  }

  protected entityLabel(event: AuditEvent): string {
    return event.entityId ? `${event.entityType} ${event.entityId.slice(0, 8)}` : event.entityType;
  }

  protected async search(): Promise<void> {
    const { actorId, clientId, from, to, action, outcome, emergency } = this.filters.getRawValue();
    this.applied.set({
      actorId: actorId || undefined,
      clientId: clientId.trim() || undefined,
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
      actorId: highlight.actorId ?? '',
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

  private async loadStaff(): Promise<void> {
    try {
      const staff = await this.staffApi.listAll();
      this.staff.set([...staff].sort((a, b) => a.name.localeCompare(b.name)));
    } catch {
      // Without the staff list the log still shows, with shortened staff ids.
    }
  }
}
