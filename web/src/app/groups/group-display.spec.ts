import { memberName, nextStatus, rateText, scheduleText, scheduleTime } from './group-display';

describe('group display', () => {
  it('cycles attendance in the order present, late, excused, absent, and back to present', () => {
    const seen = [nextStatus(null)];
    for (let i = 0; i < 4; i++) seen.push(nextStatus(seen[seen.length - 1]));
    expect(seen).toEqual(['present', 'late', 'excused', 'absent', 'present']);
  });

  it('names a client in full only when the last name came from the server', () => {
    expect(
      memberName({
        clientId: 'c1',
        displayName: 'Avery E.',
        firstName: 'Avery',
        lastName: 'Example',
        preferredName: 'Ave',
      }),
    ).toBe('Ave Example');
    expect(memberName({ clientId: 'c2', displayName: 'Quill Z.' })).toBe('Quill Z.');
    expect(memberName({ clientId: 'c3', displayName: 'Quill Z.', firstName: 'Quill' })).toBe('Quill Z.');
  });

  it('puts an iCalendar rule into words and keeps words as typed', () => {
    expect(scheduleText('FREQ=WEEKLY;BYDAY=TU;BYHOUR=18;BYMINUTE=0')).toBe('Weekly on Tuesday at 18:00');
    expect(scheduleText('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')).toBe(
      'Every 2 weeks on Monday, Thursday',
    );
    expect(scheduleText('Thursdays 12:00–13:00')).toBe('Thursdays 12:00–13:00');
    expect(scheduleTime('FREQ=WEEKLY;BYDAY=TU;BYHOUR=18;BYMINUTE=30')).toBe('18:30');
    expect(scheduleTime('Thursdays 12:00–13:00')).toBe('12:00');
    expect(scheduleTime('Every other week')).toBeNull();
  });

  it('writes a rate with its counts, or says there were no sessions', () => {
    expect(rateText({ sessions: 4, attended: 3, rate: 0.75 })).toBe('75% (3 of 4)');
    expect(rateText({ sessions: 0, attended: 0, rate: null })).toBe('No sessions');
  });
});
