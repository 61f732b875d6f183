import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CaseloadEntry, PeerCaseloadFigures } from '@peerpath/contracts';
import { displayName, milestoneText, plural } from '../clients/client-display';
import { ClientsApi } from '../clients/clients-api.service';
import { injectMatches, NARROW } from '../core/layout';
import { readProblem } from '../core/problem';
import { StaffApi } from '../core/staff-api.service';
import { percent } from './chart-data';
import { ReportsApi } from './reports-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** Drill-down from the dashboard: one peer's caseload (GET /api/caseload?peerId=), overdue first. */
@Component({
  selector: 'pp-peer-caseload-page',
  imports: [ProblemMessage, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, RouterLink],
  templateUrl: './peer-caseload-page.html',
  styleUrl: './peer-caseload-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeerCaseloadPage implements OnInit {
  /** Route parameter (component input binding). */
  readonly peerId = input.required<string>();

  private readonly clients = inject(ClientsApi);
  private readonly staff = inject(StaffApi);
  private readonly reports = inject(ReportsApi);

  protected readonly narrow = injectMatches(NARROW);
  protected readonly peerName = signal<string | null>(null);
  protected readonly figures = signal<PeerCaseloadFigures | null>(null);
  protected readonly entries = signal<CaseloadEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly overdueCount = computed(() => this.entries().filter((e) => e.overdue).length);
  protected readonly heading = computed(() => {
    const name = this.peerName() ?? this.figures()?.peerName;
    return name ? `${name} — caseload` : 'Peer caseload';
  });
  protected readonly columns = ['name', 'lastContact', 'recovery', 'referrals'];

  protected readonly name = displayName;
  protected readonly milestone = milestoneText;
  protected readonly plural = plural;
  protected readonly percent = percent;

  ngOnInit(): void {
    void this.load();
    void this.loadPeer();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.entries.set((await this.clients.caseload(this.peerId())).items);
    } catch (error) {
      this.error.set(readProblem(error, 'This caseload could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected lastContact(entry: CaseloadEntry): string {
    const days = entry.daysSinceContact;
    if (days === null) return 'No contact yet';
    if (days === 0) return 'Today';
    return `${plural(days, 'day')} ago`;
  }

  /** The peer's name and their figures for the last 4 weeks; the list works without them. */
  private async loadPeer(): Promise<void> {
    const [user, report] = await Promise.allSettled([
      this.staff.get(this.peerId()),
      this.reports.caseloads(),
    ]);
    if (user.status === 'fulfilled') this.peerName.set(user.value.name);
    if (report.status === 'fulfilled')
      this.figures.set(report.value.peers.find((p) => p.peerId === this.peerId()) ?? null);
  }
}
