import {
  attendanceChart,
  caseloadChart,
  CHART_COLORS,
  contactsTrendChart,
  kpis,
  peerColor,
  periodFor,
  referralOutcomesChart,
  weekLabel,
} from './chart-data';
import { caseloadReport } from './report-fixtures';

describe('dashboard chart data', () => {
  const report = caseloadReport();

  it('draws active clients per peer in front of each caseload limit, red when over the limit', () => {
    const chart = caseloadChart(report);
    expect(chart.labels).toEqual(['Pat Peer', 'Robin Peer']);
    const [active, limit] = chart.datasets;
    expect(active.label).toBe('Active clients');
    expect(active.data).toEqual([12, 27]);
    expect(active.backgroundColor).toEqual([CHART_COLORS.primary, CHART_COLORS.over]);
    expect(limit.label).toBe('Caseload limit');
    expect(limit.data).toEqual([25, 25]);
  });

  it('makes one 12-week line per peer, aligned on the week start, in the peer’s own colour', () => {
    const chart = contactsTrendChart(report);
    expect(chart.labels).toHaveLength(12);
    expect(chart.labels?.[0]).toBe('5 Jan');
    expect(chart.datasets.map((d) => d.label)).toEqual(['Pat Peer', 'Robin Peer']);
    expect(chart.datasets[0].data).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Robin's weeks arrive in reverse order; the chart still puts each count under its own week.
    expect(chart.datasets[1].data).toEqual(Array(12).fill(2));
    expect(chart.datasets[1].borderColor).toBe(peerColor(1));
  });

  it('shows every referral outcome in a fixed order, zero when absent', () => {
    const chart = referralOutcomesChart(report);
    expect(chart.labels).toEqual([
      'Completed',
      'Declined',
      'No-show',
      'Cancelled',
      'Unable to contact',
      'No capacity',
    ]);
    expect(chart.datasets[0].data).toEqual([3, 1, 0, 2, 0, 0]);
  });

  it('turns group attendance rates into percentages and leaves peers without sessions empty', () => {
    const chart = attendanceChart(report);
    expect(chart.datasets[0].data).toEqual([80, null]);
  });

  it('sums the headline figures over all peers', () => {
    const figures = Object.fromEntries(kpis(report).map((k) => [k.label, k]));
    expect(figures['Active clients'].value).toBe('39');
    expect(figures['Active clients'].detail).toBe('78% of 50 caseload places');
    expect(figures['Successful contacts per week'].value).toBe('10');
    // (12 × 0.75 + 27 × 0.5) / 39 = 58%
    expect(figures['Clients contacted in last 14 days'].value).toBe('58%');
    expect(figures['Clients contacted in last 14 days'].tone).toBe('warn');
    expect(figures['Referrals closed'].value).toBe('6');
    expect(figures['Referrals closed'].detail).toContain('50% completed');
  });

  it('formats week starts as day and month', () => {
    expect(weekLabel('2026-11-02')).toBe('2 Nov');
  });

  it('picks the last 4 or 12 weeks, or a valid custom range', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    expect(periodFor('4w', undefined, now)).toEqual({
      from: '2026-03-01T12:00:00.000Z',
      to: '2026-03-29T12:00:00.000Z',
    });
    expect(periodFor('12w', undefined, now)?.from).toBe('2026-01-04T12:00:00.000Z');
    expect(periodFor('custom', { from: '2026-03-10', to: '2026-03-01' }, now)).toBeNull();
    expect(periodFor('custom', { from: '', to: '2026-03-01' }, now)).toBeNull();
    expect(periodFor('custom', { from: '2026-02-01', to: '2026-03-01' }, now)).not.toBeNull();
  });
});
