import { addDays, DEFAULT_TIME_ZONE, localDate } from '@peerpath/contracts';

/** A date on the demo clinic's calendar (New York), `days` from today: what the API calls today. */
export function clinicDate(days = 0, timeZone = DEFAULT_TIME_ZONE): string {
  return addDays(localDate(new Date(), timeZone), days);
}
