import { ReportGate } from '../src/access/report-gate';
import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** What keeps one request from holding the database: timeouts, the report gate, rare session writes. */
describe('request limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ statementTimeoutMs: 1 });
  });
  afterAll(() => t.close());

  it('answers 503 problem+json when a statement runs past STATEMENT_TIMEOUT_MS', async () => {
    const manager = await t.signIn('manager@demo.test');
    const res = await manager.get('/api/reports/caseloads?from=2020-01-01&to=2020-12-31');
    expect(res.status).toBe(503);
    expect(isProblem(res)).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/canceling statement|57014/);
  });
});

/** A one-millisecond statement timeout would make any request a 503, so the session check runs on its own app. */
describe('session expiry writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sidOf = (cookie: string | undefined) =>
    decodeURIComponent(cookie ?? '')
      .replace(/^s:/, '')
      .split('.')[0];

  it('writes the idle expiry at most once a minute, not on every request', async () => {
    const staff = await t.signIn('admin@demo.test');
    const sid = sidOf(staff.cookie('peerpath.sid'));
    await staff.get('/api/auth/me');
    await t.owner.query(`UPDATE user_sessions SET expire = now() + interval '5 minutes' WHERE sid = $1`, [
      sid,
    ]);
    expect((await staff.get('/api/auth/me')).status).toBe(200);
    const { rows } = await t.owner.query(`SELECT expire FROM user_sessions WHERE sid = $1`, [sid]);
    const minutesLeft = (new Date(rows[0].expire).getTime() - Date.now()) / 60000;
    expect(minutesLeft).toBeLessThan(5.1);
  });
});

describe('report gate', () => {
  it('lets `limit` reports in, queues a few, refuses the rest with 503', async () => {
    const gate = new ReportGate(1, 1, 10_000);
    const leaveFirst = await gate.enter();
    const second = gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ status: 503 });
    leaveFirst();
    const leaveSecond = await second;
    leaveSecond();
    (await gate.enter())();
  });

  it('gives up on a wait longer than the statement timeout', async () => {
    const gate = new ReportGate(1, 5, 20);
    const leave = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ status: 503 });
    leave();
  });
});
