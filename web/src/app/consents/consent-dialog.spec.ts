import { toConsentRequest } from './consent-dialog';

const form = {
  disclosingParty: ' Demo Recovery Clinic ',
  recipientKind: 'organization' as const,
  recipientResourceId: '60000000-0000-4000-8000-000000000001',
  recipientOrganization: ' Eastside Recovery Cafe (fake) ',
  generalDesignation: 'leftover',
  purpose: ' Coordinate the referral ',
  information: 'Name and phone',
  signedAt: '2026-03-01',
  expiryKind: 'date' as const,
  expiresAt: '2027-03-01',
  expiryEvent: 'leftover',
  signedBy: 'client' as const,
  representativeName: ' ',
  recipientIsCoveredEntity: false,
};

describe('toConsentRequest', () => {
  it('sends exactly one recipient and one kind of expiry, trimmed', () => {
    expect(toConsentRequest(form)).toEqual({
      disclosingParty: 'Demo Recovery Clinic',
      recipientOrganization: 'Eastside Recovery Cafe (fake)',
      purpose: 'Coordinate the referral',
      information: 'Name and phone',
      signedAt: '2026-03-01',
      expiresAt: '2027-03-01',
      signedBy: 'client',
      revocationStatementAcknowledged: true,
      recipientIsCoveredEntity: false,
    });
  });

  it('sends a directory resource or a general designation, and an expiry event', () => {
    expect(
      toConsentRequest({
        ...form,
        recipientKind: 'resource',
        expiryKind: 'event',
        expiryEvent: 'End of treatment',
      }),
    ).toEqual(
      expect.objectContaining({
        recipientResourceId: '60000000-0000-4000-8000-000000000001',
        expiryEvent: 'End of treatment',
      }),
    );
    const general = toConsentRequest({
      ...form,
      recipientKind: 'designation',
      signedBy: 'representative',
      representativeName: 'Pat Guardian',
    });
    expect(general.generalDesignation).toBe('leftover');
    expect(general.recipientOrganization).toBeUndefined();
    expect(general.recipientResourceId).toBeUndefined();
    expect(general.representativeName).toBe('Pat Guardian');
  });
});
