import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  GROUP_LABELS,
  type GroupMember,
  type RateWindow,
} from '@peerpath/contracts';

/** One tap moves a row to the next status; an unmarked row starts at present. */
export function nextStatus(status: AttendanceStatus | null): AttendanceStatus {
  if (status === null) return ATTENDANCE_STATUSES[0];
  const at = ATTENDANCE_STATUSES.indexOf(status);
  return ATTENDANCE_STATUSES[(at + 1) % ATTENDANCE_STATUSES.length];
}

export function groupLabel(value: string | null | undefined): string {
  return value ? (GROUP_LABELS[value] ?? value) : '';
}

export const STATUS_ICONS: Record<AttendanceStatus, string> = {
  present: 'check_circle',
  late: 'schedule',
  excused: 'event_busy',
  absent: 'cancel',
};

/**
 * The name a group screen shows: preferred (or first) and last name when the caller may read the
 * client in full, otherwise the display name (first name and last initial) and nothing more.
 */
export function memberName(member: GroupMember): string {
  if (member.firstName && member.lastName)
    return `${member.preferredName?.trim() || member.firstName} ${member.lastName}`;
  return member.displayName;
}

/** A facilitator sees clients outside their caseload by display name only: no link to their page. */
export function isFullMember(member: GroupMember): boolean {
  return typeof member.lastName === 'string';
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** "75% (3 of 4)", or "No sessions" when nothing counted. */
export function rateText(window: RateWindow): string {
  if (window.rate === null || !window.sessions) return 'No sessions';
  return `${percent(window.rate)} (${window.attended} of ${window.sessions})`;
}

const DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const FREQUENCIES: Record<string, string> = {
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  YEARLY: 'Yearly',
};

/** A schedule as people read it: words stay as typed, an iCalendar RRULE is put into words. */
export function scheduleText(schedule: string): string {
  const text = schedule.trim();
  if (!/^(RRULE:)?FREQ=/i.test(text)) return text;
  const parts = new Map(
    text
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const frequency = parts.get('FREQ') ?? '';
  let words =
    interval > 1 && frequency === 'WEEKLY'
      ? `Every ${interval} weeks`
      : (FREQUENCIES[frequency] ?? frequency.toLowerCase());
  const days = (parts.get('BYDAY') ?? '')
    .split(',')
    .map((d) => DAYS[d.slice(-2)])
    .filter(Boolean);
  if (days.length) words += ` on ${days.join(', ')}`;
  const hour = parts.get('BYHOUR');
  if (hour !== undefined) {
    const minute = parts.get('BYMINUTE') ?? '0';
    words += ` at ${hour.split(',')[0].padStart(2, '0')}:${minute.split(',')[0].padStart(2, '0')}`;
  }
  return words;
}

/** The HH:MM a schedule names, if any ("Tuesdays 18:00", "BYHOUR=18;BYMINUTE=30"). */
export function scheduleTime(schedule: string): string | null {
  const rule = /BYHOUR=(\d{1,2})(?:.*BYMINUTE=(\d{1,2}))?/i.exec(schedule);
  if (rule) return `${rule[1].padStart(2, '0')}:${(rule[2] ?? '0').padStart(2, '0')}`;
  const words = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(schedule);
  return words ? `${words[1].padStart(2, '0')}:${words[2]}` : null;
}

/** "Tue 3 Mar 2026" from a calendar date (YYYY-MM-DD), without time-zone shifts. */
export function dayText(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  return at.toLocaleDateString('en-US', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "9 members of 12", or "9 members" without a capacity. */
export function rosterText(group: { rosterCount: number; capacity: number | null }): string {
  const members = `${group.rosterCount} member${group.rosterCount === 1 ? '' : 's'}`;
  return group.capacity ? `${members} of ${group.capacity}` : members;
}
