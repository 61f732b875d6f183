import { consent, resource } from '../referrals/referral-fixtures';
import { consentState, coveringConsent, type Recipient } from './consent-coverage';

const shelter: Recipient = { kind: 'resource', resource: resource() };
const outside: Recipient = { kind: 'outside', name: 'Eastside Recovery Cafe (fake)' };

describe('coveringConsent', () => {
  it('covers a directory resource named by id, by its name or organization (any case), or by a general designation', () => {
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], shelter)).not.toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: '  harbor LIGHT   shelter (fake) ' })], shelter),
    ).not.toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: 'Harbor Light Services (FAKE)' })], shelter),
    ).not.toBeNull();
    expect(
      coveringConsent([consent({ generalDesignation: 'My treating providers' })], shelter),
    ).not.toBeNull();
  });

  it('covers an outside organization only when the consent names it', () => {
    expect(
      coveringConsent([consent({ recipientOrganization: 'EASTSIDE Recovery Cafe (fake)' })], outside),
    ).not.toBeNull();
    expect(coveringConsent([consent({ generalDesignation: 'My treating providers' })], outside)).toBeNull();
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], outside)).toBeNull();
    expect(coveringConsent([consent({ recipientOrganization: 'Someone Else (fake)' })], outside)).toBeNull();
  });

  it('ignores consents that are expired or revoked', () => {
    const expired = consent({ recipientResourceId: resource().id, expiresAt: '2025-01-01', inForce: false });
    const revoked = consent({
      recipientResourceId: resource().id,
      revokedAt: '2026-02-01T00:00:00Z',
      inForce: false,
    });
    expect(coveringConsent([expired, revoked], shelter)).toBeNull();
  });

  it('does not cover another resource, and needs a recipient at all', () => {
    const other: Recipient = {
      kind: 'resource',
      resource: { id: '60000000-0000-4000-8000-000000000009', name: 'Other', organizationName: null },
    };
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], other)).toBeNull();
    expect(coveringConsent([consent({ generalDesignation: 'x' })], null)).toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: ' ' })], { kind: 'outside', name: ' ' }),
    ).toBeNull();
  });

  it('answers with the newest covering consent', () => {
    const older = consent({ id: 'old', recipientResourceId: resource().id, signedAt: '2025-06-01' });
    const newer = consent({ id: 'new', generalDesignation: 'Any provider', signedAt: '2026-02-01' });
    expect(coveringConsent([older, newer], shelter)?.id).toBe('new');
  });
});

describe('consentState', () => {
  it('says In force, Expired or Revoked', () => {
    expect(consentState(consent())).toBe('in_force');
    expect(consentState(consent({ inForce: false }))).toBe('expired');
    expect(consentState(consent({ inForce: false, revokedAt: '2026-02-01T00:00:00Z' }))).toBe('revoked');
  });
});
