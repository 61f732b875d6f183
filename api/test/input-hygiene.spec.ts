import { Writable } from 'node:stream';
import { describeWithoutInput } from '../src/common/problem.filter';
import { loggedPath } from '../src/logging';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const MARK = 'Zebulon-Input-Marker';
const uuid = '00000000-0000-4000-8000-000000000000';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('input hygiene: one place refuses what no route can store', () => {
  let t: TestApp;
  let peer: Staff;
  let admin: Staff;
  let manager: Staff;
  let client: string;
  const lines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ logLevel: 'info', logStream });
    [peer, admin, manager] = await Promise.all(
      ['peer@demo.test', 'admin@demo.test', 'manager@demo.test'].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
        peer.user?.id,
      ])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  const rawJson = (who: Staff, method: 'post' | 'patch', path: string, text: string) =>
    who.send(method, path, text, { 'Content-Type': 'application/json' });

  it('refuses a NUL in any body string with 400 naming the field, never echoing the value', async () => {
    const res = await admin.post('/api/programs', { name: `${MARK}\u0000x`, description: 'ok' });
    expect(res.status).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(res.text).not.toContain(MARK);
    const nested = await peer.post(`/api/clients/${client}/contacts`, {
      occurredAt: new Date().toISOString(),
      topics: ['housing', `x\u0000`],
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].field).toBe('topics[1]');
  });

  it('refuses unpaired UTF-16 surrogates, e.g. in the sign-in email', async () => {
    const anon = await t.anonymous();
    const res = await rawJson(
      anon,
      'post',
      '/api/auth/login',
      '{"email":"a\\ud800@demo.test","password":"x"}',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('email');
    const low = await rawJson(admin, 'post', '/api/programs', '{"name":"x\\udc00y"}');
    expect(low.status).toBe(400);
  });

  it('refuses NUL in the query and the path', async () => {
    const q = await peer.get('/api/clients?q=%00');
    expect(q.status).toBe(400);
    expect(q.body.errors[0].field).toBe('q');
    const r = await peer.get('/api/resources?q=a%00b');
    expect(r.status).toBe(400);
    const path = await peer.get('/api/clients/%00');
    expect(path.status).toBe(400);
    expect(isProblem(path)).toBe(true);
    const broken = await peer.get('/api/clients/%E0%A4%A');
    expect(broken.status).toBe(400);
  });

  it('refuses a body nested 5,000 deep (and 33 deep) before parsing it', async () => {
    const anon = await t.anonymous();
    const deep = '{"email":' + '['.repeat(5000) + ']'.repeat(5000) + ',"password":"x"}';
    const login = await rawJson(anon, 'post', '/api/auth/login', deep);
    expect(login.status).toBe(400);
    expect(isProblem(login)).toBe(true);
    const users = await rawJson(
      admin,
      'post',
      '/api/users',
      '{"name":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}',
    );
    expect(users.status).toBe(400);
    const just = await rawJson(
      admin,
      'post',
      '/api/programs',
      '{"name":' + '['.repeat(31) + ']'.repeat(31) + '}',
    );
    expect(just.body.detail).not.toMatch(/nests deeper/);
    const over = await rawJson(
      admin,
      'post',
      '/api/programs',
      '{"name":' + '['.repeat(32) + ']'.repeat(32) + '}',
    );
    expect(over.body.detail).toMatch(/nests deeper/);
    const brackets = await admin.post('/api/programs', { name: '['.repeat(100) + ' (test)' });
    expect(brackets.status).toBe(201);
  });

  it('refuses __proto__, constructor and prototype keys instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await rawJson(admin, 'post', '/api/programs', `{"name":"Proto (test)","${key}":{"x":1}}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(key);
    }
    const query = await peer.get('/api/clients?__proto__=1');
    expect(query.status).toBe(400);
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n FROM programs WHERE name = 'Proto (test)'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('checks every date-only field as a real calendar date', async () => {
    const goal = await peer.post(`/api/clients/${client}/goals`, {
      domain: 'housing',
      description: 'Lease (test)',
      targetDate: '2024-02-30',
    });
    expect(goal.status).toBe(400);
    expect(goal.body.errors[0].field).toBe('targetDate');
    for (const path of [
      '/api/referrals?from=2024-02-30',
      '/api/audit-events?from=2024-13-01',
      '/api/reports/caseloads?from=%2B275760-01-01',
    ]) {
      const who = path.startsWith('/api/referrals') ? peer : manager;
      expect({ path, status: (await who.get(path)).status }).toEqual({ path, status: 400 });
    }
  });

  it('refuses cursors that would reach PostgreSQL in the wrong shape', async () => {
    // Wrong for every list; name-sorted lists take any clean text as their sort value.
    const badShape = [
      cursorOf(['2026-01-01T00:00:00Z', '-'.repeat(36)]),
      cursorOf(['2026-01-01T00:00:00Z\u0000', uuid]),
      cursorOf(['a\u0000', uuid]),
      cursorOf(['2026-01-01T00:00:00Z', uuid, 'extra']),
      cursorOf({ at: '2026-01-01', id: uuid }),
      'not base64 !!',
    ];
    const badTime = [
      cursorOf(['1', uuid]),
      cursorOf(['March 7', uuid]),
      cursorOf(['+275760-09-13T00:00:00.000Z', uuid]),
      cursorOf(['275760-09-13T00:00:00Z', uuid]),
      cursorOf(['2024-02-30T00:00:00Z', uuid]),
    ];
    const byName = ['/api/clients', '/api/resources', '/api/groups'];
    const routes: [Staff, string][] = [
      [peer, '/api/clients'],
      [peer, '/api/resources'],
      [peer, '/api/referrals'],
      [peer, `/api/clients/${client}/contacts`],
      [peer, `/api/clients/${client}/timeline`],
      [peer, `/api/clients/${client}/attendance`],
      [peer, `/api/clients/${client}/community-meetings`],
      [manager, '/api/audit-events'],
      [admin, '/api/users'],
      [admin, '/api/programs'],
      [manager, '/api/groups'],
    ];
    for (const [who, route] of routes)
      for (const cursor of byName.includes(route) ? badShape : [...badShape, ...badTime]) {
        const res = await who.get(`${route}?cursor=${encodeURIComponent(cursor)}`);
        expect({ route, cursor, status: res.status }).toEqual({ route, cursor, status: 400 });
      }
    const first = await admin.get('/api/users?limit=1');
    const next = await admin.get(`/api/users?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.status).toBe(200);
  });

  it('normalises search terms: full-width letters find the plain name', async () => {
    const plain = await peer.get('/api/resources?q=food');
    const wide = await peer.get('/api/resources?q=%EF%BD%86%EF%BD%8F%EF%BD%8F%EF%BD%84%20%20');
    expect(wide.status).toBe(200);
    expect(wide.body.items.map((r: { id: string }) => r.id)).toEqual(
      plain.body.items.map((r: { id: string }) => r.id),
    );
  });

  it('keeps input out of the logs: paths of junk are masked, error logs carry no message', async () => {
    await peer.get(`/api/clients/${MARK}%20x`);
    expect(lines.join('')).not.toContain(MARK);
    expect(loggedPath(`/api/clients/${uuid}/contacts?q=x`)).toBe(`/api/clients/${uuid}/contacts`);
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${MARK}"`), {
      code: '22P02',
    });
    const logged = describeWithoutInput(error);
    expect(logged).toContain('code=22P02');
    expect(logged).not.toContain(MARK);
  });
});
