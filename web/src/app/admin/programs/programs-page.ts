import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { can, type Program } from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { readProblem } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { ProgramForm } from './program-form';
import { ProblemMessage } from '../../shared/problem-message';

@Component({
  selector: 'pp-programs-page',
  imports: [ProblemMessage, MatButtonModule, MatIconModule, MatProgressBarModule, ProgramForm],
  templateUrl: './programs-page.html',
  styleUrl: './programs-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramsPage {
  private readonly api = inject(ProgramsApi);
  protected readonly user = inject(AuthService).user;
  protected readonly canManage = computed(() => can(this.user()?.role, 'programs:write'));

  protected readonly programs = signal<Program[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly adding = signal(false);

  constructor() {
    void this.load();
  }

  protected async load(cursor: string | null = null): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(cursor);
      this.programs.update((programs) => (cursor ? [...programs, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(readProblem(error, 'Programs could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected loadMore(): Promise<void> {
    return this.load(this.nextCursor());
  }

  protected added(program: Program): void {
    this.programs.update((programs) => [...programs, program].sort((a, b) => a.name.localeCompare(b.name)));
    this.adding.set(false);
  }
}
