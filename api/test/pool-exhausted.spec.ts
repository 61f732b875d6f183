import type { Pool, PoolClient } from 'pg';
import request from 'supertest';
import { DB_POOL } from '../src/database/database.module';
import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** Every pooled connection busy (a report storm, a stuck statement): health still answers, requests get 503 in time. */
describe('a pool with no free connection', () => {
  let t: TestApp;
  let held: PoolClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({ dbAcquireTimeoutMs: 500 });
  });
  afterAll(async () => {
    held.forEach((c) => c.release());
    await t.close();
  });

  it('answers /api/health from its own connection, and other requests 503 with Retry-After after the acquisition timeout', async () => {
    const peer = await t.signIn('peer@demo.test');
    const pool = t.app.get<Pool>(DB_POOL);
    held = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));

    // As a load balancer asks: without a session cookie (with one, the session lookup needs the pool).
    const started = Date.now();
    const health = await request(t.server).get('/api/health');
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);

    const waited = Date.now();
    const busy = await peer.get('/api/programs');
    expect(busy.status).toBe(503);
    expect(isProblem(busy)).toBe(true);
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(Date.now() - waited).toBeLessThan(5000);

    held.forEach((c) => c.release());
    held = [];
    expect((await peer.get('/api/programs')).status).toBe(200);
  });
});
