import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ signInFailuresPerAccount: 3, signInFailuresPerIp: 1000 });
  });
  afterAll(() => t.close());

  const sessionRow = async (sid: string) =>
    t.owner.query(`SELECT sid, sess, expire FROM user_sessions WHERE sid = $1`, [sid]);
  const sidOf = (cookie: string | undefined) =>
    decodeURIComponent(cookie ?? '')
      .replace(/^s:/, '')
      .split('.')[0];

  it('signs in with the contract shape, an httpOnly SameSite=Strict cookie and a renewed XSRF token', async () => {
    const anon = await t.anonymous();
    const tokenBefore = anon.cookie('XSRF-TOKEN');
    expect(tokenBefore).toBeTruthy();
    const res = await anon.post('/api/auth/login', {
      email: 'PEER@demo.test',
      password: 'peerpath-demo-2026',
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'peer@demo.test', role: 'peer', name: expect.any(String) });
    expect(res.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.user.organizationId).toMatch(/^[0-9a-f-]{36}$/);
    const cookies = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookies).toMatch(/peerpath\.sid=[^;]+;.*HttpOnly/i);
    expect(cookies).toMatch(/peerpath\.sid=[^;]+;.*SameSite=Strict/i);
    expect(anon.cookie('XSRF-TOKEN')).not.toBe(tokenBefore);
    const me = await anon.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('peer@demo.test');
    const session = await anon.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual(me.body.user);
    const audit = await t.owner.query(
      `SELECT outcome FROM audit_events WHERE action = 'auth.sign_in' AND actor_id = $1`,
      [res.body.user.id],
    );
    expect(audit.rows).toEqual([{ outcome: 'success' }]);
  });

  it('issues a new session id at sign-in even when a session cookie was presented', async () => {
    const first = await t.signIn('clinician@demo.test');
    const before = first.cookie('peerpath.sid');
    await first.post('/api/auth/login', { email: 'clinician@demo.test', password: 'peerpath-demo-2026' });
    const after = first.cookie('peerpath.sid');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect((await sessionRow(sidOf(before))).rowCount).toBe(0);
  });

  it('answers an unknown email and a wrong password alike, and audits both failures', async () => {
    const anon = await t.anonymous();
    const unknown = await anon.post('/api/auth/login', {
      email: 'nobody@demo.test',
      password: 'whatever-it-is-123',
    });
    const wrong = await anon.post('/api/auth/login', {
      email: 'manager@demo.test',
      password: 'not-the-password-1',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(isProblem(unknown)).toBe(true);
    expect(unknown.body).toEqual(wrong.body);
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.sign_in' AND outcome = 'failure'`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad sign-in input with 400 problem+json', async () => {
    const anon = await t.anonymous();
    const extra = await anon.post('/api/auth/login', { email: 'peer@demo.test', password: 'x', admin: true });
    expect(extra.status).toBe(400);
    expect(isProblem(extra)).toBe(true);
    const missing = await anon.post('/api/auth/login', { email: 'peer@demo.test' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
    );
    const wrongType = await anon.post('/api/auth/login', { email: 42, password: ['a'] });
    expect(wrongType.status).toBe(400);
  });

  it('throttles failed sign-ins per account with 429 and Retry-After, even for the right password', async () => {
    const anon = await t.anonymous();
    for (let i = 0; i < 3; i++) {
      const res = await anon.post('/api/auth/login', {
        email: 'peer2@demo.test',
        password: `wrong-password-${i}`,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await anon.post('/api/auth/login', {
      email: 'peer2@demo.test',
      password: 'peerpath-demo-2026',
    });
    expect(blocked.status).toBe(429);
    expect(isProblem(blocked)).toBe(true);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const { rows } = await t.owner.query(
      `SELECT points FROM sign_in_limits WHERE key = 'account:peer2@demo.test'`,
    );
    expect(rows[0].points).toBe(3);
  });

  it('tells a browser with no session that nobody is signed in, with 200 and nothing else', async () => {
    const res = await (await t.anonymous()).get('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: null });
  });

  it('signs out: the session ends server-side and the cookie no longer works', async () => {
    const staff = await t.signIn('manager@demo.test');
    const sid = sidOf(staff.cookie('peerpath.sid'));
    expect((await sessionRow(sid)).rowCount).toBe(1);
    const jar = staff.cookie('peerpath.sid');
    const out = await staff.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await sessionRow(sid)).rowCount).toBe(0);
    const replay = await (
      await t.anonymous()
    ).send('get', '/api/auth/me', undefined, { Cookie: `peerpath.sid=${jar}` });
    expect(replay.status).toBe(401);
  });

  it('expires a session after 15 idle minutes, server-side', async () => {
    const staff = await t.signIn('admin@demo.test');
    const sid = sidOf(staff.cookie('peerpath.sid'));
    const row = await sessionRow(sid);
    const ttlMinutes = (new Date(row.rows[0].expire).getTime() - Date.now()) / 60000;
    expect(ttlMinutes).toBeGreaterThan(14);
    expect(ttlMinutes).toBeLessThanOrEqual(15.1);
    await t.owner.query(`UPDATE user_sessions SET expire = now() - interval '1 second' WHERE sid = $1`, [
      sid,
    ]);
    const res = await staff.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(isProblem(res)).toBe(true);
  });

  it('ends a session 12 hours after sign-in however active it was', async () => {
    const staff = await t.signIn('admin@demo.test');
    const sid = sidOf(staff.cookie('peerpath.sid'));
    const thirteenHoursAgo = Date.now() - 13 * 3600 * 1000;
    await t.owner.query(
      `UPDATE user_sessions SET sess = jsonb_set(sess::jsonb, '{staff,signedInAt}', to_jsonb($2::bigint))::json WHERE sid = $1`,
      [sid, thirteenHoursAgo],
    );
    expect((await staff.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses state-changing requests without the XSRF header or with a wrong one (403)', async () => {
    const admin = await t.signIn('admin@demo.test');
    const body = { name: 'Program without token' };
    const none = await admin.post('/api/programs', body, { 'x-xsrf-token': '' });
    expect(none.status).toBe(403);
    expect(isProblem(none)).toBe(true);
    const wrong = await admin.post('/api/programs', body, { 'x-xsrf-token': 'forged-token' });
    expect(wrong.status).toBe(403);
    const { rows } = await t.owner.query(`SELECT count(*)::int AS n FROM programs WHERE name = $1`, [
      body.name,
    ]);
    expect(rows[0].n).toBe(0);
    const anon = await t.anonymous();
    const login = await anon.post(
      '/api/auth/login',
      { email: 'admin@demo.test', password: 'peerpath-demo-2026' },
      { 'x-xsrf-token': '' },
    );
    expect(login.status).toBe(403);
  });

  it('answers 401 problem+json to a caller with no session', async () => {
    const anon = await t.anonymous();
    for (const path of ['/api/auth/me', '/api/users', '/api/programs', '/api/audit-events']) {
      const res = await anon.get(path);
      expect({ path, status: res.status, problem: isProblem(res) }).toEqual({
        path,
        status: 401,
        problem: true,
      });
    }
  });
});
