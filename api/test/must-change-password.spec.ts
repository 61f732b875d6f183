import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const ADMIN_CHOSEN = 'lantern-orchard-velvet-9';
const OWN = 'quarry-saffron-bicycle-41';
const RESET = 'marble-tundra-whistle-73';

describe('an administrator’s password must be changed at first sign-in', () => {
  let t: TestApp;
  let admin: Staff;
  let program: string;
  const email = `first-sign-in-${Date.now()}@demo.test`;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin@demo.test');
    program = (await admin.get('/api/programs')).body.items[0].id;
    const created = await admin.post('/api/users', {
      email,
      name: 'Robin Newhire',
      role: 'peer',
      programIds: [program],
      password: ADMIN_CHOSEN,
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
  });
  afterAll(() => t.close());

  it('lets the new account sign in, then refuses everything but me, change-password and sign-out', async () => {
    const staff = await t.signIn(email, ADMIN_CHOSEN);
    expect(staff.lastLogin?.body.user.mustChangePassword).toBe(true);
    const me = await staff.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    for (const res of [
      await staff.get('/api/caseload'),
      await staff.get('/api/clients'),
      await staff.get('/api/organization'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toMatch(/password-change-required$/);
      expect(res.body.title).toBe('Password change required');
    }
    expect((await staff.post('/api/auth/logout')).status).toBe(204);
  });

  it('checks the current password and the new one’s strength, then lifts the restriction', async () => {
    const staff = await t.signIn(email, ADMIN_CHOSEN);
    const wrong = await staff.post('/api/auth/change-password', {
      currentPassword: 'not-it',
      newPassword: OWN,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    const same = await staff.post('/api/auth/change-password', {
      currentPassword: ADMIN_CHOSEN,
      newPassword: ADMIN_CHOSEN,
    });
    expect(same.status).toBe(400);
    const weak = await staff.post('/api/auth/change-password', {
      currentPassword: ADMIN_CHOSEN,
      newPassword: 'password1234567890',
    });
    expect(weak.status).toBe(400);
    const extra = await staff.post('/api/auth/change-password', {
      currentPassword: ADMIN_CHOSEN,
      newPassword: OWN,
      mustChangePassword: false,
    });
    expect(extra.status).toBe(400);
    expect((await staff.get('/api/caseload')).status).toBe(403);

    const changed = await staff.post('/api/auth/change-password', {
      currentPassword: ADMIN_CHOSEN,
      newPassword: OWN,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await staff.get('/api/caseload')).status).toBe(200);
    const audited = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = 'auth.password_change'`,
      [userId],
    );
    expect(audited.rows[0].n).toBe(1);

    // The old password no longer signs in; the new one does, with nothing to change.
    await expect(t.signIn(email, ADMIN_CHOSEN)).rejects.toThrow(/401/);
    const again = await t.signIn(email, OWN);
    expect(again.lastLogin?.body.user.mustChangePassword).toBe(false);
    expect((await again.get('/api/caseload')).status).toBe(200);
  });

  it('forces a change again after an administrator resets the password, ending open sessions', async () => {
    const open = await t.signIn(email, OWN);
    const current = await admin.get(`/api/users/${userId}`);
    const reset = await admin.patch(`/api/users/${userId}`, {
      version: current.body.version,
      password: RESET,
    });
    expect(reset.status).toBe(200);
    expect((await open.get('/api/caseload')).status).toBe(401);
    const staff = await t.signIn(email, RESET);
    expect(staff.lastLogin?.body.user.mustChangePassword).toBe(true);
    expect((await staff.get('/api/caseload')).status).toBe(403);
    const weak = await admin.patch(`/api/users/${userId}`, {
      version: (await admin.get(`/api/users/${userId}`)).body.version,
      password: 'short',
    });
    expect(weak.status).toBe(400);
  });

  it('does not force the demo accounts nor a change by anyone not signed in', async () => {
    const peer = await t.signIn('peer@demo.test');
    expect(peer.lastLogin?.body.user.mustChangePassword).toBe(false);
    expect((await peer.get('/api/caseload')).status).toBe(200);
    const anonymous = await Staff.anonymous(t.server);
    const res = await anonymous.post('/api/auth/change-password', {
      currentPassword: OWN,
      newPassword: RESET,
    });
    expect(res.status).toBe(401);
  });
});
