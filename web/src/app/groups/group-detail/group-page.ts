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
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  can,
  GROUP_BILLING_CODE,
  type Group,
  type GroupMember,
  type GroupRates,
  type GroupSession,
  type Permission,
  type RosterEntry,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { injectMatches, NARROW } from '../../core/layout';
import { readProblem } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { StaffApi } from '../../core/staff-api.service';
import { localToday, plural } from '../../clients/client-display';
import { GroupFormDialog, type GroupFormData } from '../group-form-dialog';
import {
  dayText,
  groupLabel,
  isFullMember,
  memberName,
  percent,
  rateText,
  rosterText,
  scheduleText,
} from '../group-display';
import { GroupNotFound } from '../group-not-found';
import { GroupsApi } from '../groups-api.service';
import { SessionFormDialog, type SessionFormData, type SessionFormResult } from '../session-form-dialog';
import { ProblemMessage } from '../../shared/problem-message';

/** One group: who comes, its sessions, and how often each client attends. */
@Component({
  selector: 'pp-group-page',
  imports: [
    ProblemMessage,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    GroupNotFound,
  ],
  templateUrl: './group-page.html',
  styleUrl: './group-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupPage implements OnInit {
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(GroupsApi);
  private readonly programs = inject(ProgramsApi);
  private readonly staff = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly user = inject(AuthService).user;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly narrow = injectMatches(NARROW);
  protected readonly billingCode = GROUP_BILLING_CODE;
  protected readonly groupLabel = groupLabel;
  protected readonly scheduleText = scheduleText;
  protected readonly rosterText = rosterText;
  protected readonly dayText = dayText;
  protected readonly memberName = memberName;
  protected readonly isFull = isFullMember;
  protected readonly percent = percent;
  protected readonly rateText = rateText;
  protected readonly plural = plural;
  protected readonly rateColumns = ['name', 'last4Weeks', 'last12Weeks', 'consecutiveAbsences'];

  protected readonly group = signal<Group | null>(null);
  protected readonly roster = signal<RosterEntry[]>([]);
  protected readonly sessions = signal<GroupSession[]>([]);
  protected readonly sessionsCursor = signal<string | null>(null);
  protected readonly rates = signal<GroupRates | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingSessions = signal(false);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly rosterError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly query = signal('');
  protected readonly found = signal<GroupMember[]>([]);
  protected readonly searching = signal(false);

  private readonly today = localToday();
  protected readonly upcoming = computed(() =>
    this.sessions()
      .filter((s) => s.date >= this.today && !s.recorded)
      .reverse(),
  );
  protected readonly past = computed(() => this.sessions().filter((s) => s.date < this.today || s.recorded));

  protected readonly facilitates = computed(() => {
    const id = this.user()?.id;
    return !!id && !!this.group()?.facilitatorIds.includes(id);
  });
  protected readonly canManage = computed(() => this.may('groups:write'));
  protected readonly canSession = computed(() => this.mayHere('sessions:write'));
  protected readonly canTake = computed(() => this.mayHere('attendance:write'));
  protected readonly canReadRates = computed(() => this.may('attendance:read'));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  ngOnInit(): void {
    void this.load();
  }

  protected facilitatorNames(group: Group): string {
    return group.facilitators.map((f) => f.name).join(', ') || '—';
  }

  /** Attendance can be taken from the session's day on. */
  protected startsLater(session: GroupSession): boolean {
    return session.date > this.today;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.group.set(await this.api.get(this.id()));
    } catch (error) {
      const problem = readProblem(error, 'The group could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
      this.loading.set(false);
      return;
    }
    await Promise.all([this.loadRoster(), this.loadSessions(), this.loadRates()]);
    this.loading.set(false);
  }

  /** The sessions request in flight: "New session" waits for it, since its default date avoids their slots. */
  private sessionsLoad: Promise<void> = Promise.resolve();

  protected loadSessions(more = false): Promise<void> {
    this.sessionsLoad = this.fetchSessions(more);
    return this.sessionsLoad;
  }

  private async fetchSessions(more: boolean): Promise<void> {
    this.loadingSessions.set(true);
    try {
      const page = await this.api.sessions(this.id(), more ? this.sessionsCursor() : null);
      this.sessions.update((items) => (more ? [...items, ...page.items] : page.items));
      this.sessionsCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(readProblem(error, 'The sessions could not be loaded.').message);
    } finally {
      this.loadingSessions.set(false);
    }
  }

  protected async newSession(): Promise<void> {
    await this.sessionsLoad;
    const group = this.group();
    if (!group) return;
    const ref = this.dialog.open<SessionFormDialog, SessionFormData, SessionFormResult>(SessionFormDialog, {
      data: {
        group,
        durationMinutes: this.sessions()[0]?.durationMinutes,
        sessions: this.sessions(),
      },
      width: '440px',
      maxWidth: '95vw',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    if (this.canTake() && result.date <= this.today) {
      await this.router.navigate(['/sessions', result.sessionId, 'attendance']);
      return;
    }
    this.snackBar.open('Session planned.', 'OK', { duration: 4000 });
    await this.loadSessions();
  }

  protected async edit(): Promise<void> {
    const group = this.group();
    if (!group) return;
    this.busy.set(true);
    try {
      const [programs, staff] = await Promise.all([this.programs.listAll(), this.staff.listAll()]);
      const ref = this.dialog.open<GroupFormDialog, GroupFormData, Group>(GroupFormDialog, {
        data: { group, programs, staff },
        width: '560px',
        maxWidth: '95vw',
      });
      const saved = await firstValueFrom(ref.afterClosed());
      if (saved) {
        this.group.set(saved);
        this.snackBar.open('Group saved.', 'OK', { duration: 4000 });
      }
    } catch (error) {
      this.error.set(readProblem(error, 'The group form could not be opened.').message);
    } finally {
      this.busy.set(false);
    }
  }

  protected search(event: Event): void {
    const q = (event.target as HTMLInputElement).value;
    this.query.set(q);
    clearTimeout(this.searchTimer);
    if (!q.trim()) {
      this.found.set([]);
      return;
    }
    this.searchTimer = setTimeout(() => void this.findClients(q.trim()), 250);
  }

  protected async add(member: GroupMember): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.rosterError.set(null);
    try {
      await this.api.addToRoster(this.id(), member.clientId);
      this.query.set('');
      this.found.set([]);
      this.snackBar.open(`${memberName(member)} added to the roster.`, 'OK', { duration: 4000 });
      await this.refreshAfterRosterChange();
    } catch (error) {
      this.rosterError.set(readProblem(error, 'The client could not be added.').message);
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(entry: RosterEntry): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.rosterError.set(null);
    try {
      await this.api.removeFromRoster(this.id(), entry.clientId);
      await this.refreshAfterRosterChange();
      const undo = this.snackBar.open(`${memberName(entry)} removed from the roster.`, 'Undo', {
        duration: 6000,
      });
      undo.onAction().subscribe(() => void this.add(entry));
    } catch (error) {
      this.rosterError.set(readProblem(error, 'The client could not be removed.').message);
    } finally {
      this.busy.set(false);
    }
  }

  private async refreshAfterRosterChange(): Promise<void> {
    await this.loadRoster();
    this.group.update((g) => (g ? { ...g, rosterCount: this.roster().length } : g));
    void this.loadRates();
  }

  private async findClients(q: string): Promise<void> {
    this.searching.set(true);
    try {
      const found = await this.api.walkIns(this.id(), q);
      if (this.query().trim() === q) this.found.set(found);
    } catch (error) {
      this.rosterError.set(readProblem(error, 'The search did not work.').message);
    } finally {
      this.searching.set(false);
    }
  }

  private async loadRoster(): Promise<void> {
    try {
      const roster = await this.api.roster(this.id());
      this.roster.set([...roster].sort((a, b) => memberName(a).localeCompare(memberName(b))));
    } catch (error) {
      this.rosterError.set(readProblem(error, 'The roster could not be loaded.').message);
    }
  }

  private async loadRates(): Promise<void> {
    if (!this.canReadRates()) return;
    try {
      this.rates.set(await this.api.rates(this.id()));
    } catch {
      this.rates.set(null);
    }
  }

  private may(permission: Permission): boolean {
    return can(this.user()?.role, permission);
  }

  /** A peer acts only on groups they facilitate; a manager on the program's groups. */
  private mayHere(permission: Permission): boolean {
    return this.may(permission) && (this.user()?.role !== 'peer' || this.facilitates());
  }
}
