import {
  addDays,
  addMonths,
  daysFrom,
  isCalendarDate,
  isTimeZone,
  isUnusualHour,
  localDate,
  localDayRange,
  localMinuteOfDay,
  startOfLocalDay,
} from './clock';

describe('the clinic clock', () => {
  it('reads the local date of an instant in the clinic zone, not UTC', () => {
    // 7:30 pm in New York on 3 December is already 4 December in UTC.
    const evening = '2026-12-04T00:30:00Z';
    expect(localDate(evening, 'America/New_York')).toBe('2026-12-03');
    expect(localDate(evening, 'UTC')).toBe('2026-12-04');
    expect(localDate('2026-12-03T10:30:00Z', 'Pacific/Kiritimati')).toBe('2026-12-04');
    expect(localDate('2026-12-04T10:30:00Z', 'Pacific/Pago_Pago')).toBe('2026-12-03');
    expect(localMinuteOfDay(evening, 'America/New_York')).toBe(19 * 60 + 30);
  });

  it('finds where a local day starts, across daylight-saving changes', () => {
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-12-01', 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    // 8 March 2026: clocks spring forward, the day is 23 hours long.
    const { start, end } = localDayRange('2026-03-08', '2026-03-08', 'America/New_York');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(daysFrom('2026-12-01', '2026-12-04')).toBe(3);
    expect(daysFrom('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('knows real calendar dates and zones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-1-01', '20240101', 20240101, null])
      expect(isCalendarDate(bad)).toBe(false);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Pacific/Kiritimati')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus_Mons', '', 'EST; DROP', 42]) expect(isTimeZone(bad)).toBe(false);
  });

  it('calls 10 pm to 6 am local unusual hours', () => {
    expect(isUnusualHour('2026-12-04T03:30:00Z', 'America/New_York')).toBe(true); // 10:30 pm
    expect(isUnusualHour('2026-12-04T15:00:00Z', 'America/New_York')).toBe(false); // 10 am
  });
});
