import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const STRONG = 'lantern-orchard-velvet-9';

describe('staff accounts and programs', () => {
  let t: TestApp;
  let admin: Staff;
  let manager: Staff;
  let clinician: Staff;
  let peer: Staff;
  let otherAdmin: Staff;
  let demoProgram: string;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, manager, clinician, peer, otherAdmin] = await Promise.all(
      [
        'admin@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'peer@demo.test',
        'admin@other.test',
      ].map((e) => t.signIn(e)),
    );
    demoProgram = (await admin.get('/api/programs')).body.items[0].id;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;

  describe('GET /api/users', () => {
    it('gives an admin the whole organization and nobody from another', async () => {
      const res = await admin.get('/api/users?limit=100');
      expect(res.status).toBe(200);
      const emails = res.body.items.map((u: { email: string }) => u.email);
      expect(emails).toEqual(
        expect.arrayContaining(['admin@demo.test', 'manager@demo.test', 'peer@demo.test', 'peer2@demo.test']),
      );
      expect(emails.some((e: string) => e.endsWith('@other.test'))).toBe(false);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          role: expect.any(String),
          programIds: expect.any(Array),
        }),
      );
      expect(res.body.items[0].passwordHash).toBeUndefined();
    });

    it('pages with a keyset cursor', async () => {
      const first = await admin.get('/api/users?limit=2');
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await admin.get(
        `/api/users?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items).toHaveLength(2);
      const ids = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
      expect(new Set(ids).size).toBe(4);
      const bad = await admin.get('/api/users?cursor=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(isProblem(bad)).toBe(true);
    });

    it('gives a manager the staff of their programs', async () => {
      const res = await manager.get('/api/users?limit=100');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(5);
    });

    it('gives peers and clinicians only themselves', async () => {
      for (const staff of [peer, clinician]) {
        const res = await staff.get('/api/users');
        expect(res.status).toBe(200);
        expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([staff.user?.id]);
      }
    });

    it('answers 404 for a colleague out of scope and for another organization', async () => {
      expect((await peer.get(`/api/users/${manager.user?.id}`)).status).toBe(404);
      expect((await peer.get(`/api/users/${peer.user?.id}`)).status).toBe(200);
      const foreign = await admin.get(`/api/users/${otherAdmin.user?.id}`);
      expect(foreign.status).toBe(404);
      expect(isProblem(foreign)).toBe(true);
      const denied = await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND outcome = 'denied' AND entity_id = $2`,
        [admin.user?.id, otherAdmin.user?.id],
      );
      expect(denied).toBe(1);
    });
  });

  describe('POST /api/users', () => {
    const newPeer = (email: string) => ({
      email,
      name: 'Quinn Newpeer (test)',
      role: 'peer',
      programIds: [demoProgram],
      password: STRONG,
    });

    it('lets an admin create a staff member who can then sign in', async () => {
      const res = await admin.post('/api/users', newPeer('quinn@demo.test'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email: 'quinn@demo.test', role: 'peer', active: true, version: 1 });
      expect(res.body.programIds).toEqual([demoProgram]);
      expect(res.body.password).toBeUndefined();
      const quinn = await t.signIn('quinn@demo.test', STRONG);
      expect(quinn.user?.role).toBe('peer');
      const hash = await t.owner.query(`SELECT password_hash FROM users WHERE email = 'quinn@demo.test'`);
      expect(hash.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      const audited = await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.create' AND entity_id = $1`,
        [res.body.id],
      );
      expect(audited).toBe(1);
    });

    it('refuses other roles with 403 and writes nothing', async () => {
      for (const staff of [manager, clinician, peer]) {
        const res = await staff.post('/api/users', newPeer(`refused-${staff.user?.role}@demo.test`));
        expect(res.status).toBe(403);
        expect(isProblem(res)).toBe(true);
      }
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'refused-%'`)).toBe(0);
    });

    it.each([
      ['a short password', { password: 'short-pass' }, 'password'],
      ['a common password', { password: 'passwordpassword123' }, 'password'],
      ['an unknown role', { role: 'superuser' }, 'role'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      ['a program id that is not a uuid', { programIds: ['abc'] }, 'programIds'],
      ['a wrong type', { name: 42 }, 'name'],
    ])('answers 400 problem+json to %s and writes nothing', async (_what, change, field) => {
      const before = await count(`SELECT count(*)::int AS n FROM users`);
      const res = await admin.post('/api/users', { ...newPeer('invalid@demo.test'), ...change });
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(before);
    });

    it('refuses a program of another organization (400) and a duplicate email (409)', async () => {
      const foreignProgram = (await otherAdmin.get('/api/programs')).body.items[0].id;
      const foreign = await admin.post('/api/users', {
        ...newPeer('foreign@demo.test'),
        programIds: [foreignProgram],
      });
      expect(foreign.status).toBe(400);
      const dup = await admin.post('/api/users', newPeer('PEER@other.test'));
      expect(dup.status).toBe(409);
      expect(dup.body.type).toMatch(/duplicate$/);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('updates with the current version and refuses a stale one with 409', async () => {
      const created = await admin.post('/api/users', {
        email: 'jordan@demo.test',
        name: 'Jordan Example (test)',
        role: 'clinician',
        programIds: [],
        password: STRONG,
      });
      const id = created.body.id;
      const ok = await admin.patch(`/api/users/${id}`, {
        version: 1,
        name: 'Jordan Renamed (test)',
        programIds: [demoProgram],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: 'Jordan Renamed (test)', version: 2, programIds: [demoProgram] });
      const stale = await admin.patch(`/api/users/${id}`, { version: 1, name: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(isProblem(stale)).toBe(true);
      const row = await t.owner.query(`SELECT name, version FROM users WHERE id = $1`, [id]);
      expect(row.rows[0]).toEqual({ name: 'Jordan Renamed (test)', version: 2 });
    });

    it('ends every live session of a staff member who is deactivated', async () => {
      await admin.post('/api/users', {
        email: 'leaving@demo.test',
        name: 'Leslie Leaving (test)',
        role: 'peer',
        programIds: [demoProgram],
        password: STRONG,
      });
      const phone = await t.signIn('leaving@demo.test', STRONG);
      const desktop = await t.signIn('leaving@demo.test', STRONG);
      expect((await phone.get('/api/auth/me')).status).toBe(200);
      const res = await admin.patch(`/api/users/${phone.user?.id}`, { version: 1, active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await desktop.get('/api/auth/me')).status).toBe(401);
      const again = await (
        await t.anonymous()
      ).post('/api/auth/login', { email: 'leaving@demo.test', password: STRONG });
      expect(again.status).toBe(401);
    });

    it('ends live sessions when the role changes', async () => {
      await admin.post('/api/users', {
        email: 'promoted@demo.test',
        name: 'Pat Promoted (test)',
        role: 'peer',
        programIds: [demoProgram],
        password: STRONG,
      });
      const s = await t.signIn('promoted@demo.test', STRONG);
      await admin.patch(`/api/users/${s.user?.id}`, { version: 1, role: 'manager' });
      expect((await s.get('/api/auth/me')).status).toBe(401);
      const back = await t.signIn('promoted@demo.test', STRONG);
      expect(back.user?.role).toBe('manager');
    });

    it('refuses an admin deactivating themselves', async () => {
      const me = await admin.get(`/api/users/${admin.user?.id}`);
      const res = await admin.patch(`/api/users/${admin.user?.id}`, {
        version: me.body.version,
        active: false,
      });
      expect(res.status).toBe(409);
    });

    it('refuses non-admins (403) and another organization’s admin (404)', async () => {
      const target = await admin.get(`/api/users/${peer.user?.id}`);
      expect(
        (await manager.patch(`/api/users/${peer.user?.id}`, { version: target.body.version, name: 'x' }))
          .status,
      ).toBe(403);
      expect(
        (await peer.patch(`/api/users/${peer.user?.id}`, { version: target.body.version, name: 'x' })).status,
      ).toBe(403);
      const foreign = await otherAdmin.patch(`/api/users/${peer.user?.id}`, {
        version: target.body.version,
        name: 'Hijacked',
      });
      expect(foreign.status).toBe(404);
      const row = await t.owner.query(`SELECT name FROM users WHERE id = $1`, [peer.user?.id]);
      expect(row.rows[0].name).not.toBe('Hijacked');
    });

    it('answers 400 to a bad id and to a missing version', async () => {
      expect((await admin.patch('/api/users/not-a-uuid', { version: 1 })).status).toBe(400);
      expect((await admin.patch(`/api/users/${peer.user?.id}`, { name: 'No version' })).status).toBe(400);
    });
  });

  describe('programs', () => {
    it('lists programs in scope: all for admin, own for others, none across organizations', async () => {
      const mine = await peer.get('/api/programs');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((p: { name: string }) => p.name)).toEqual(['Recovery Support Services']);
      const other = await otherAdmin.get('/api/programs');
      expect(other.body.items.map((p: { name: string }) => p.name)).toEqual(['Other Clinic Peer Program']);
    });

    it('lets only admins create programs, validates input, refuses duplicates', async () => {
      const created = await admin.post('/api/programs', {
        name: 'Young Adults Outreach',
        overdueContactDays: 10,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Young Adults Outreach', overdueContactDays: 10 });
      expect((await admin.post('/api/programs', { name: 'young adults outreach' })).status).toBe(409);
      expect((await manager.post('/api/programs', { name: 'Manager program' })).status).toBe(403);
      expect((await peer.post('/api/programs', { name: 'Peer program' })).status).toBe(403);
      const bad = await admin.post('/api/programs', { name: '', overdueContactDays: 0, colour: 'red' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['name', 'overdueContactDays', 'colour']),
      );
      expect(
        await count(
          `SELECT count(*)::int AS n FROM programs WHERE name IN ('Manager program', 'Peer program', '')`,
        ),
      ).toBe(0);
    });
  });

  describe('GET /api/audit-events', () => {
    it('lets a manager read program events and an admin the organization, newest first, filtered', async () => {
      const res = await admin.get(`/api/audit-events?actorId=${peer.user?.id}&limit=5`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((e: { actorId: string }) => e.actorId === peer.user?.id)).toBe(true);
      const ats = res.body.items.map((e: { at: string }) => e.at);
      expect([...ats].sort().reverse()).toEqual(ats);
      expect(res.body.items[0]).toEqual(
        expect.objectContaining({
          action: expect.any(String),
          outcome: expect.any(String),
          actorRole: 'peer',
        }),
      );
      const mgr = await manager.get('/api/audit-events');
      expect(mgr.status).toBe(200);
      const other = await otherAdmin.get(`/api/audit-events?actorId=${peer.user?.id}`);
      expect(other.body.items).toEqual([]);
    });

    it('refuses peers and clinicians with 403, and audits the refusal', async () => {
      expect((await peer.get('/api/audit-events')).status).toBe(403);
      expect((await clinician.get('/api/audit-events')).status).toBe(403);
      const n = await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND outcome = 'denied' AND entity_type = 'audit_event'`,
        [clinician.user?.id],
      );
      expect(n).toBe(1);
    });

    it('validates filters', async () => {
      expect((await admin.get('/api/audit-events?from=yesterday')).status).toBe(400);
      expect((await admin.get('/api/audit-events?actorId=123')).status).toBe(400);
      expect((await admin.get('/api/audit-events?limit=1000')).status).toBe(400);
    });
  });
});
