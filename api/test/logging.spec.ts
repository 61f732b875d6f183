import { Writable } from 'node:stream';
import { startTestApp, TestApp } from './support/test-app';

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ logLevel: 'info', logStream });
  });
  afterAll(() => t.close());

  it('logs each request as JSON with an id, and puts no password, cookie, name or query string in it', async () => {
    const anon = await t.anonymous();
    await anon.post('/api/auth/login', { email: 'peer@demo.test', password: 'peerpath-demo-2026' });
    await anon.get('/api/users?limit=5');
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id: string; path: string } });
    const login = entries.find((e) => e.req?.path === '/api/auth/login');
    expect(login?.req?.id).toMatch(/^[0-9a-f-]{36}$/);
    const log = lines.join('');
    expect(log).not.toContain('peerpath-demo-2026');
    expect(log).not.toContain('peerpath.sid');
    expect(log).not.toContain('XSRF-TOKEN');
    expect(log).not.toContain('Pat Peer');
    expect(log).not.toContain('limit=5');
  });
});
