import { DEFAULT_TIME_ZONE, localDate, LocalDate } from '@peerpath/contracts';

/**
 * The clinic's time zone for every date-only rule on screen (today, due, overdue, days since):
 * the organization's, as the signed-in session reports it, never the device's or UTC — a peer
 * travelling or a phone set to another zone still sees the clinic's today.
 */
let zone = DEFAULT_TIME_ZONE;

export function setClinicTimeZone(timeZone: string | null | undefined): void {
  zone = timeZone || DEFAULT_TIME_ZONE;
}

export function clinicTimeZone(): string {
  return zone;
}

/** Today as YYYY-MM-DD on the clinic's calendar. */
export function localToday(now: Date = new Date()): LocalDate {
  return localDate(now, zone);
}
