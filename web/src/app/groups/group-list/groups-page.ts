import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import { can, type Group } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { readProblem } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { StaffApi } from '../../core/staff-api.service';
import { GroupFormDialog, type GroupFormData } from '../group-form-dialog';
import { groupLabel, rosterText, scheduleText } from '../group-display';
import { GroupsApi } from '../groups-api.service';
import { ProblemMessage } from '../../shared/problem-message';

/** The program's recovery groups as cards; managers add groups here. */
@Component({
  selector: 'pp-groups-page',
  imports: [
    ProblemMessage,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  templateUrl: './groups-page.html',
  styleUrl: './groups-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupsPage {
  private readonly api = inject(GroupsApi);
  private readonly programs = inject(ProgramsApi);
  private readonly staff = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly user = inject(AuthService).user;

  protected readonly canCreate = computed(() => can(this.user()?.role, 'groups:write'));
  /** Peers facilitate some groups: they may narrow the list to those. */
  protected readonly canFilterMine = computed(() => this.user()?.role === 'peer');
  protected readonly groups = signal<Group[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly mine = signal(false);
  protected readonly includeInactive = signal(false);
  protected readonly opening = signal(false);

  protected readonly groupLabel = groupLabel;
  protected readonly scheduleText = scheduleText;
  protected readonly rosterText = rosterText;

  constructor() {
    void this.load();
  }

  protected facilitates(group: Group): boolean {
    const id = this.user()?.id;
    return !!id && group.facilitatorIds.includes(id);
  }

  protected facilitatorNames(group: Group): string {
    return group.facilitators.map((f) => f.name).join(', ') || '—';
  }

  protected async load(more = false): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(
        { mine: this.mine(), includeInactive: this.includeInactive() },
        more ? this.nextCursor() : null,
      );
      this.groups.update((groups) => (more ? [...groups, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(readProblem(error, 'The groups could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected toggleMine(on: boolean): void {
    this.mine.set(on);
    void this.load();
  }

  protected toggleInactive(on: boolean): void {
    this.includeInactive.set(on);
    void this.load();
  }

  protected async create(): Promise<void> {
    if (this.opening()) return;
    this.opening.set(true);
    this.error.set(null);
    try {
      const [programs, staff] = await Promise.all([this.programs.listAll(), this.staff.listAll()]);
      const mine = this.user()?.programIds ?? [];
      const ref = this.dialog.open<GroupFormDialog, GroupFormData, Group>(GroupFormDialog, {
        data: { programs: programs.filter((p) => mine.includes(p.id)), staff },
        width: '560px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      });
      const created = await firstValueFrom(ref.afterClosed());
      if (created) await this.router.navigate(['/groups', created.id]);
    } catch (error) {
      this.error.set(readProblem(error, 'The group form could not be opened.').message);
    } finally {
      this.opening.set(false);
    }
  }
}
