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
import { EmergencyAccess } from '../../emergency-access/emergency-access.service';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  can,
  type ClientAttendanceEntry,
  type ClientAttendanceRates,
  type CommunityMeeting,
  GROUP_BILLING_CODE,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { readProblem } from '../../core/problem';
import { plural } from '../../clients/client-display';
import { dayText, groupLabel, percent, STATUS_ICONS } from '../group-display';
import { GroupsApi } from '../groups-api.service';
import { CommunityMeetingDialog, type CommunityMeetingData } from './community-meeting-dialog';

type SessionEntry = Extract<ClientAttendanceEntry, { kind: 'group_session' }>;

/**
 * "Groups & meetings" on the client page: attendance rates over 4 and 12 weeks, absences in a row,
 * recent group sessions and community mutual-aid meetings. The client timeline holds contacts only,
 * so attendance is listed here.
 */
@Component({
  selector: 'pp-client-groups',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatExpansionModule, MatIconModule],
  templateUrl: './client-groups.html',
  styleUrl: './client-groups.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientGroups {
  readonly clientId = input.required<string>();
  readonly clientName = input('');
  /** A discharged client gets no new meetings recorded. */
  readonly active = input(true);

  private readonly api = inject(GroupsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly emergency = inject(EmergencyAccess);
  private readonly user = inject(AuthService).user;

  protected readonly billingCode = GROUP_BILLING_CODE;
  protected readonly icons = STATUS_ICONS;
  protected readonly groupLabel = groupLabel;
  protected readonly dayText = dayText;
  protected readonly percent = percent;
  protected readonly plural = plural;

  protected readonly canRead = computed(() => can(this.user()?.role, 'attendance:read'));
  protected readonly canReadMeetings = computed(() => can(this.user()?.role, 'communityMeetings:read'));
  protected readonly canRecord = computed(
    () =>
      this.emergency.allows(this.user()?.role, 'communityMeetings:write', this.clientId()) && this.active(),
  );
  protected readonly rates = signal<ClientAttendanceRates | null>(null);
  protected readonly sessions = signal<SessionEntry[]>([]);
  protected readonly meetings = signal<CommunityMeeting[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.clientId();
      if (this.canRead()) untracked(() => void this.load(id));
    });
  }

  protected async load(clientId = this.clientId()): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const [rates, history, meetings] = await Promise.allSettled([
      this.api.clientRates(clientId),
      this.api.clientAttendance(clientId),
      this.canReadMeetings() ? this.api.communityMeetings(clientId) : Promise.resolve([]),
    ]);
    if (rates.status === 'fulfilled') this.rates.set(rates.value);
    if (history.status === 'fulfilled')
      this.sessions.set(history.value.items.filter((e): e is SessionEntry => e.kind === 'group_session'));
    if (meetings.status === 'fulfilled') this.meetings.set(meetings.value);
    const failed = [rates, history, meetings].find((r) => r.status === 'rejected');
    if (failed) this.error.set(readProblem(failed.reason, 'Group attendance could not be loaded.').message);
    this.loading.set(false);
  }

  protected async record(): Promise<void> {
    const ref = this.dialog.open<CommunityMeetingDialog, CommunityMeetingData, CommunityMeeting>(
      CommunityMeetingDialog,
      {
        data: { clientId: this.clientId(), clientName: this.clientName() || 'The client' },
        width: '520px',
        maxWidth: '95vw',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.meetings.update((items) =>
      [saved, ...items].sort(
        (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
      ),
    );
    this.snackBar.open('Community meeting recorded.', 'OK', { duration: 4000 });
  }
}
