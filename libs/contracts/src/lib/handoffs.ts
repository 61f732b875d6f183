import type { CreateClientRequest } from './clients';
import type { Need } from './referrals';

/** Where a warm handoff comes from (PRODUCT.md §5). */
export const HANDOFF_SOURCES = [
  'emergency_department',
  'hospital',
  'jail_reentry',
  'drug_court',
  'crisis_line',
  'self',
  'other',
] as const;
export type HandoffSource = (typeof HANDOFF_SOURCES)[number];

export const HANDOFF_SOURCE_LABELS: Record<HandoffSource, string> = {
  emergency_department: 'Emergency department',
  hospital: 'Hospital',
  jail_reentry: 'Jail re-entry',
  drug_court: 'Drug court',
  crisis_line: 'Crisis line',
  self: 'Self',
  other: 'Other',
};

export const HANDOFF_STATUSES = ['new', 'claimed', 'converted', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Why a handoff closed without becoming a client. */
export const HANDOFF_CLOSE_REASONS = ['unreachable', 'declined', 'already_client'] as const;
export type HandoffCloseReason = (typeof HANDOFF_CLOSE_REASONS)[number];

export const HANDOFF_CLOSE_REASON_LABELS: Record<HandoffCloseReason, string> = {
  unreachable: 'Unreachable after attempts',
  declined: 'Declined',
  already_client: 'Already a client',
};

export const HANDOFF_ATTEMPT_METHODS = ['phone', 'text', 'in_person', 'other'] as const;
export type HandoffAttemptMethod = (typeof HANDOFF_ATTEMPT_METHODS)[number];

/** A program's target for reaching a handed-off person, unless the program sets its own. */
export const DEFAULT_HANDOFF_TARGET_HOURS = 24;

export interface Handoff {
  id: string;
  programId: string;
  source: HandoffSource;
  referrerName: string;
  referrerContact: string | null;
  receivedAt: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  dateOfBirth: string | null;
  need: Need;
  note: string | null;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: string | null;
  firstAttemptAt: string | null;
  firstContactAt: string | null;
  clientId: string | null;
  closedReason: HandoffCloseReason | null;
  closedAt: string | null;
  status: HandoffStatus;
  /** Minutes from receipt to now (open) or to conversion / closing: the queue's clock. */
  minutesSinceReceipt: number;
  attempts: HandoffAttempt[];
  version: number;
}

export interface HandoffAttempt {
  id: string;
  at: string;
  method: HandoffAttemptMethod;
  successful: boolean;
  note: string | null;
  byId: string;
  byName: string;
}

export interface CreateHandoffRequest {
  programId: string;
  source: HandoffSource;
  referrerName: string;
  referrerContact?: string;
  receivedAt?: string;
  firstName: string;
  lastName: string;
  phone?: string;
  dateOfBirth?: string;
  need: Need;
  note?: string;
}

export interface HandoffAttemptRequest {
  at?: string;
  method: HandoffAttemptMethod;
  successful: boolean;
  note?: string;
}

/**
 * The intake's fields (all optional): what the peer confirms at conversion overrides the handoff's
 * details; the program is the handoff's and the primary peer its claimer.
 */
export type ConvertHandoffRequest = Partial<Omit<CreateClientRequest, 'programId' | 'primaryPeerId'>>;

export interface CloseHandoffRequest {
  reason: HandoffCloseReason;
  note?: string;
}

/** Median hours from receipt to the first attempt and to the first successful contact, per source. */
export interface HandoffTimesBySource {
  source: HandoffSource;
  handoffs: number;
  attempted: number;
  contacted: number;
  medianHoursToFirstAttempt: number | null;
  medianHoursToFirstContact: number | null;
  /** Share of handoffs first reached within the target (of those received at least target hours ago or reached). */
  contactedWithinTarget: number | null;
}

export interface HandoffTimes {
  programId: string | null;
  from: string;
  to: string;
  targetHours: number;
  sources: HandoffTimesBySource[];
}

/** The middle value (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
