import { attendanceRates, AttendanceRecord, displayName, groupUnits } from './groups';

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
});
