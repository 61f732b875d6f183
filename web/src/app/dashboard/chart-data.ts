import type { CaseloadReport, PeerCaseloadFigures } from '@peerpath/contracts';
import type { ChartData } from 'chart.js';
import { dayToIso } from '../audit/audit-api.service';
import type { ReportPeriod } from './reports-api.service';

/**
 * Chart colours, fixed so every chart reads the same way: PeerPath blue for a figure, a quiet grey
 * for a limit, amber and red only for what needs attention, and one colour per peer in the trend.
 */
export const CHART_COLORS = {
  primary: '#005cbb',
  primarySoft: 'rgba(0, 92, 187, 0.16)',
  limit: '#dfe3eb',
  limitBorder: '#8a919e',
  over: '#c5221f',
  completed: '#1e8e3e',
  declined: '#e37400',
  noShow: '#c5221f',
  cancelled: '#9aa0a6',
  grid: '#e6e8ee',
  text: '#44474e',
} as const;

/** One colour per peer, in the order of the report (peers sorted by name). */
export const PEER_PALETTE = [
  '#005cbb',
  '#00897b',
  '#e8710a',
  '#8e24aa',
  '#6d4c41',
  '#d81b60',
  '#3949ab',
  '#7cb342',
  '#00838f',
  '#5d4037',
] as const;

export function peerColor(index: number): string {
  return PEER_PALETTE[index % PEER_PALETTE.length];
}

export const REFERRAL_OUTCOMES = [
  'completed',
  'declined',
  'no_show',
  'cancelled',
  'unable_to_contact',
  'no_capacity',
] as const;
export const REFERRAL_OUTCOME_LABELS: Record<string, string> = {
  completed: 'Completed',
  declined: 'Declined',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  unable_to_contact: 'Unable to contact',
  no_capacity: 'No capacity',
};
const OUTCOME_COLORS: Record<string, string> = {
  completed: CHART_COLORS.completed,
  declined: CHART_COLORS.declined,
  no_show: CHART_COLORS.noShow,
  cancelled: CHART_COLORS.cancelled,
};

export type PeriodKind = '4w' | '12w' | 'custom';
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  '4w': 'Last 4 weeks',
  '12w': 'Last 12 weeks',
  custom: 'Custom',
};

const DAY = 86_400_000;

/** The report period for a choice; null when a custom range is incomplete or backwards. */
export function periodFor(
  kind: PeriodKind,
  custom: { from: string; to: string } = { from: '', to: '' },
  now = new Date(),
): ReportPeriod | null {
  if (kind !== 'custom') {
    const days = kind === '4w' ? 28 : 84;
    return { from: new Date(now.getTime() - days * DAY).toISOString(), to: now.toISOString() };
  }
  const from = dayToIso(custom.from, 'start');
  const to = dayToIso(custom.to, 'end');
  if (!from || !to || !(from < to)) return null;
  return { from, to };
}

/** Short first name for chart axes: "Pat Peer (demo)" → "Pat Peer". */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '').trim() || name;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-01-05" → "5 Jan" (the week's first day). */
export function weekLabel(weekStart: string): string {
  const [, m, d] = weekStart.split('-').map(Number);
  return `${d} ${MONTHS[m - 1] ?? ''}`.trim();
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** Active clients per peer (bars) in front of each peer's caseload limit (a wider grey bar). */
export function caseloadChart(report: CaseloadReport): ChartData<'bar', number[], string> {
  const peers = report.peers;
  return {
    labels: peers.map((p) => shortName(p.peerName)),
    datasets: [
      {
        label: 'Active clients',
        data: peers.map((p) => p.activeClients),
        backgroundColor: peers.map((p) =>
          p.activeClients > p.caseloadLimit ? CHART_COLORS.over : CHART_COLORS.primary,
        ),
        borderRadius: 4,
        barPercentage: 0.5,
        grouped: false,
        order: 1,
      },
      {
        label: 'Caseload limit',
        data: peers.map((p) => p.caseloadLimit),
        backgroundColor: CHART_COLORS.limit,
        borderColor: CHART_COLORS.limitBorder,
        borderWidth: { top: 2, left: 0, right: 0, bottom: 0 },
        barPercentage: 0.8,
        grouped: false,
        order: 2,
      },
    ],
  };
}

/** Successful contacts per week, one line per peer, over the 12 weeks ending with the period. */
export function contactsTrendChart(report: CaseloadReport): ChartData<'line', number[], string> {
  const weeks = report.peers.find((p) => p.contactsByWeek.length)?.contactsByWeek ?? [];
  return {
    labels: weeks.map((w) => weekLabel(w.weekStart)),
    datasets: report.peers.map((p, i) => {
      const byWeek = new Map(p.contactsByWeek.map((w) => [w.weekStart, w.successful]));
      return {
        label: shortName(p.peerName),
        data: weeks.map((w) => byWeek.get(w.weekStart) ?? 0),
        borderColor: peerColor(i),
        backgroundColor: peerColor(i),
        pointRadius: 3,
        pointHoverRadius: 6,
        borderWidth: 2,
        cubicInterpolationMode: 'monotone' as const,
      };
    }),
  };
}

/** Referrals closed in the period by outcome, in a fixed order and colour. */
export function referralOutcomesChart(report: CaseloadReport): ChartData<'doughnut', number[], string> {
  const known = new Set<string>(REFERRAL_OUTCOMES);
  const statuses = [
    ...REFERRAL_OUTCOMES,
    ...Object.keys(report.referralOutcomes).filter((s) => !known.has(s)),
  ];
  return {
    labels: statuses.map((s) => REFERRAL_OUTCOME_LABELS[s] ?? s),
    datasets: [
      {
        label: 'Referrals',
        data: statuses.map((s) => report.referralOutcomes[s] ?? 0),
        backgroundColor: statuses.map((s) => OUTCOME_COLORS[s] ?? CHART_COLORS.cancelled),
        borderColor: '#ffffff',
        borderWidth: 2,
        hoverOffset: 6,
      },
    ],
  };
}

/** Group attendance rate per peer's clients, in percent; a peer without recorded sessions has no bar. */
export function attendanceChart(report: CaseloadReport): ChartData<'bar', (number | null)[], string> {
  return {
    labels: report.peers.map((p) => shortName(p.peerName)),
    datasets: [
      {
        label: 'Group attendance',
        data: report.peers.map((p) =>
          p.groupAttendanceRate === null ? null : Math.round(p.groupAttendanceRate * 100),
        ),
        backgroundColor: CHART_COLORS.primary,
        borderRadius: 4,
        barPercentage: 0.5,
      },
    ],
  };
}

export interface Kpi {
  label: string;
  value: string;
  detail: string;
  icon: string;
  tone?: 'warn';
}

/** The headline figures for the whole report (all peers together). */
export function kpis(report: CaseloadReport): Kpi[] {
  const peers = report.peers;
  const sum = (pick: (p: PeerCaseloadFigures) => number) => peers.reduce((n, p) => n + pick(p), 0);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const active = sum((p) => p.activeClients);
  const places = sum((p) => p.caseloadLimit);
  const contacted = sum((p) => p.contactedLast14DaysShare * p.activeClients);
  const overdue = sum((p) => p.overdueClients);
  const perWeek = sum((p) => p.successfulContactsPerWeek);
  const closed = Object.values(report.referralOutcomes).reduce((n, v) => n + v, 0);
  const completed = report.referralOutcomes['completed'] ?? 0;
  return [
    {
      label: 'Active clients',
      value: String(active),
      detail: places ? `${percent(active / places)} of ${places} caseload places` : 'No caseload places',
      icon: 'diversity_3',
    },
    {
      label: 'Successful contacts per week',
      value: String(round1(perWeek)),
      detail: peers.length > 1 ? `${round1(perWeek / peers.length)} per peer` : 'Average over the period',
      icon: 'forum',
    },
    {
      label: 'Clients contacted in last 14 days',
      value: active ? percent(contacted / active) : '—',
      detail: `${overdue} overdue client${overdue === 1 ? '' : 's'}`,
      icon: 'event_available',
      tone: overdue ? 'warn' : undefined,
    },
    {
      label: 'Referrals closed',
      value: String(closed),
      detail: `${closed ? percent(completed / closed) : '—'} completed · ${sum((p) => p.openReferrals)} still open`,
      icon: 'task_alt',
    },
    {
      label: 'H0038 units per week',
      value: String(round1(sum((p) => p.h0038UnitsPerWeek))),
      detail: `+ ${round1(sum((p) => p.h0038HqUnitsPerWeek))} group (HQ) units`,
      icon: 'receipt_long',
    },
  ];
}
