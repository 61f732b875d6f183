import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { SESSION_COOKIE } from '../src/auth/session';
import { createApp } from '../src/app.factory';
import { isProblem } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('request ceiling', () => {
  let t: TestApp;
  let second: INestApplication;
  beforeAll(async () => {
    t = await startTestApp({ requestsPerMinute: 8 });
    // A second API process on the same database, as behind a load balancer.
    second = await createApp(t.config);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

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

  it('is one ceiling for two API processes on one database, not one each', async () => {
    const manager = await t.signIn('manager@demo.test');
    const elsewhere = manager.through(second.getHttpServer() as Server);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await manager.get('/api/programs')).status);
      statuses.push((await elsewhere.get('/api/programs')).status);
    }
    // Each process alone would allow all ten (8 each); together they allow 8.
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(8)).toEqual([429, 429]);
    const { rows } = await t.owner.query(`SELECT max(hits)::int AS hits FROM request_counters`);
    expect(rows[0].hits).toBeGreaterThanOrEqual(10);
  });

  it('shares sessions between the two processes: signed in on one, signed out through the other', async () => {
    const clinician = await t.signIn('clinician@demo.test');
    const elsewhere = clinician.through(second.getHttpServer() as Server);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);
    const cookie = `${SESSION_COOKIE}=${clinician.cookie(SESSION_COOKIE)}`;
    expect((await elsewhere.post('/api/auth/logout')).status).toBeLessThan(300);
    // The old cookie, replayed to the first process: the session is gone from the shared store.
    expect((await request(t.server).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });
});
