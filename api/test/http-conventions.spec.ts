import request from 'supertest';
import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP conventions: problem+json, limits, health and docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers GET /api/health with 200 {"status":"ok"} and sets a readable XSRF-TOKEN cookie', async () => {
    const res = await request(t.server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('XSRF-TOKEN='),
    );
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/HttpOnly/i);
  });

  it('answers malformed JSON with 400 problem+json, not a 500', async () => {
    const admin = await t.signIn('admin@demo.test');
    const res = await request(t.server)
      .post('/api/programs')
      .set('Cookie', `peerpath.sid=${admin.cookie('peerpath.sid')}; XSRF-TOKEN=${admin.cookie('XSRF-TOKEN')}`)
      .set('X-XSRF-TOKEN', admin.cookie('XSRF-TOKEN') as string)
      .set('Content-Type', 'application/json')
      .send('{"name": "Broken');
    expect(res.status).toBe(400);
    expect(isProblem(res)).toBe(true);
  });

  it('answers a body over 1 MB with 413 problem+json and writes nothing', async () => {
    const admin = await t.signIn('admin@demo.test');
    const res = await admin.post('/api/programs', { name: 'Huge', description: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(isProblem(res)).toBe(true);
    const { rows } = await t.owner.query(`SELECT count(*)::int AS n FROM programs WHERE name = 'Huge'`);
    expect(rows[0].n).toBe(0);
  });

  it('answers an unknown API path with 404 problem+json', async () => {
    const admin = await t.signIn('admin@demo.test');
    const res = await admin.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(isProblem(res)).toBe(true);
  });

  it('serves an OpenAPI description at /api/docs naming the contract paths', async () => {
    const res = await request(t.server).get('/api/docs').set('Accept', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/users',
        '/api/users/{id}',
        '/api/programs',
        '/api/audit-events',
      ]),
    );
    const html = await request(t.server).get('/api/docs').set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toMatch(/swagger/i);
  });
});
