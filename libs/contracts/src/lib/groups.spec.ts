import { attendanceRates, AttendanceRecord, displayName, groupUnits, nextFreeSessionDate } from './groups';
import { DEFAULT_BILLING_PROFILE } from './organization';

describe('group billing, display names and attendance rates', () => {
  it.each([
    [7, 'present', 0],
    [8, 'present', 1],
    [60, 'late', 4],
    [90, 'present', 6],
    [90, 'excused', 0],
    [90, 'absent', 0],
  ] as const)('bills %i minutes %s as %i H0038-HQ units', (minutes, status, units) => {
    expect(groupUnits(minutes, status)).toBe(units);
  });

  it('bills a late arrival their own minutes and a fellowship meeting nothing', () => {
    expect(groupUnits(90, 'late', 30)).toBe(2);
    expect(groupUnits(90, 'present', null, 'smart', DEFAULT_BILLING_PROFILE)).toBe(6);
    expect(groupUnits(90, 'present', null, 'na', DEFAULT_BILLING_PROFILE)).toBe(0);
    expect(groupUnits(60, 'late', 45, 'aa', DEFAULT_BILLING_PROFILE)).toBe(0);
  });

  it('shows first name and last initial', () => {
    expect(displayName('Avery', 'example')).toBe('Avery E.');
    expect(displayName(' Jo ', '')).toBe('Jo');
  });

  it('counts 4 and 12 weeks back from today (28 days ago is out), and runs of absences only', () => {
    const today = '2026-03-31';
    const records: AttendanceRecord[] = [
      { date: '2026-04-02', status: 'present' },
      { date: '2026-03-31', status: 'absent' },
      { date: '2026-03-24', status: 'absent' },
      { date: '2026-03-04', status: 'excused' },
      { date: '2026-03-03', status: 'absent' },
      { date: '2026-02-01', status: 'late' },
      { date: '2025-12-01', status: 'present' },
    ];
    expect(attendanceRates(records, today)).toEqual({
      last4Weeks: { sessions: 3, attended: 0, rate: 0 },
      last12Weeks: { sessions: 5, attended: 1, rate: 0.2 },
      consecutiveAbsences: 2,
      missedLastTwoSessions: true,
    });
    expect(attendanceRates([], today).last4Weeks.rate).toBeNull();
  });

  it('defaults a new session to today, or the next date the group has no session', () => {
    expect(nextFreeSessionDate('2026-03-07', ['2026-03-01'])).toBe('2026-03-07');
    expect(nextFreeSessionDate('2026-03-07', ['2026-03-07', '2026-03-08', '2026-03-10'])).toBe('2026-03-09');
    expect(nextFreeSessionDate('2026-12-31', ['2026-12-31'])).toBe('2027-01-01');
  });
});
