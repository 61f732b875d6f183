import { startTestApp, TestApp } from './support/test-app';

describe('request logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'info' });
  });
  afterAll(() => t.close());

  it('puts no cookie, password or query string into the request log line', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const anon = await t.anonymous();
      await anon.post('/api/auth/login', { email: 'peer@demo.test', password: 'peerpath-demo-2026' });
      await anon.get('/api/users?limit=5');
    } finally {
      process.stdout.write = write;
    }
    const log = lines.join('');
    expect(log).toContain('/api/auth/login');
    expect(log).not.toContain('peerpath-demo-2026');
    expect(log).not.toContain('peerpath.sid');
    expect(log).not.toContain('XSRF-TOKEN');
    expect(log).not.toContain('limit=5');
  });
});
