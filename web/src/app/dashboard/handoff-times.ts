import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { can, type HandoffTimes, type Program } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ProgramsApi } from '../core/programs-api.service';
import { formatHours, sourceLabel } from '../handoffs/handoff-display';
import { HandoffsApi } from '../handoffs/handoffs-api.service';
import { percent } from './chart-data';
import { ProblemMessage } from '../shared/problem-message';

/**
 * The manager's view of warm handoffs: median hours from receipt to the first attempt and to the
 * first successful contact, per source, against the program's target, which the manager sets.
 */
@Component({
  selector: 'pp-handoff-times',
  imports: [ProblemMessage, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './handoff-times.html',
  styleUrl: './handoff-times.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandoffTimesPanel implements OnInit {
  private readonly api = inject(HandoffsApi);
  private readonly programsApi = inject(ProgramsApi);
  private readonly user = inject(AuthService).user;

  protected readonly sourceLabel = sourceLabel;
  protected readonly hours = formatHours;
  protected readonly percent = percent;
  protected readonly canSetTarget = computed(() => can(this.user()?.role, 'handoffs:target'));

  protected readonly programs = signal<Program[]>([]);
  /** '' = every program of the caller (the strictest target applies). */
  protected readonly programId = signal('');
  protected readonly times = signal<HandoffTimes | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly targetInput = signal('');
  protected readonly targetProgramId = signal('');
  protected readonly targetMessage = signal<{ ok: boolean; text: string } | null>(null);
  protected readonly saving = signal(false);

  ngOnInit(): void {
    void this.loadPrograms();
    void this.load();
  }

  protected setProgram(programId: string): void {
    this.programId.set(programId);
    if (programId) this.targetProgramId.set(programId);
    void this.load();
  }

  /** Past the target: the cell says so in words, not by colour alone. */
  protected over(hours: number | null): boolean {
    const target = this.times()?.targetHours;
    return hours !== null && target !== undefined && hours > target;
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      const times = await this.api.times(this.programId() || undefined);
      this.times.set(times);
      this.targetInput.set(String(times.targetHours));
    } catch (error) {
      this.error.set(readProblem(error, 'The times to first contact could not be loaded.').message);
    }
  }

  protected async saveTarget(): Promise<void> {
    if (this.saving()) return;
    const hours = Number(this.targetInput());
    const programId = this.targetProgramId();
    if (!Number.isInteger(hours) || hours < 1 || hours > 720) {
      this.targetMessage.set({ ok: false, text: 'Enter a whole number of hours from 1 to 720.' });
      return;
    }
    if (!programId) {
      this.targetMessage.set({ ok: false, text: 'Choose the program the target is for.' });
      return;
    }
    this.saving.set(true);
    this.targetMessage.set(null);
    try {
      await this.api.setTarget(programId, hours);
      this.targetMessage.set({ ok: true, text: `Target saved: first contact within ${hours} h.` });
      await this.load();
    } catch (error) {
      this.targetMessage.set({
        ok: false,
        text: readProblem(error, 'The target could not be saved.').message,
      });
    } finally {
      this.saving.set(false);
    }
  }

  private async loadPrograms(): Promise<void> {
    try {
      const mine = this.user()?.programIds ?? [];
      const programs = (await this.programsApi.listAll()).filter((p) => mine.includes(p.id));
      this.programs.set(programs);
      if (!this.targetProgramId() && programs.length) this.targetProgramId.set(programs[0].id);
    } catch {
      // Without names the figures still show for every program.
    }
  }
}
