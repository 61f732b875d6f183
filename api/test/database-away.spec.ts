import { INestApplication } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { migrate } from '../src/database/migrate';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { TEST_APP_ROLE_PASSWORD } from './support/constants';
import { isProblem, Staff } from './support/staff';

jest.setTimeout(180_000);

/** A PostgreSQL of its own on a private port, killed while contacts are being logged. */
describe('the database away: 503 with Retry-After, recovery without restarting the API, nothing lost or doubled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerpath-away-'));
  const port = 55000 + (process.pid % 4000);
  let pgProcess: ChildProcessWithoutNullStreams;
  let dbUrl: string;
  let app: INestApplication;
  let server: Server;
  let owner: Client;

  beforeAll(async () => {
    pgProcess = spawn(process.execPath, [join(__dirname, 'support/embedded-server.mjs'), dir, String(port)]);
    dbUrl = await ready();
    await migrate(dbUrl, TEST_APP_ROLE_PASSWORD);
    await seedDemoIfEmpty(dbUrl);
    app = await createApp({
      ...loadConfig(dbUrl),
      appRolePassword: TEST_APP_ROLE_PASSWORD,
      logLevel: 'silent',
      requestsPerMinute: 100_000,
      dbAcquireTimeoutMs: 1000,
    });
    server = app.getHttpServer() as Server;
  });
  afterAll(async () => {
    await owner?.end().catch(() => undefined);
    await app?.close();
    if (pgProcess) {
      pgProcess.stdin.write('stop\n');
      await new Promise((r) => pgProcess.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** Resolves with the URL once the server says it serves. */
  function ready(): Promise<string> {
    return new Promise((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const found = /READY (\S+)/.exec(out);
        if (!found) return;
        pgProcess.stdout.off('data', onData);
        resolve(found[1]);
      };
      pgProcess.stdout.on('data', onData);
      pgProcess.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited ${code}`)));
    });
  }

  const contact = (key: string) => ({
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    topics: ['housing'],
    note: `Away test ${key} (fake).`,
  });

  function expectAway(res: request.Response, what: string): void {
    expect({ what, status: res.status }).toEqual({ what, status: 503 });
    expect(isProblem(res)).toBe(true);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('answers 503, never 404 or 500, while PostgreSQL is down, and recovers with every contact exactly once', async () => {
    const peer = await Staff.signIn(server, 'peer@demo.test');
    const anonymous = await Staff.anonymous(server);
    owner = new Client({ connectionString: dbUrl });
    await owner.connect();
    const clientId = (
      await owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [peer.user?.id])
    ).rows[0].id as string;
    await owner.end();

    const keys = Array.from({ length: 40 }, (_, i) => `away-${process.pid}-${i}`);
    const post = (key: string) =>
      peer.post(`/api/clients/${clientId}/contacts`, contact(key), { 'Idempotency-Key': key });

    // Load in waves of four; PostgreSQL dies after the second wave, mid-load.
    const first = new Map<string, number>();
    for (let wave = 0; wave < keys.length / 4; wave++) {
      const batch = keys.slice(wave * 4, wave * 4 + 4);
      const sent = batch.map(post);
      if (wave === 2)
        process.kill(Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGKILL');
      const answers = await Promise.all(sent);
      batch.forEach((k, i) => first.set(k, answers[i].status));
    }
    const statuses = new Set(first.values());
    expect([...statuses].every((s) => s === 201 || s === 503)).toBe(true);
    expect(statuses.has(503)).toBe(true);

    // Signed-in reads, sign-in and health all say "away", never "not found" or "broken".
    expectAway(await peer.get(`/api/clients/${clientId}`), 'client read');
    expectAway(await peer.post(`/api/clients/${clientId}/contacts`, contact('late')), 'contact write');
    expectAway(
      await anonymous.post('/api/auth/login', { email: 'peer@demo.test', password: 'x' }),
      'sign-in',
    );
    const started = Date.now();
    const health = await request(server).get('/api/health');
    expect(Date.now() - started).toBeLessThan(4000);
    expectAway(health, 'health');
    expect(health.body.checks).toEqual({ api: 'up', database: 'down' });

    // Back again: the same API process recovers; retries with the same keys create each contact once.
    pgProcess.stdin.write('restart\n');
    await ready();
    for (let tries = 0; (await request(server).get('/api/health')).status !== 200; tries++) {
      expect(tries).toBeLessThan(20);
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const key of keys) {
      const again = await post(key);
      expect({ key, status: again.status }).toEqual({ key, status: 201 });
    }
    owner = new Client({ connectionString: dbUrl });
    await owner.connect();
    const { rows } = await owner.query(
      `SELECT note, count(*)::int AS n FROM contacts WHERE client_id = $1 AND note LIKE 'Away test away-%' GROUP BY note`,
      [clientId],
    );
    expect(rows.length).toBe(keys.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
