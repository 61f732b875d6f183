import { consent, resource } from '../referrals/referral-fixtures';
import { consentState, coveringConsent, type Recipient } from './consent-coverage';

const TODAY = '2026-06-01';
const shelter: Recipient = { kind: 'resource', resource: resource() };
const clinic: Recipient = { kind: 'resource', resource: resource({ id: 'clinic', treatingProvider: true }) };
const outside: Recipient = { kind: 'outside', name: 'Eastside Recovery Cafe (fake)' };

describe('coveringConsent', () => {
  it('covers a directory resource named by id, or by its name or organization (any case)', () => {
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], shelter, TODAY)).not.toBeNull();
    expect(
      coveringConsent(
        [consent({ recipientOrganization: '  harbor LIGHT   shelter (fake) ' })],
        shelter,
        TODAY,
      ),
    ).not.toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: 'Harbor Light Services (FAKE)' })], shelter, TODAY),
    ).not.toBeNull();
  });

  it('lets a general designation cover only a treating provider (42 CFR 2.31(a)(4))', () => {
    const general = consent({ generalDesignation: 'My treating providers' });
    expect(coveringConsent([general], clinic, TODAY)).not.toBeNull();
    expect(coveringConsent([general], shelter, TODAY)).toBeNull();
  });

  it('needs a consent that permits the client’s name and need', () => {
    const narrow = consent({ recipientResourceId: resource().id, elements: ['phone'] });
    expect(coveringConsent([narrow], shelter, TODAY)).toBeNull();
  });

  it('covers an outside organization only when the consent names it', () => {
    expect(
      coveringConsent([consent({ recipientOrganization: 'EASTSIDE Recovery Cafe (fake)' })], outside, TODAY),
    ).not.toBeNull();
    expect(
      coveringConsent([consent({ generalDesignation: 'My treating providers' })], outside, TODAY),
    ).toBeNull();
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], outside, TODAY)).toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: 'Someone Else (fake)' })], outside, TODAY),
    ).toBeNull();
  });

  it('ignores consents that are expired or revoked', () => {
    const expired = consent({ recipientResourceId: resource().id, expiresAt: '2025-01-01', inForce: false });
    const revoked = consent({
      recipientResourceId: resource().id,
      revokedAt: '2026-02-01T00:00:00Z',
      inForce: false,
    });
    expect(coveringConsent([expired, revoked], shelter, TODAY)).toBeNull();
  });

  it('does not cover another resource, and needs a recipient at all', () => {
    const other: Recipient = {
      kind: 'resource',
      resource: {
        id: '60000000-0000-4000-8000-000000000009',
        name: 'Other',
        organizationName: null,
        treatingProvider: true,
      },
    };
    expect(coveringConsent([consent({ recipientResourceId: resource().id })], other, TODAY)).toBeNull();
    expect(coveringConsent([consent({ generalDesignation: 'x' })], null, TODAY)).toBeNull();
    expect(
      coveringConsent([consent({ recipientOrganization: ' ' })], { kind: 'outside', name: ' ' }, TODAY),
    ).toBeNull();
  });

  it('answers with the newest covering consent', () => {
    const older = consent({ id: 'old', recipientResourceId: resource().id, signedAt: '2025-06-01' });
    const newer = consent({
      id: 'new',
      recipientOrganization: 'Harbor Light Services (fake)',
      signedAt: '2026-02-01',
    });
    expect(coveringConsent([older, newer], shelter, TODAY)?.id).toBe('new');
  });
});

describe('consentState', () => {
  it('says In force, Expired or Revoked', () => {
    expect(consentState(consent())).toBe('in_force');
    expect(consentState(consent({ inForce: false }))).toBe('expired');
    expect(consentState(consent({ inForce: false, revokedAt: '2026-02-01T00:00:00Z' }))).toBe('revoked');
  });
});
