import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../src/config';
import { startTestApp, TestApp } from './support/test-app';

describe('secrets and proxies', () => {
  describe('outside tests, no secret falls back to a default', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    it.each(['SESSION_SECRET', 'APP_DB_PASSWORD'])('refuses to start without %s, naming it', (missing) => {
      process.env['NODE_ENV'] = 'production';
      process.env['SESSION_SECRET'] = 'a'.repeat(40);
      process.env['APP_DB_PASSWORD'] = 'b'.repeat(20);
      delete process.env[missing];
      expect(() => loadConfig('postgres://owner@db/peerpath')).toThrow(new RegExp(`${missing} must be set`));
    });

    it('refuses a session secret shorter than 32 characters', () => {
      process.env['NODE_ENV'] = 'production';
      process.env['SESSION_SECRET'] = 'short';
      process.env['APP_DB_PASSWORD'] = 'b'.repeat(20);
      expect(() => loadConfig('postgres://owner@db/peerpath')).toThrow(/SESSION_SECRET must be set/);
    });

    it('keeps no constant secret in the source', () => {
      const source = readFileSync(join(__dirname, '../src/config.ts'), 'utf8');
      expect(source).not.toMatch(/SESSION_SECRET'\]\s*\|\|\s*'/);
      expect(source).not.toMatch(/APP_DB_PASSWORD'\]\s*\|\|\s*'/);
      expect(loadConfig('postgres://x@y/z').sessionSecret).not.toBe(
        loadConfig('postgres://x@y/z').sessionSecret,
      );
    });
  });

  describe('X-Forwarded-For', () => {
    async function signInIp(t: TestApp): Promise<string> {
      const anonymous = await t.anonymous();
      await anonymous.post(
        '/api/auth/login',
        { email: 'peer@demo.test', password: 'wrong password' },
        {
          'X-Forwarded-For': '203.0.113.7',
        },
      );
      const { rows } = await t.owner.query(
        `SELECT ip FROM audit_events WHERE action = 'auth.sign_in' ORDER BY at DESC LIMIT 1`,
      );
      return rows[0].ip;
    }

    it('is ignored by default, so the per-address sign-in limit cannot be rotated', async () => {
      const t = await startTestApp();
      try {
        expect(t.config.trustProxy).toBe(false);
        expect(await signInIp(t)).toMatch(/127\.0\.0\.1|::1/);
        expect((await request(t.server).get('/api/health')).status).toBe(200);
      } finally {
        await t.close();
      }
    });

    it('counts when TRUST_PROXY names the proxy', async () => {
      const t = await startTestApp({ trustProxy: 'loopback' });
      try {
        expect(await signInIp(t)).toBe('203.0.113.7');
      } finally {
        await t.close();
      }
    });
  });
});
