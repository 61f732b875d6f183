import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { can, DEFAULT_HANDOFF_TARGET_HOURS, type Handoff, type Program } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { problemSlug, readProblem } from '../core/problem';
import { ProgramsApi } from '../core/programs-api.service';
import { needLabel } from '../referrals/referral-display';
import { AttemptDialog } from './attempt-dialog';
import { CloseHandoffDialog } from './close-handoff-dialog';
import {
  ATTEMPT_METHOD_LABELS,
  clinicMoment,
  clockMinutes,
  clockTone,
  closeReasonLabel,
  formatClock,
  HANDOFF_STATUS_LABELS,
  sourceLabel,
} from './handoff-display';
import { type HandoffFilter, HandoffsApi } from './handoffs-api.service';
import { ProblemMessage } from '../shared/problem-message';

const STATUS_FILTERS: { value: HandoffFilter; label: string }[] = [
  { value: 'open', label: 'Open (new or claimed)' },
  { value: 'new', label: 'New, not claimed' },
  { value: 'claimed', label: 'Claimed' },
  { value: 'converted', label: 'Now a client' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

/** How often the clocks since receipt move on screen. */
const TICK_MS = 30_000;

/**
 * /handoffs: warm handoffs coming in to the caller's programs, oldest first, each with its clock
 * since receipt. A peer claims one, logs the attempts to reach the person, then starts the
 * intake (the normal client form, pre-filled) or closes it with a reason.
 */
@Component({
  selector: 'pp-handoff-queue',
  imports: [
    ProblemMessage,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './handoff-queue.html',
  styleUrl: './handoff-queue.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandoffQueue implements OnInit {
  private readonly api = inject(HandoffsApi);
  private readonly programsApi = inject(ProgramsApi);
  private readonly dialog = inject(MatDialog);
  private readonly user = inject(AuthService).user;

  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly statusLabels = HANDOFF_STATUS_LABELS;
  protected readonly methodLabels = ATTEMPT_METHOD_LABELS;
  protected readonly sourceLabel = sourceLabel;
  protected readonly needLabel = needLabel;
  protected readonly closeReasonLabel = closeReasonLabel;
  protected readonly moment = clinicMoment;

  /** Only peers claim and work handoffs; peers and managers record them and close them. */
  protected readonly canWork = computed(() => can(this.user()?.role, 'handoffs:work'));
  protected readonly canRecord = computed(() => can(this.user()?.role, 'handoffs:write'));
  protected readonly userId = computed(() => this.user()?.id ?? null);

  protected readonly programs = signal<Program[]>([]);
  protected readonly programId = signal('');
  protected readonly status = signal<HandoffFilter>('open');
  protected readonly handoffs = signal<Handoff[]>([]);
  protected readonly targetHours = signal(DEFAULT_HANDOFF_TARGET_HOURS);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  /** A message on one card: a claim someone else won, or an action that failed. */
  protected readonly cardMessage = signal<{ id: string; text: string } | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly now = signal(new Date());

  protected readonly rows = computed(() => {
    const now = this.now();
    return this.handoffs().map((handoff) => {
      const minutes = clockMinutes(handoff, now);
      return {
        handoff,
        clock: formatClock(minutes),
        tone: clockTone(handoff, minutes, this.targetHours()),
        mine: handoff.claimedBy === this.userId(),
      };
    });
  });

  constructor() {
    const timer = setInterval(() => this.now.set(new Date()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    void this.loadPrograms();
    void this.load();
    void this.loadTarget();
  }

  protected setProgram(programId: string): void {
    this.programId.set(programId);
    void this.load();
    void this.loadTarget();
  }

  protected setStatus(status: HandoffFilter): void {
    this.status.set(status);
    void this.load();
  }

  protected programName(programId: string): string {
    return this.programs().find((p) => p.id === programId)?.name ?? '';
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const programId = this.programId() || undefined;
    try {
      this.handoffs.set(await this.api.list({ programId, status: this.status() }));
      this.loaded.set(true);
      this.now.set(new Date());
    } catch (error) {
      this.error.set(readProblem(error, 'The incoming handoffs could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async claim(handoff: Handoff): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(handoff.id);
    this.cardMessage.set(null);
    try {
      this.replace(await this.api.claim(handoff.id));
    } catch (error) {
      const taken = problemSlug(error) === 'already-claimed';
      if (taken) await this.refresh(handoff.id);
      const claimer = this.handoffs().find((h) => h.id === handoff.id)?.claimedByName;
      this.cardMessage.set({
        id: handoff.id,
        text: taken
          ? `${claimer ?? 'Another peer'} claimed this handoff first; it is theirs to work.`
          : readProblem(error, 'The handoff could not be claimed.').message,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  protected async logAttempt(handoff: Handoff): Promise<void> {
    const ref = this.dialog.open<AttemptDialog, Handoff, Handoff>(AttemptDialog, {
      data: handoff,
      maxWidth: '520px',
      width: 'calc(100vw - 32px)',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) this.replace(saved);
  }

  protected async close(handoff: Handoff): Promise<void> {
    const ref = this.dialog.open<CloseHandoffDialog, Handoff, Handoff>(CloseHandoffDialog, {
      data: handoff,
      maxWidth: '520px',
      width: 'calc(100vw - 32px)',
    });
    const closed = await firstValueFrom(ref.afterClosed());
    if (closed) this.replace(closed);
  }

  /** A changed handoff stays in view until the next load, so the peer sees what they just did. */
  private replace(updated: Handoff): void {
    this.handoffs.update((list) => list.map((h) => (h.id === updated.id ? updated : h)));
  }

  private async refresh(id: string): Promise<void> {
    try {
      this.replace(await this.api.get(id));
    } catch {
      // The message on the card says enough.
    }
  }

  private async loadPrograms(): Promise<void> {
    try {
      const mine = this.user()?.programIds ?? [];
      this.programs.set((await this.programsApi.listAll()).filter((p) => mine.includes(p.id)));
    } catch {
      // The queue works without program names; the filter then offers "All my programs" only.
    }
  }

  /** The program's target for first contact colours the clocks (the strictest of several programs). */
  private async loadTarget(): Promise<void> {
    try {
      this.targetHours.set((await this.api.times(this.programId() || undefined)).targetHours);
    } catch {
      this.targetHours.set(DEFAULT_HANDOFF_TARGET_HOURS);
    }
  }
}
