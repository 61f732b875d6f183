import {
  DEFAULT_HANDOFF_TARGET_HOURS,
  type Handoff,
  HANDOFF_CLOSE_REASON_LABELS,
  HANDOFF_SOURCE_LABELS,
  type HandoffAttemptMethod,
  type HandoffCloseReason,
  type HandoffSource,
  type HandoffStatus,
} from '@peerpath/contracts';
import { clinicTimeZone } from '../core/clinic-clock';

export const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  new: 'New',
  claimed: 'Claimed',
  converted: 'Now a client',
  closed: 'Closed',
};

export const ATTEMPT_METHOD_LABELS: Record<HandoffAttemptMethod, string> = {
  phone: 'Phone call',
  text: 'Text message',
  in_person: 'In person',
  other: 'Other',
};

export function sourceLabel(source: HandoffSource): string {
  return HANDOFF_SOURCE_LABELS[source] ?? source;
}

export function closeReasonLabel(reason: HandoffCloseReason | null): string {
  return reason ? (HANDOFF_CLOSE_REASON_LABELS[reason] ?? reason) : '';
}

const MINUTE = 60_000;

/**
 * Minutes on the handoff's clock: from receipt to now while it is open, to the moment it was
 * converted or closed after that (the clock stops).
 */
export function clockMinutes(handoff: Pick<Handoff, 'receivedAt' | 'closedAt'>, now: Date): number {
  const end = handoff.closedAt ? Date.parse(handoff.closedAt) : now.getTime();
  return Math.max(0, Math.floor((end - Date.parse(handoff.receivedAt)) / MINUTE));
}

/** "45 min", "3 h 05 min", "2 d 4 h": short enough for a phone's card. */
export function formatClock(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export type ClockTone = 'ok' | 'near' | 'over';

/**
 * Against the program's target for first contact: "near" in its last quarter, "over" past it.
 * A handoff already reached is "ok" whatever its clock says: the target was about reaching them.
 */
export function clockTone(
  handoff: Pick<Handoff, 'firstContactAt' | 'status'>,
  minutes: number,
  targetHours = DEFAULT_HANDOFF_TARGET_HOURS,
): ClockTone {
  if (handoff.firstContactAt || handoff.status === 'converted' || handoff.status === 'closed') return 'ok';
  const target = targetHours * 60;
  if (minutes >= target) return 'over';
  return minutes >= target * 0.75 ? 'near' : 'ok';
}

/** A moment as the clinic reads it, e.g. "Sat 5 Dec, 9:14 AM". */
export function clinicMoment(iso: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: clinicTimeZone(),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Hours for the manager's table: one decimal, "—" when nobody has been reached yet. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
