import {
  type ConsentRecipient,
  type ConsentTerms,
  consentCovers,
  consentInForce,
  coveringConsent,
  DEFAULT_CONSENT_ELEMENTS,
  PART2_NOTICE_STATEMENT_1,
} from './consent';

const TODAY = '2026-12-05';
const base: ConsentTerms = {
  recipientResourceId: null,
  recipientOrganization: null,
  generalDesignation: null,
  signedAt: '2026-11-01',
  expiresAt: '2027-11-01',
  revokedAt: null,
};
const general = { ...base, generalDesignation: 'my treating providers, health plans and third-party payers' };
const clinicResource: ConsentRecipient = {
  resourceId: 'r-clinic',
  names: ['Maple Street MOUD Clinic', 'Maple Health'],
  treatingProvider: true,
};
const pantry: ConsentRecipient = {
  resourceId: 'r-pantry',
  names: ['Northside Food Pantry', 'Northside Mutual Aid'],
  treatingProvider: false,
};

describe('consentCovers (42 CFR 2.31(a)(4))', () => {
  it('lets a general designation cover a treating provider', () => {
    expect(consentCovers(general, clinicResource, TODAY)).toBe(true);
  });

  it('refuses a general designation for a recipient without a treating-provider relationship', () => {
    expect(consentCovers(general, pantry, TODAY)).toBe(false);
    expect(
      consentCovers(general, { resourceId: null, names: ['Some Clinic'], treatingProvider: true }, TODAY),
    ).toBe(false);
  });

  it('covers a named resource and a named organization, whatever their relationship', () => {
    expect(consentCovers({ ...base, recipientResourceId: 'r-pantry' }, pantry, TODAY)).toBe(true);
    expect(consentCovers({ ...base, recipientOrganization: ' northside  food PANTRY ' }, pantry, TODAY)).toBe(
      true,
    );
    expect(
      consentCovers(
        { ...base, recipientOrganization: 'Legal Aid Society' },
        { resourceId: null, names: ['Legal Aid Society'], treatingProvider: false },
        TODAY,
      ),
    ).toBe(true);
    expect(consentCovers({ ...base, recipientResourceId: 'r-clinic' }, pantry, TODAY)).toBe(false);
  });

  it('covers nothing unless in force on the local today', () => {
    expect(consentCovers({ ...general, expiresAt: TODAY }, clinicResource, TODAY)).toBe(true);
    expect(consentCovers({ ...general, expiresAt: '2026-12-04' }, clinicResource, TODAY)).toBe(false);
    expect(consentCovers({ ...general, signedAt: '2026-12-06' }, clinicResource, TODAY)).toBe(false);
    expect(consentCovers({ ...general, revokedAt: new Date() }, clinicResource, TODAY)).toBe(false);
    expect(consentInForce({ ...base, expiresAt: null }, TODAY)).toBe(true);
  });

  it('picks the newest covering consent that permits the elements', () => {
    const elements = [...DEFAULT_CONSENT_ELEMENTS];
    const at = (day: string) => ({ signedAt: day, createdAt: `${day}T10:00:00Z`, elements });
    const older = { ...general, ...at('2026-10-01'), id: 'a' };
    const newer = { ...general, ...at('2026-11-01'), id: 'b' };
    const pantryOnly = { ...base, ...at('2026-11-02'), id: 'c', recipientResourceId: 'r-pantry' };
    expect(coveringConsent([older, newer, pantryOnly], clinicResource, TODAY)?.id).toBe('b');
    expect(coveringConsent([older, newer], pantry, TODAY)).toBeNull();
    expect(coveringConsent([older, newer, pantryOnly], pantry, TODAY)?.id).toBe('c');
    expect(coveringConsent([older, newer], null, TODAY)).toBeNull();
    const nameOnly = { ...newer, elements: ['name' as const] };
    expect(coveringConsent([older, nameOnly], clinicResource, TODAY, ['name', 'need'])?.id).toBe('a');
  });
});

describe('the 42 CFR 2.32(a)(1) notice', () => {
  it('is the 2024 Statement 1 with its three conditions', () => {
    expect(PART2_NOTICE_STATEMENT_1).toMatch(/^This record which has been disclosed to you is protected/);
    expect(PART2_NOTICE_STATEMENT_1).toContain('unless at least one of the following applies');
    expect(PART2_NOTICE_STATEMENT_1).toContain('45 CFR part 164, subparts A and E');
    expect(PART2_NOTICE_STATEMENT_1).toMatch(/\(see 42 CFR 2\.31\)\.$/);
    expect(PART2_NOTICE_STATEMENT_1).not.toMatch(/ {2}/);
  });
});
