import { navItemsFor } from './nav-items';

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives the administrator Staff, Programs and Audit log', () => {
    expect(labels('admin')).toEqual(['Home', 'Staff', 'Programs', 'Audit log']);
  });

  it('gives the program manager clients, caseload assignment, program staff and audit log, not programs', () => {
    expect(labels('manager')).toEqual(['Home', 'Clients', 'Caseload assignment', 'Staff', 'Audit log']);
  });

  it('makes "My caseload" the peer’s home and gives clinicians the program clients', () => {
    expect(navItemsFor('peer')).toEqual([expect.objectContaining({ label: 'My caseload', path: '/' })]);
    expect(labels('clinician')).toEqual(['Home', 'Clients']);
  });

  it('offers caseload assignment only with clients:assign', () => {
    for (const role of ['admin', 'peer', 'clinician'] as const) {
      expect(labels(role)).not.toContain('Caseload assignment');
    }
  });

  it('gives nobody anything when signed out', () => {
    expect(labels(null)).toEqual([]);
  });
});
