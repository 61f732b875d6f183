// Serves the built app for the browser tests on a database of its own, seeded with the demo:
// a fresh database on DATABASE_URL's server, or a fresh embedded PostgreSQL under .data/e2e-pg.
// Two API processes (`npm start`'s scripts/start.mjs, build skipped) answer on PORT+1 and PORT+2
// and a round-robin front on PORT alternates requests between them, as replicas behind a load
// balancer would: sessions, throttling and idempotency keys must hold across processes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { loadApi, openDatabase, ROOT } from '../scripts/lib/runtime.mjs';
import { roundRobin } from './round-robin.mjs';

process.env.PORT ??= '3100';
const PORT = Number(process.env.PORT);
const PORTS = [PORT + 1, PORT + 2];
// Several runs may share a machine: each port gets its own database and, if given, its own web build.
const offset = PORT - 3100;
process.env.SKIP_BUILD = 'true';
process.env.LOG_LEVEL ??= 'warn';
// Test-only secrets, shared by both processes; the role password matches the API tests' so
// parallel runs on one server agree.
process.env.SESSION_SECRET ||= randomBytes(32).toString('hex');
process.env.APP_DB_PASSWORD ||= 'peerpath-app-test-only';
let db = { stop: async () => undefined };
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  const name = offset ? `peerpath_e2e_${offset}` : 'peerpath_e2e';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = '/' + name;
  process.env.DATABASE_URL = server.toString();
} else {
  // The embedded server runs here; both processes reach it through DATABASE_URL.
  process.env.PEERPATH_DATA_DIR = `.data/e2e-pg-${PORT}`;
  process.env.EMBEDDED_PG_PORT ??= String(54331 + offset);
  rmSync(join(ROOT, process.env.PEERPATH_DATA_DIR), { recursive: true, force: true });
  db = await openDatabase(loadApi());
  process.env.DATABASE_URL = db.url;
}

// Children stay in this process group, so Playwright's kill of the group ends them too.
const children = [];
const alive = (child) => child.exitCode === null && child.signalCode === null;
let front;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  front?.close();
  const running = children.filter(alive);
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(running.map((child) => new Promise((done) => child.once('exit', done))));
  await db.stop().catch((e) => console.error(e));
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Starts one API process and resolves once its health check answers 200. */
async function startApi(port, seed) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), SEED_DEMO: String(seed) },
    stdio: 'inherit',
  });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`API process on port ${port} stopped (${signal ?? code}).`);
    void stop(1);
  });
  while (alive(child)) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`API process on port ${port} did not start`);
}

try {
  // One at a time: the first migrates and seeds, the second finds the database ready.
  await startApi(PORTS[0], true);
  await startApi(PORTS[1], false);
  front = roundRobin(PORTS);
  front.on('error', (error) => {
    console.error(error);
    void stop(1);
  });
  front.listen(PORT, () =>
    console.log(`Browser-test front on ${PORT} → API processes on ${PORTS.join(', ')}`),
  );
} catch (error) {
  console.error(error);
  await stop(1);
}
