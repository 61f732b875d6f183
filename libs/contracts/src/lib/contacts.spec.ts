import { billingUnits } from './contacts';
import { daysBetween, nextMilestone } from './clients';

describe('H0038 billing units', () => {
  it.each([
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [60, 4],
    [480, 32],
  ])('%i minutes earn %i units', (minutes, units) => {
    expect(billingUnits(minutes)).toBe(units);
  });

  it('earns nothing for an unsuccessful or non-billable contact', () => {
    expect(billingUnits(60, false)).toBe(0);
    expect(billingUnits(60, true, false)).toBe(0);
  });
});

describe('recovery milestones', () => {
  it('counts days and finds the next milestone', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(nextMilestone('2026-01-01', '2026-01-20')).toEqual({
      label: '30 days',
      date: '2026-01-31',
      inDays: 11,
    });
    expect(nextMilestone('2026-01-01', '2026-05-01')?.label).toBe('6 months');
    expect(nextMilestone('2020-01-01', '2026-01-01')).toBeNull();
  });
});
