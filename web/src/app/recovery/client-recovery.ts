import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type Assessment, type Goal, type GoalStatus, type Permission } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { label } from '../clients/client-display';
import { TextDialog, type TextDialogData } from '../shared/text-dialog';
import { EmergencyAccess } from '../emergency-access/emergency-access.service';
import { Barc10Dialog, type Barc10DialogData } from './barc10-dialog';
import { GoalDialog, type GoalDialogData } from './goal-dialog';
import { RecoveryApi } from './recovery-api.service';
import { barc10Summary, GOAL_STALE_MESSAGE, groupGoals, signed } from './recovery-display';

const STALE = 'stale' as const;

function isConflict(error: unknown): boolean {
  return readProblem(error).status === 409;
}

/**
 * "Recovery" on the client page: goals by recovery domain with progress notes, and BARC-10
 * recovery capital over time. Only the client's peer writes; emergency access stays read-only.
 */
@Component({
  selector: 'pp-client-recovery',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule],
  templateUrl: './client-recovery.html',
  styleUrl: './client-recovery.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientRecovery {
  readonly clientId = input.required<string>();
  readonly clientName = input('');
  /** A discharged client gets no new goals or assessments. */
  readonly active = input(true);

  private readonly api = inject(RecoveryApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly emergency = inject(EmergencyAccess);
  private readonly user = inject(AuthService).user;

  protected readonly label = label;
  protected readonly staleMessage = GOAL_STALE_MESSAGE;
  protected readonly groups = [
    { key: 'active', title: 'Active' },
    { key: 'achieved', title: 'Achieved' },
    { key: 'paused', title: 'Paused or dropped' },
  ] as const;
  protected readonly signed = signed;

  protected readonly canReadGoals = computed(() => this.may('goals:read'));
  protected readonly canReadAssessments = computed(() => this.may('assessments:read'));
  protected readonly canWriteGoals = computed(() => this.may('goals:write'));
  protected readonly canAddGoal = computed(() => this.canWriteGoals() && this.active());
  protected readonly canRecordBarc10 = computed(() => this.may('assessments:write') && this.active());

  protected readonly goals = signal<Goal[]>([]);
  protected readonly assessments = signal<Assessment[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly busyGoal = signal<string | null>(null);

  protected readonly grouped = computed(() => groupGoals(this.goals()));
  protected readonly barc10 = computed(() => barc10Summary(this.assessments()));
  /** Newest first. */
  protected readonly history = computed(() =>
    [...this.assessments()].sort((a, b) => b.takenAt.localeCompare(a.takenAt)),
  );

  constructor() {
    effect(() => {
      const id = this.clientId();
      if (this.canReadGoals()) untracked(() => void this.load(id));
    });
  }

  protected async load(clientId = this.clientId()): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.stale.set(false);
    const [goals, assessments] = await Promise.allSettled([
      this.api.goals(clientId),
      this.canReadAssessments() ? this.api.assessments(clientId) : Promise.resolve([]),
    ]);
    if (goals.status === 'fulfilled') this.goals.set(goals.value);
    if (assessments.status === 'fulfilled') this.assessments.set(assessments.value);
    const failed = [goals, assessments].find((r) => r.status === 'rejected');
    if (failed) this.error.set(readProblem(failed.reason, 'Recovery goals could not be loaded.').message);
    this.loading.set(false);
  }

  protected async addGoal(): Promise<void> {
    const ref = this.dialog.open<GoalDialog, GoalDialogData, Goal>(GoalDialog, {
      data: { clientId: this.clientId(), clientName: this.clientName() || 'the client' },
      width: '520px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.goals.update((goals) => [saved, ...goals]);
    this.snackBar.open('Goal added.', 'OK', { duration: 4000 });
  }

  protected async addNote(goal: Goal): Promise<void> {
    const ref = this.dialog.open<
      TextDialog<Goal | typeof STALE>,
      TextDialogData<Goal | typeof STALE>,
      Goal | typeof STALE
    >(TextDialog, {
      data: {
        title: 'Add progress note',
        intro: goal.description,
        label: 'Progress note',
        confirm: 'Add note',
        required: true,
        maxLength: 4000,
        action: async (text) => {
          try {
            return await this.api.updateGoal(goal.id, { version: goal.version, progressNote: text });
          } catch (error) {
            if (isConflict(error)) return STALE;
            throw error;
          }
        },
      },
      width: '520px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved === STALE) this.stale.set(true);
    else if (saved) this.replace(saved, 'Progress note added.');
  }

  protected async setStatus(goal: Goal, status: GoalStatus, message: string): Promise<void> {
    if (this.busyGoal()) return;
    this.busyGoal.set(goal.id);
    this.error.set(null);
    try {
      this.replace(await this.api.updateGoal(goal.id, { version: goal.version, status }), message);
    } catch (error) {
      if (isConflict(error)) this.stale.set(true);
      else this.error.set(readProblem(error, 'The goal could not be changed.').message);
    } finally {
      this.busyGoal.set(null);
    }
  }

  protected async recordBarc10(): Promise<void> {
    const ref = this.dialog.open<Barc10Dialog, Barc10DialogData, Assessment>(Barc10Dialog, {
      data: { clientId: this.clientId(), clientName: this.clientName() || 'the client' },
      width: '600px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.assessments.update((items) => [saved, ...items]);
    this.snackBar.open(`BARC-10 recorded: ${saved.total} of 60.`, 'OK', { duration: 4000 });
  }

  private replace(goal: Goal, message: string): void {
    this.goals.update((goals) => goals.map((g) => (g.id === goal.id ? goal : g)));
    this.snackBar.open(message, 'OK', { duration: 4000 });
  }

  private may(permission: Permission): boolean {
    return this.emergency.allows(this.user()?.role, permission, this.clientId());
  }
}
