import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('request ceiling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ requestsPerMinute: 8 });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After past the per-minute ceiling, per staff member', async () => {
    const peer = await t.signIn('peer@demo.test');
    const responses = [];
    for (let i = 0; i < 10; i++) responses.push(await peer.get('/api/programs'));
    const statuses = responses.map((r) => r.status);
    const last = responses[responses.length - 1];
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(last.status).toBe(429);
    expect(isProblem(last)).toBe(true);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    const colleague = await t.signIn('clinician@demo.test');
    expect((await colleague.get('/api/programs')).status).toBe(200);
    expect((await (await t.anonymous()).get('/api/health')).status).toBe(200);
  });
});
