import { TZDate } from '@date-fns/tz';

/**
 * The clinic's clock. Every date-only rule (today, due, overdue, expiry, days since, a session's
 * date, report periods, "after 10 pm") is read in the organization's IANA time zone, never in
 * UTC or the server's zone (PRODUCT.md §5). Offsets and daylight saving come from @date-fns/tz.
 */

export const DEFAULT_TIME_ZONE = 'America/New_York';

/** A date-only value: `YYYY-MM-DD`, a real calendar date. */
export type LocalDate = string;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 and 2024-02-30 no). */
export function isCalendarDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for a time zone the runtime knows by its IANA name. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date | number | string, timeZone: string): LocalDate {
  const t = new TZDate(new Date(instant).getTime(), timeZone);
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Minutes after local midnight of an instant in a zone (0–1439). */
export function localMinuteOfDay(instant: Date | number | string, timeZone: string): number {
  const t = new TZDate(new Date(instant).getTime(), timeZone);
  return t.getHours() * 60 + t.getMinutes();
}

/** The instant a local calendar day begins in a zone. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime());
}

/** The instants bounding the local days `from`..`to` inclusive: `[start, end)`. */
export function localDayRange(from: LocalDate, to: LocalDate, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(addDays(to, 1), timeZone) };
}

/** Calendar arithmetic on date-only values (no zone involved: a day is a day). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Calendar months added, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: LocalDate, to: LocalDate): number {
  const [a, b] = [from, to].map((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  });
  return Math.round((b - a) / 86_400_000);
}

/** "After 10 pm" for documentation review: local time of day from 22:00 to midnight. */
export const LATE_EVENING_MINUTE = 22 * 60;
/** Unusual hours for sign-ins (access review): before 6 am or from 10 pm, local time. */
export function isUnusualHour(instant: Date | number | string, timeZone: string): boolean {
  const minute = localMinuteOfDay(instant, timeZone);
  return minute < 6 * 60 || minute >= LATE_EVENING_MINUTE;
}
