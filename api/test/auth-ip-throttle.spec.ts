import { startTestApp, TestApp } from './support/test-app';

// Its own file: passport keeps one strategy per process, so one app per test file.
describe('sign-in throttling per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ signInFailuresPerAccount: 100, signInFailuresPerIp: 2 });
  });
  afterAll(() => t.close());

  it('throttles per IP across accounts', async () => {
    const anon = await t.anonymous();
    await anon.post('/api/auth/login', { email: 'a@demo.test', password: 'wrong-password-aa' });
    await anon.post('/api/auth/login', { email: 'b@demo.test', password: 'wrong-password-bb' });
    const res = await anon.post('/api/auth/login', {
      email: 'admin@demo.test',
      password: 'peerpath-demo-2026',
    });
    expect(res.status).toBe(429);
  });
});
