import type { Consent, Referral, Resource } from '@peerpath/contracts';

/** Fake records for the referral, directory and consent unit tests. */
export const CLIENT = '40000000-0000-4000-8000-000000000001';
export const RESOURCE = '60000000-0000-4000-8000-000000000001';

export function referral(n: number, overrides: Partial<Referral> = {}): Referral {
  return {
    id: `70000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    clientId: CLIENT,
    clientName: `Client ${n}`,
    resourceId: RESOURCE,
    resourceName: 'Harbor Light Shelter (fake)',
    outsideOrganization: null,
    need: 'housing',
    urgency: 'routine',
    note: null,
    shareInformation: false,
    consentId: null,
    status: 'sent',
    followUpOn: '2026-03-20',
    overdue: false,
    createdBy: '00000000-0000-4000-8000-000000000004',
    createdAt: `2026-03-${String(n).padStart(2, '0')}T10:00:00Z`,
    events: [
      {
        status: 'draft',
        actorId: '00000000-0000-4000-8000-000000000004',
        actorName: 'Demo peer',
        at: '2026-03-01T10:00:00Z',
        note: null,
      },
    ],
    version: 1,
    ...overrides,
  };
}

export function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: RESOURCE,
    name: 'Harbor Light Shelter (fake)',
    organizationName: 'Harbor Light Services (fake)',
    description: 'Emergency shelter beds.',
    needs: ['housing'],
    phone: '555-0200',
    email: null,
    website: null,
    address: '100 Example Street',
    hours: 'Mon–Fri 9–5',
    eligibility: null,
    fees: 'Free',
    languages: ['English'],
    acceptsMedicaid: true,
    treatingProvider: false,
    status: 'active',
    lastVerifiedOn: null,
    version: 1,
    ...overrides,
  };
}

export function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: '80000000-0000-4000-8000-000000000001',
    clientId: CLIENT,
    disclosingParty: 'Demo Recovery Clinic',
    recipientResourceId: null,
    recipientOrganization: null,
    generalDesignation: null,
    purpose: 'Coordinate the referral',
    information: 'Name and phone',
    signedAt: '2026-01-10',
    expiresAt: '2099-01-10',
    expiryEvent: null,
    elements: ['name', 'phone', 'need', 'urgency', 'note'],
    signedBy: 'client',
    representativeName: null,
    revocationStatementAcknowledged: true,
    recipientIsCoveredEntity: false,
    revokedAt: null,
    revocationMethod: null,
    revocationNote: null,
    inForce: true,
    createdAt: '2026-01-10T12:00:00Z',
    ...overrides,
  };
}
