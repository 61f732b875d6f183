import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { can, type Program, type Role, ROLE_LABELS, type User } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { injectMatches, NARROW } from '../../core/layout';
import { readProblem } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { StaffApi } from '../../core/staff-api.service';
import { StaffFormDialog, type StaffFormData } from './staff-form-dialog';
import { ProblemMessage } from '../../shared/problem-message';

@Component({
  selector: 'pp-staff-page',
  imports: [ProblemMessage, MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './staff-page.html',
  styleUrl: './staff-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffPage {
  private readonly auth = inject(AuthService);
  private readonly staffApi = inject(StaffApi);
  private readonly programsApi = inject(ProgramsApi);
  private readonly dialog = inject(MatDialog);

  protected readonly narrow = injectMatches(NARROW);
  protected readonly user = this.auth.user;
  protected readonly canManage = computed(() => can(this.user()?.role, 'users:write'));
  protected readonly heading = computed(() => (this.canManage() ? 'Staff' : 'Program staff'));
  protected readonly columns = computed(() => [
    'name',
    'email',
    'role',
    'programs',
    'active',
    ...(this.canManage() ? ['actions'] : []),
  ]);

  protected readonly staff = signal<User[]>([]);
  protected readonly programs = signal<Program[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly programNames = computed(() => new Map(this.programs().map((p) => [p.id, p.name])));

  constructor() {
    void this.load();
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role] ?? role;
  }

  protected programsOf(user: User): string {
    const names = this.programNames();
    return user.programIds.map((id) => names.get(id) ?? 'Unknown program').join(', ') || '—';
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const [programs, page] = await Promise.allSettled([this.programsApi.listAll(), this.staffApi.list()]);
    if (programs.status === 'fulfilled') this.programs.set(programs.value);
    if (page.status === 'fulfilled') {
      this.staff.set(page.value.items);
      this.nextCursor.set(page.value.nextCursor);
    } else {
      this.error.set(readProblem(page.reason, 'The staff list could not be loaded.').message);
    }
    this.loading.set(false);
  }

  protected async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.staffApi.list(cursor);
      this.staff.update((staff) => [...staff, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(readProblem(error, 'More staff could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async add(): Promise<void> {
    const saved = await this.openForm({ programs: this.programs() });
    if (saved) this.staff.update((staff) => [...staff, saved].sort((a, b) => a.name.localeCompare(b.name)));
  }

  protected async edit(user: User): Promise<void> {
    const saved = await this.openForm({ user, programs: this.programs() });
    if (saved) this.staff.update((staff) => staff.map((s) => (s.id === saved.id ? saved : s)));
  }

  private openForm(data: StaffFormData): Promise<User | undefined> {
    const ref = this.dialog.open<StaffFormDialog, StaffFormData, User>(StaffFormDialog, {
      data,
      width: '560px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
