import { addDays, addMonths, daysFrom } from './clock';
export const CONTACT_METHODS = ['phone', 'text', 'email', 'in_person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CLIENT_STATUSES = ['active', 'discharged'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export interface Client {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  externalRecordNumber: string | null;
  /** The client's Medicaid member id; claims need it. */
  medicaidId: string | null;
  programId: string;
  primaryPeerId: string | null;
  recoveryStartDate: string | null;
  preferredContactMethod: ContactMethod | null;
  status: ClientStatus;
  dischargedAt: string | null;
  dischargeReason: string | null;
  version: number;
  createdAt: string;
}

export interface CreateClientRequest {
  firstName: string;
  lastName: string;
  preferredName?: string;
  pronouns?: string;
  dateOfBirth: string;
  phone?: string;
  email?: string;
  externalRecordNumber?: string;
  /** Letters, digits and dashes, up to 30; empty clears it. */
  medicaidId?: string;
  programId: string;
  primaryPeerId?: string;
  recoveryStartDate?: string;
  preferredContactMethod?: ContactMethod;
  confirmedNotDuplicate?: boolean;
}

export type UpdateClientRequest = Partial<
  Omit<CreateClientRequest, 'programId' | 'primaryPeerId' | 'confirmedNotDuplicate'>
> & { version: number };

export interface AssignmentEntry {
  peerId: string;
  peerName: string;
  startedAt: string;
  endedAt: string | null;
  assignedBy: string | null;
}

/** Days-in-recovery milestones: 30, 60, 90 days, 6 months, 1, 2, 5 years. */
export const MILESTONES = [
  { label: '30 days', days: 30 },
  { label: '60 days', days: 60 },
  { label: '90 days', days: 90 },
  { label: '6 months', months: 6 },
  { label: '1 year', months: 12 },
  { label: '2 years', months: 24 },
  { label: '5 years', months: 60 },
] as const;

export interface Milestone {
  label: string;
  date: string;
  inDays: number;
}

/** Whole days from `start` to `today` (both YYYY-MM-DD, `today` on the clinic's calendar). */
export function daysBetween(start: string, today: string): number {
  return daysFrom(start, today);
}

function addToDate(start: string, step: { days?: number; months?: number }): string {
  return addDays(addMonths(start, step.months ?? 0), step.days ?? 0);
}

/** The next recovery milestone on or after `today`, or null past five years. */
export function nextMilestone(recoveryStart: string, today: string): Milestone | null {
  for (const m of MILESTONES) {
    const date = addToDate(recoveryStart, m);
    if (date >= today) return { label: m.label, date, inDays: daysBetween(today, date) };
  }
  return null;
}

export interface CaseloadEntry {
  clientId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  primaryPeerId: string | null;
  programId: string;
  lastContactAt: string | null;
  daysSinceContact: number | null;
  overdue: boolean;
  overdueAfterDays: number;
  daysInRecovery: number | null;
  nextMilestone: Milestone | null;
  openReferrals: number;
  overdueReferrals: number;
  draftContacts: number;
  /** Marked absent at the client's last two group sessions (excused does not count). */
  missedLastTwoSessions: boolean;
}
