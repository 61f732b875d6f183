import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import {
  can,
  type CaseloadReport,
  type PeerCaseloadFigures,
  type Permission,
  type Role,
  type Scope,
  scopeOf,
} from '@peerpath/contracts';
import type { ActiveElement, ChartEvent, ChartOptions } from 'chart.js';
import { BaseChartDirective, provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import {
  attendanceChart,
  caseloadChart,
  CHART_COLORS,
  contactsTrendChart,
  kpis,
  PERIOD_LABELS,
  type PeriodKind,
  percent,
  periodFor,
  referralOutcomesChart,
  REFERRAL_OUTCOMES,
  REFERRAL_OUTCOME_LABELS,
  shortName,
} from './chart-data';
import { HandoffTimesPanel } from './handoff-times';
import { type ReportPeriod, ReportsApi } from './reports-api.service';
import { ProblemMessage } from '../shared/problem-message';

function scopeIs(role: Role | undefined, permission: Permission, scope: Scope): boolean {
  return !!role && scopeOf(role, permission) === scope;
}

const FONT = 'Roboto, "Helvetica Neue", Arial, sans-serif';

/** Pointer cursor over bars and points that lead somewhere. */
function pointerOnHover(event: ChartEvent, active: ActiveElement[]): void {
  const target = event.native?.target;
  if (target instanceof HTMLElement) target.style.cursor = active.length ? 'pointer' : 'default';
}

const axisTicks = { color: CHART_COLORS.text, font: { family: FONT, size: 12 } };
const legend = {
  position: 'bottom' as const,
  labels: {
    usePointStyle: true,
    boxWidth: 8,
    boxHeight: 8,
    padding: 16,
    color: CHART_COLORS.text,
    font: { family: FONT, size: 12 },
  },
};
const tooltip = { titleFont: { family: FONT }, bodyFont: { family: FONT }, padding: 10 };

/**
 * The caseload figures of GET /api/reports/caseloads as KPI cards, four charts and a table: a
 * manager sees every peer of their programs (and drills into one), a peer sees their own figures.
 */
@Component({
  selector: 'pp-caseload-dashboard',
  imports: [
    ProblemMessage,
    DatePipe,
    DecimalPipe,
    RouterLink,
    BaseChartDirective,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    HandoffTimesPanel,
  ],
  providers: [provideCharts(withDefaultRegisterables())],
  templateUrl: './caseload-dashboard.html',
  styleUrl: './caseload-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadDashboard {
  readonly heading = input.required<string>();

  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly user = inject(AuthService).user;

  /** Program scope: every peer, with drill-down; caseload scope: the caller's own figures. */
  protected readonly programWide = computed(() => scopeIs(this.user()?.role, 'reports:read', 'program'));
  protected readonly canDrill = computed(() => scopeIs(this.user()?.role, 'caseload:read', 'program'));
  /** Program-wide readers of handoffs (managers) also see the times to first contact. */
  protected readonly showHandoffTimes = computed(
    () => this.programWide() && can(this.user()?.role, 'handoffs:read'),
  );

  protected readonly periodKinds: PeriodKind[] = ['4w', '12w', 'custom'];
  protected readonly periodLabels = PERIOD_LABELS;
  protected readonly period = signal<PeriodKind>('4w');
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly customError = signal<string | null>(null);
  private readonly applied = signal<ReportPeriod>({});

  protected readonly report = signal<CaseloadReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly csvUrl = computed(() => this.api.csvUrl(this.applied()));
  protected readonly peers = computed(() => this.report()?.peers ?? []);
  protected readonly kpis = computed(() => {
    const report = this.report();
    return report ? kpis(report) : [];
  });
  /** `to` is exclusive: the last day shown is the one before it. */
  protected readonly lastDay = computed(() => {
    const to = this.report()?.to;
    return to ? new Date(Date.parse(to) - 1).toISOString() : null;
  });

  protected readonly caseloadData = computed(() => caseloadChart(this.safeReport()));
  protected readonly trendData = computed(() => contactsTrendChart(this.safeReport()));
  protected readonly outcomesData = computed(() => referralOutcomesChart(this.safeReport()));
  protected readonly attendanceData = computed(() => attendanceChart(this.safeReport()));
  protected readonly outcomeTotal = computed(() =>
    Object.values(this.safeReport().referralOutcomes).reduce((n, v) => n + v, 0),
  );
  protected readonly noAttendance = computed(() => this.peers().every((p) => p.groupAttendanceRate === null));

  protected readonly caseloadOptions: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    onHover: pointerOnHover,
    plugins: { legend, tooltip },
    scales: {
      x: { grid: { display: false }, ticks: axisTicks },
      y: { beginAtZero: true, grid: { color: CHART_COLORS.grid }, ticks: { ...axisTicks, precision: 0 } },
    },
  };
  protected readonly trendOptions: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    onHover: pointerOnHover,
    interaction: { mode: 'nearest', intersect: false },
    plugins: { legend, tooltip },
    scales: {
      x: { grid: { display: false }, ticks: { ...axisTicks, maxRotation: 0, autoSkipPadding: 12 } },
      y: { beginAtZero: true, grid: { color: CHART_COLORS.grid }, ticks: { ...axisTicks, precision: 0 } },
    },
  };
  protected readonly outcomesOptions: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    cutout: '62%',
    plugins: { legend: { ...legend, position: 'right' }, tooltip },
  };
  protected readonly attendanceOptions: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    onHover: pointerOnHover,
    plugins: {
      legend: { display: false },
      tooltip: {
        ...tooltip,
        callbacks: { label: (item) => ` ${item.formattedValue}% of recorded sessions attended` },
      },
    },
    scales: {
      x: { grid: { display: false }, ticks: axisTicks },
      y: {
        min: 0,
        max: 100,
        grid: { color: CHART_COLORS.grid },
        ticks: { ...axisTicks, stepSize: 25, callback: (value) => `${value}%` },
      },
    },
  };

  /** Column groups over the per-peer table: every PeerCaseloadFigures figure, grouped by topic. */
  protected readonly columnGroups = [
    {
      id: 'groupClients',
      label: 'Clients',
      columns: [
        'activeClients',
        'caseloadLimit',
        'caseloadRatio',
        'newClients',
        'dischargedClients',
        'overdueClients',
      ],
    },
    {
      id: 'groupContacts',
      label: 'Successful contacts',
      columns: ['successfulContactsPerWeek', 'contactedLast14DaysShare'],
    },
    {
      id: 'groupReferrals',
      label: 'Referrals',
      columns: ['openReferrals', 'overdueReferrals', 'referralCompletionRate'],
    },
    { id: 'groupGroups', label: 'Groups', columns: ['groupAttendanceRate'] },
    { id: 'groupBilling', label: 'Units per week', columns: ['h0038UnitsPerWeek', 'h0038HqUnitsPerWeek'] },
  ].map((g) => ({ ...g, span: g.columns.length }));
  protected readonly groupRow = ['groupPeer', ...this.columnGroups.map((g) => g.id)];
  protected readonly columns = ['peer', ...this.columnGroups.flatMap((g) => g.columns)];
  protected readonly percent = percent;
  protected readonly shortName = shortName;
  protected readonly outcomeLabels = REFERRAL_OUTCOME_LABELS;
  protected readonly outcomes = REFERRAL_OUTCOMES;

  constructor() {
    this.applied.set(periodFor('4w') ?? {});
    void this.load();
  }

  protected choosePeriod(kind: PeriodKind): void {
    this.period.set(kind);
    this.customError.set(null);
    if (kind === 'custom') return;
    this.applied.set(periodFor(kind) ?? {});
    void this.load();
  }

  protected applyCustom(): void {
    const period = periodFor('custom', { from: this.customFrom(), to: this.customTo() });
    if (!period) {
      this.customError.set('Choose a start date on or before the end date.');
      return;
    }
    this.customError.set(null);
    this.applied.set(period);
    void this.load();
  }

  protected setCustom(edge: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (edge === 'from' ? this.customFrom : this.customTo).set(value);
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.report.set(await this.api.caseloads(this.applied()));
    } catch (error) {
      this.error.set(readProblem(error, 'The caseload figures could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  /** A bar (or a trend line's point) leads to that peer's caseload. */
  protected openFromChart(active: object[] | undefined, byDataset = false): void {
    const hit = active?.[0] as { index?: number; datasetIndex?: number } | undefined;
    if (!hit) return;
    const peer = this.peers()[(byDataset ? hit.datasetIndex : hit.index) ?? -1];
    if (peer) this.openPeer(peer);
  }

  protected openPeer(peer: PeerCaseloadFigures): void {
    if (!this.canDrill()) return;
    void this.router.navigate(['/dashboard/peers', peer.peerId]);
  }

  protected describeCaseloads(): string {
    return this.peers()
      .map((p) => `${shortName(p.peerName)}: ${p.activeClients} active of ${p.caseloadLimit}`)
      .join('; ');
  }

  protected describeTrend(): string {
    return this.peers()
      .map((p) => `${shortName(p.peerName)}: ${p.contactsByWeek.map((w) => w.successful).join(', ')}`)
      .join('; ');
  }

  protected describeOutcomes(): string {
    const outcomes = this.safeReport().referralOutcomes;
    return REFERRAL_OUTCOMES.map((s) => `${REFERRAL_OUTCOME_LABELS[s]}: ${outcomes[s] ?? 0}`).join('; ');
  }

  protected describeAttendance(): string {
    return this.peers()
      .map((p) => `${shortName(p.peerName)}: ${percent(p.groupAttendanceRate)}`)
      .join('; ');
  }

  private safeReport(): CaseloadReport {
    return (
      this.report() ?? { from: '', to: '', weeks: 0, peers: [], referralOutcomes: {}, referralDeclines: [] }
    );
  }
}
