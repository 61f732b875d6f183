import { navItemsFor } from './nav-items';

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives the administrator Staff, Programs and Audit log', () => {
    expect(labels('admin')).toEqual(['Home', 'Staff', 'Programs', 'Audit log']);
  });

  it('gives the program manager the program staff list and audit log, not programs', () => {
    expect(labels('manager')).toEqual(['Home', 'Staff', 'Audit log']);
  });

  it('gives peers and clinicians only Home (no dead links to unbuilt areas)', () => {
    expect(labels('peer')).toEqual(['Home']);
    expect(labels('clinician')).toEqual(['Home']);
  });

  it('gives nobody anything when signed out', () => {
    expect(labels(null)).toEqual([]);
  });
});
