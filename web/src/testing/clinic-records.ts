import type { CaseloadEntry, Client, Contact } from '@peerpath/contracts';
import { sessionUser } from './session-users';

export const CLIENT_ID = '40000000-0000-4000-8000-000000000001';
export const PROGRAM_ID = '20000000-0000-4000-8000-000000000001';
export const PEER_ID = sessionUser('peer').id;

export function client(overrides: Partial<Client> = {}): Client {
  return {
    id: CLIENT_ID,
    firstName: 'Avery',
    lastName: 'Example',
    preferredName: 'Ave',
    pronouns: 'they/them',
    dateOfBirth: '1990-04-12',
    phone: '555-0110',
    email: null,
    externalRecordNumber: 'MRN-1',
    medicaidId: null,
    programId: PROGRAM_ID,
    primaryPeerId: PEER_ID,
    recoveryStartDate: null,
    preferredContactMethod: 'phone',
    status: 'active',
    dischargedAt: null,
    dischargeReason: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    clientId: CLIENT_ID,
    authorId: PEER_ID,
    authorName: 'Demo peer',
    occurredAt: '2026-03-01T15:00:00Z',
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    billable: true,
    location: null,
    topics: ['housing'],
    note: 'Talked through the week.',
    billingUnits: 1,
    signedAt: null,
    addenda: [],
    version: 1,
    createdAt: '2026-03-01T15:00:00Z',
    ...overrides,
  };
}

export function caseloadEntry(n: number, overrides: Partial<CaseloadEntry> = {}): CaseloadEntry {
  return {
    clientId: `40000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    preferredName: null,
    primaryPeerId: PEER_ID,
    programId: PROGRAM_ID,
    lastContactAt: '2026-03-01T15:00:00Z',
    daysSinceContact: 2,
    overdue: false,
    overdueAfterDays: 14,
    daysInRecovery: 100,
    nextMilestone: { label: '6 months', date: '2026-06-01', inDays: 80 },
    openReferrals: 0,
    overdueReferrals: 0,
    draftContacts: 0,
    missedLastTwoSessions: false,
    ...overrides,
  };
}
