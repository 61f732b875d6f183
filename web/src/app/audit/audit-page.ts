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
import { type AuditEvent, type Role, ROLE_LABELS, type User } from '@peerpath/contracts';
import { injectMatches, NARROW } from '../core/layout';
import { readProblem } from '../core/problem';
import { StaffApi } from '../core/staff-api.service';
import { AuditApi, type AuditFilter, dayToIso } from './audit-api.service';

const OUTCOME_LABELS: Record<string, string> = { success: 'Allowed', denied: 'Denied', failure: 'Failed' };

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
  });

  protected readonly staff = signal<User[]>([]);
  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private applied: AuditFilter = {};
  private readonly staffNames = computed(() => new Map(this.staff().map((s) => [s.id, s.name])));

  constructor() {
    void this.loadStaff();
    void this.load();
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
    const { actorId, clientId, from, to } = this.filters.getRawValue();
    this.applied = {
      actorId: actorId || undefined,
      clientId: clientId.trim() || undefined,
      from: dayToIso(from, 'start'),
      to: dayToIso(to, 'end'),
    };
    await this.load();
  }

  protected async clear(): Promise<void> {
    this.filters.reset();
    this.applied = {};
    await this.load();
  }

  protected async load(cursor: string | null = null): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(this.applied, cursor);
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
