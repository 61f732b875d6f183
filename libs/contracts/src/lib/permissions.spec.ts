import { can, PERMISSION_TABLE, PERMISSIONS, scopeOf } from './permissions';
import { ROLES } from './roles';

describe('the permission table (PRODUCT.md §2)', () => {
  it('gives administrators no client records at all', () => {
    const clientPermissions = PERMISSIONS.filter((p) =>
      /^(clients|caseload|contacts|referrals|groups|sessions|attendance|clinicalNotes|consents|disclosures|goals|assessments|reports):/.test(
        p,
      ),
    );
    expect(clientPermissions.length).toBeGreaterThan(10);
    for (const p of clientPermissions) expect({ p, admin: can('admin', p) }).toEqual({ p, admin: false });
  });

  it('keeps clinical notes away from peers, and their bodies away from managers', () => {
    expect(can('peer', 'clinicalNotes:read')).toBe(false);
    expect(can('manager', 'clinicalNotes:read')).toBe(true);
    expect(can('manager', 'clinicalNotes:readBody')).toBe(false);
    expect(scopeOf('clinician', 'clinicalNotes:readBody')).toBe('program');
  });

  it('scopes peers to their caseload and managers to their programs', () => {
    expect(scopeOf('peer', 'clients:read')).toBe('caseload');
    expect(scopeOf('manager', 'clients:read')).toBe('program');
    expect(scopeOf('peer', 'users:read')).toBe('self');
    expect(scopeOf('admin', 'users:write')).toBe('org');
    expect(scopeOf('manager', 'users:write')).toBeNull();
  });

  it('lets only managers and admins see the audit log', () => {
    expect(ROLES.filter((r) => can(r, 'audit:read'))).toEqual(['manager', 'admin']);
  });

  it('treats no role as allowed nothing', () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
    expect(Object.keys(PERMISSION_TABLE)).toEqual(PERMISSIONS);
  });
});
