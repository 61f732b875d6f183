import { navItemsFor } from './nav-items';

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives the administrator Staff, Programs and Audit log', () => {
    expect(labels('admin')).toEqual([
      'Home',
      'Directory',
      'Staff',
      'Programs',
      'Clinic settings',
      'Audit log',
    ]);
  });

  it('gives the program manager clients, caseload assignment, program staff and audit log, not programs', () => {
    expect(labels('manager')).toEqual([
      'Home',
      'Clients',
      'Caseload assignment',
      'Referrals',
      'Incoming handoffs',
      'Groups',
      'Directory',
      'Staff',
      'Claim lines',
      'Documentation review',
      'Audit log',
    ]);
  });

  it('makes "My caseload" the peer’s home and gives clinicians the program clients', () => {
    expect(navItemsFor('peer')).toEqual([
      expect.objectContaining({ label: 'My caseload', path: '/' }),
      expect.objectContaining({ label: 'Referrals', path: '/referrals' }),
      expect.objectContaining({ label: 'Incoming handoffs', path: '/handoffs' }),
      expect.objectContaining({ label: 'Groups', path: '/groups' }),
      expect.objectContaining({ label: 'Directory', path: '/directory' }),
      expect.objectContaining({ label: 'My figures', path: '/dashboard' }),
      expect.objectContaining({ label: 'Claim lines', path: '/billing/claim-lines' }),
    ]);
    expect(labels('clinician')).toEqual(['Home', 'Clients', 'Referrals', 'Groups', 'Directory']);
  });

  it('offers caseload assignment only with clients:assign', () => {
    for (const role of ['admin', 'peer', 'clinician'] as const) {
      expect(labels(role)).not.toContain('Caseload assignment');
    }
  });

  it('offers documentation review to managers only', () => {
    expect(navItemsFor('manager')).toContainEqual(
      expect.objectContaining({ label: 'Documentation review', path: '/review' }),
    );
    for (const role of ['admin', 'peer', 'clinician'] as const) {
      expect(labels(role)).not.toContain('Documentation review');
    }
  });

  it('offers Referrals to roles with referrals:read and the Directory to everyone', () => {
    for (const role of ['peer', 'clinician', 'manager'] as const) expect(labels(role)).toContain('Referrals');
    expect(labels('admin')).not.toContain('Referrals');
    for (const role of ['peer', 'clinician', 'manager', 'admin'] as const)
      expect(labels(role)).toContain('Directory');
  });

  it('offers Groups to roles with groups:read, not to the administrator', () => {
    for (const role of ['peer', 'clinician', 'manager'] as const) expect(labels(role)).toContain('Groups');
    expect(labels('admin')).not.toContain('Groups');
  });

  it('offers incoming handoffs to the roles the permission table lets read handoffs', () => {
    for (const role of ['peer', 'manager'] as const) expect(labels(role)).toContain('Incoming handoffs');
    for (const role of ['clinician', 'admin'] as const)
      expect(labels(role)).not.toContain('Incoming handoffs');
  });

  it('gives nobody anything when signed out', () => {
    expect(labels(null)).toEqual([]);
  });
});
