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
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type AttendanceItem,
  type AttendanceStatus,
  can,
  DEFAULT_BILLING_PROFILE,
  GROUP_BILLING_CODE,
  groupVerdict,
  GROUPS_API,
  type Group,
  type GroupMember,
  type GroupSession,
  type SessionAttendance,
  unitsForMinutes,
} from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { readProblem } from '../../core/problem';
import { plural } from '../../clients/client-display';
import { newIdempotencyKey } from '../../contacts/contact-form';
import { AttendanceDraftStore, type DraftWalkIn } from '../attendance-draft-store';
import { dayText, groupLabel, isFullMember, memberName, nextStatus, STATUS_ICONS } from '../group-display';
import { GroupNotFound } from '../group-not-found';
import { GroupsApi } from '../groups-api.service';
import { Outbox } from '../../outbox/outbox';
import { ProblemMessage } from '../../shared/problem-message';

export const OUTBOX_ATTENDANCE_MESSAGE =
  'No connection — the attendance is in your outbox and will send itself.';
export const OFFLINE_ATTENDANCE_MESSAGE =
  'Not sent — you are offline. The attendance is saved on this device.';

/** One person at the door. */
export interface AttendanceRow {
  clientId: string;
  name: string;
  /** False when the caller sees this client by display name only. */
  full: boolean;
  /** First name and last initial: all a draft on the device keeps of a walk-in. */
  shortName: string;
  status: AttendanceStatus | null;
  /** Minutes a late arrival was there: what the group claim bills (blank: not ready to bill). */
  minutesAttended: number | null;
  /** Added at the door on this device; joins the roster when saved. */
  walkIn: boolean;
}

function toRow(
  member: GroupMember,
  status: AttendanceStatus | null,
  minutesAttended: number | null = null,
): AttendanceRow {
  return {
    clientId: member.clientId,
    name: memberName(member),
    full: isFullMember(member),
    shortName: member.displayName,
    status,
    minutesAttended,
    walkIn: false,
  };
}

/** Minutes only for someone who was there; excused and absent clients have none. */
function attendedStatus(status: AttendanceStatus | null): boolean {
  return status === 'present' || status === 'late';
}

function byName(a: AttendanceRow, b: AttendanceRow): number {
  return a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId);
}

/**
 * Taking attendance on a phone at the door: the roster as large rows, one tap cycles
 * present → late → excused → absent, walk-ins found by name, one save. Unsent attendance stays on
 * the device with its Idempotency-Key, so a retry after a dropped connection records it once.
 */
@Component({
  selector: 'pp-take-attendance-page',
  imports: [
    ProblemMessage,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    GroupNotFound,
  ],
  templateUrl: './take-attendance-page.html',
  styleUrl: './take-attendance-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TakeAttendancePage implements OnInit {
  /** Route parameter: the session (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(GroupsApi);
  private readonly drafts = inject(AttendanceDraftStore);
  private readonly outbox = inject(Outbox);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly billingCode = GROUP_BILLING_CODE;
  protected readonly icons = STATUS_ICONS;
  protected readonly groupLabel = groupLabel;
  protected readonly dayText = dayText;
  protected readonly plural = plural;

  protected readonly session = signal<GroupSession | null>(null);
  protected readonly group = signal<Group | null>(null);
  protected readonly unitsPerClient = signal(0);
  protected readonly rows = signal<AttendanceRow[]>([]);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly offline = signal(false);
  protected readonly sending = signal(false);
  protected readonly restored = signal(false);
  /** Changes on this device the server does not have yet. */
  protected readonly unsaved = signal(false);
  protected readonly announcement = signal('');

  protected readonly query = signal('');
  protected readonly searching = signal(false);
  protected readonly found = signal<GroupMember[]>([]);
  protected readonly searchError = signal<string | null>(null);

  /** Generated when the screen opens (or kept with the draft) until the server has the attendance. */
  protected idempotencyKey = newIdempotencyKey();
  /** A send failed without an answer: the server may already hold that body under the key. */
  private uncertain = false;

  /** The group's facilitators and the program's managers take attendance; others only read it. */
  protected readonly canWrite = computed(() => {
    const user = this.user();
    const group = this.group();
    if (!user || !group || !can(user.role, 'attendance:write')) return false;
    return user.role !== 'peer' || group.facilitatorIds.includes(user.id);
  });
  protected readonly counts = computed(() => {
    const counts = { present: 0, late: 0, excused: 0, absent: 0, unmarked: 0 };
    for (const row of this.rows()) counts[row.status ?? 'unmarked']++;
    return counts;
  });
  protected readonly attending = computed(() => this.counts().present + this.counts().late);
  /** Each attending client's own minutes, as the claim lines count them; none for a group that does not bill. */
  protected readonly units = computed(() => {
    const length = this.session()?.durationMinutes ?? 0;
    if (!this.unitsPerClient()) return 0;
    return this.rows()
      .filter((r) => attendedStatus(r.status))
      .reduce((n, r) => n + unitsForMinutes(this.validMinutes(r) ?? length), 0);
  });
  /** "Won't bill: NA is a community meeting", by the same rule as the claim lines; null when it bills. */
  protected readonly wontBill = computed(() => {
    const group = this.group();
    if (!group) return null;
    const verdict = groupVerdict(group.type, this.user()?.billingProfile ?? DEFAULT_BILLING_PROFILE);
    return verdict.bills ? null : `Won't bill: ${verdict.reason}`;
  });
  /** Rows whose typed minutes are not a whole number from 1 to the session's length. */
  protected readonly badMinutes = computed(() =>
    this.rows().filter((r) => r.minutesAttended !== null && this.validMinutes(r) === null),
  );
  protected readonly shownResults = computed(() => {
    const here = new Set(this.rows().map((r) => r.clientId));
    return this.found().filter((m) => !here.has(m.clientId));
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  ngOnInit(): void {
    void this.load();
  }

  protected statusLabel(status: AttendanceStatus | null): string {
    return status ? groupLabel(status) : 'Not marked';
  }

  protected rowLabel(row: AttendanceRow): string {
    const walkIn = row.walkIn ? ', walk-in' : '';
    return `${row.name}${walkIn}: ${this.statusLabel(row.status)}`;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const taken = await this.api.attendance(this.id());
      const [group, roster] = await Promise.all([
        this.api.get(taken.session.groupId),
        this.api.roster(taken.session.groupId),
      ]);
      this.group.set(group);
      this.apply(taken, roster);
      this.restoreDraft();
    } catch (error) {
      const problem = readProblem(error, 'The session could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.loadError.set(problem.message);
    } finally {
      this.loading.set(false);
    }
  }

  /** One tap: the next status in the cycle. */
  protected tap(row: AttendanceRow): void {
    if (!this.canWrite() || this.sending()) return;
    const status = nextStatus(row.status);
    const minutesAttended = attendedStatus(status) ? row.minutesAttended : null;
    this.rows.update((rows) =>
      rows.map((r) => (r.clientId === row.clientId ? { ...r, status, minutesAttended } : r)),
    );
    this.announcement.set(`${row.name}: ${groupLabel(status)}`);
    this.changed();
  }

  protected markAllPresent(): void {
    if (!this.canWrite() || this.sending()) return;
    this.rows.update((rows) =>
      rows.map((r) => ({ ...r, status: 'present' as const, minutesAttended: null })),
    );
    this.announcement.set(`All ${plural(this.rows().length, 'client')} marked present`);
    this.changed();
  }

  /** The minutes a late arrival attended, typed beside their name; blank clears them. */
  protected setMinutes(row: AttendanceRow, event: Event): void {
    if (!this.canWrite() || this.sending()) return;
    const text = (event.target as HTMLInputElement).value.trim();
    const minutesAttended = text === '' ? null : Number(text);
    this.rows.update((rows) =>
      rows.map((r) => (r.clientId === row.clientId ? { ...r, minutesAttended } : r)),
    );
    this.changed();
  }

  protected validMinutes(row: AttendanceRow): number | null {
    const m = row.minutesAttended;
    const length = this.session()?.durationMinutes ?? 0;
    return m !== null && Number.isInteger(m) && m >= 1 && m <= length ? m : null;
  }

  protected search(event: Event): void {
    const q = (event.target as HTMLInputElement).value;
    this.query.set(q);
    clearTimeout(this.searchTimer);
    if (!q.trim()) {
      this.found.set([]);
      this.searchError.set(null);
      return;
    }
    this.searchTimer = setTimeout(() => void this.findWalkIns(q.trim()), 250);
  }

  protected addWalkIn(member: GroupMember): void {
    if (!this.canWrite() || this.rows().some((r) => r.clientId === member.clientId)) return;
    const row: AttendanceRow = { ...toRow(member, 'present'), walkIn: true };
    this.rows.update((rows) => [...rows, row].sort(byName));
    this.query.set('');
    this.found.set([]);
    this.announcement.set(`${row.name} added as a walk-in, present`);
    this.changed();
  }

  protected removeWalkIn(row: AttendanceRow): void {
    if (!row.walkIn || this.sending()) return;
    this.rows.update((rows) => rows.filter((r) => r.clientId !== row.clientId));
    this.announcement.set(`${row.name} removed`);
    this.changed();
  }

  /** Sends every row; a row nobody tapped counts as absent. */
  protected async save(): Promise<void> {
    if (this.sending() || !this.canWrite()) return;
    const session = this.session();
    if (!session) return;
    if (this.badMinutes().length) {
      this.error.set(
        `Minutes attended are 1 to ${session.durationMinutes}: check ${this.badMinutes()[0].name}.`,
      );
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    this.offline.set(false);
    this.keepDraft();
    const items: AttendanceItem[] = this.rows().map((r) => ({
      clientId: r.clientId,
      status: r.status ?? 'absent',
      ...(attendedStatus(r.status) && r.minutesAttended !== null
        ? { minutesAttended: r.minutesAttended }
        : {}),
    }));
    try {
      const saved = await this.api.recordAttendance(session.id, items, this.idempotencyKey);
      this.drafts.clear(this.userId(), session.id);
      this.idempotencyKey = newIdempotencyKey();
      this.uncertain = false;
      this.restored.set(false);
      this.unsaved.set(false);
      this.applySaved(saved);
      this.snackBar.open(
        `Attendance saved: ${saved.session.attended} attended · ${plural(saved.session.billingUnits, `${saved.billingCode} unit`)}`,
        'OK',
        { duration: 5000 },
      );
    } catch (error) {
      const problem = readProblem(error, 'The attendance could not be saved.');
      if (problem.status === 0) {
        await this.toOutbox(session, items);
      } else {
        this.error.set(problem.message);
      }
    } finally {
      this.sending.set(false);
    }
  }

  /** No link: the whole attendance waits in the device outbox under its key and sends itself. */
  private async toOutbox(session: GroupSession, items: AttendanceItem[]): Promise<void> {
    await this.outbox.add({
      key: this.idempotencyKey,
      kind: 'attendance',
      method: 'PUT',
      url: GROUPS_API.attendance(encodeURIComponent(session.id)),
      body: items,
      summary: `Attendance, ${this.group()?.name ?? 'group'} session of ${session.date}`,
      link: `/sessions/${session.id}/attendance`,
    });
    this.drafts.clear(this.userId(), session.id);
    this.idempotencyKey = newIdempotencyKey();
    this.uncertain = false;
    this.restored.set(false);
    this.unsaved.set(false);
    this.snackBar.open(OUTBOX_ATTENDANCE_MESSAGE, 'OK', { duration: 8000 });
  }

  /** Forget what this device kept and show the attendance the server has. */
  protected async discard(): Promise<void> {
    this.drafts.clear(this.userId(), this.id());
    this.idempotencyKey = newIdempotencyKey();
    this.uncertain = false;
    this.restored.set(false);
    this.unsaved.set(false);
    this.offline.set(false);
    this.error.set(null);
    await this.load();
  }

  private async findWalkIns(q: string): Promise<void> {
    const group = this.group();
    if (!group) return;
    this.searching.set(true);
    this.searchError.set(null);
    try {
      const found = await this.api.walkIns(group.id, q);
      if (this.query().trim() === q) this.found.set(found);
    } catch (error) {
      this.searchError.set(readProblem(error, 'The search did not work.').message);
    } finally {
      this.searching.set(false);
    }
  }

  private changed(): void {
    // Once a send may have reached the server, a different body needs a key of its own: the PUT
    // replaces the whole session, so sending the new body under a new key is always safe.
    if (this.uncertain) {
      this.idempotencyKey = newIdempotencyKey();
      this.uncertain = false;
    }
    this.unsaved.set(true);
    this.keepDraft();
  }

  /** Rows from the roster and what the server recorded; names come from the server only. */
  private apply(taken: SessionAttendance, roster: GroupMember[]): void {
    this.session.set(taken.session);
    this.unitsPerClient.set(taken.unitsPerClient);
    const recorded = new Map(taken.items.map((i) => [i.clientId, i]));
    const rows = new Map<string, AttendanceRow>();
    for (const member of [...roster, ...taken.items]) {
      const item = recorded.get(member.clientId);
      rows.set(member.clientId, toRow(member, item?.status ?? null, item?.minutesAttended ?? null));
    }
    this.rows.set([...rows.values()].sort(byName));
  }

  /** After a save: the server's statuses; walk-ins are on the roster now. */
  private applySaved(saved: SessionAttendance): void {
    this.session.set(saved.session);
    this.unitsPerClient.set(saved.unitsPerClient);
    const recorded = new Map(saved.items.map((i) => [i.clientId, i]));
    const rows = new Map(
      this.rows().map((r) => {
        const item = recorded.get(r.clientId);
        const status = item?.status ?? null;
        return [r.clientId, { ...r, walkIn: false, status, minutesAttended: item?.minutesAttended ?? null }];
      }),
    );
    for (const item of saved.items)
      if (!rows.has(item.clientId))
        rows.set(item.clientId, toRow(item, item.status, item.minutesAttended ?? null));
    this.rows.set([...rows.values()].sort(byName));
  }

  private restoreDraft(): void {
    const draft = this.canWrite() ? this.drafts.load(this.userId(), this.id()) : null;
    if (!draft) return;
    const kept = new Map(draft.rows.map((r) => [r.clientId, r.status]));
    const keptMinutes = new Map(draft.rows.map((r) => [r.clientId, r.minutesAttended ?? null]));
    const known = new Set(this.rows().map((r) => r.clientId));
    const walkIns: AttendanceRow[] = draft.walkIns
      .filter((w) => !known.has(w.clientId) && kept.has(w.clientId))
      .map((w) => ({
        ...toRow({ clientId: w.clientId, displayName: w.displayName }, null),
        walkIn: true,
      }));
    this.rows.update((rows) =>
      [...rows, ...walkIns]
        .map((r) =>
          kept.has(r.clientId)
            ? {
                ...r,
                status: kept.get(r.clientId) ?? null,
                minutesAttended: keptMinutes.get(r.clientId) ?? null,
              }
            : r,
        )
        .sort(byName),
    );
    this.idempotencyKey = draft.idempotencyKey;
    this.restored.set(true);
    this.unsaved.set(true);
  }

  private keepDraft(): void {
    const userId = this.userId();
    if (!userId || !this.canWrite()) return;
    const walkIns: DraftWalkIn[] = this.rows()
      .filter((r) => r.walkIn)
      .map((r) => ({ clientId: r.clientId, displayName: r.shortName }));
    this.drafts.save(userId, this.id(), {
      idempotencyKey: this.idempotencyKey,
      rows: this.rows().map((r) => ({
        clientId: r.clientId,
        status: r.status,
        minutesAttended: r.minutesAttended,
      })),
      walkIns,
      savedAt: new Date().toISOString(),
    });
  }

  private userId(): string {
    return this.user()?.id ?? '';
  }
}
