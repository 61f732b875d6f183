// Serves the built app for the browser tests on a database of its own, seeded with the demo:
// a fresh database on DATABASE_URL's server, or a fresh embedded PostgreSQL under .data/e2e-pg.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../scripts/lib/runtime.mjs';

process.env.PORT ??= '3100';
// Several runs may share a machine: each port gets its own database and, if given, its own web build.
const offset = Number(process.env.PORT) - 3100;
process.env.SKIP_BUILD = 'true';
process.env.SEED_DEMO = 'true';
process.env.LOG_LEVEL ??= 'warn';
// Test-only secrets; the role password matches the API tests' so parallel runs on one server agree.
process.env.SESSION_SECRET ||= randomBytes(32).toString('hex');
process.env.APP_DB_PASSWORD ||= 'peerpath-app-test-only';
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
  process.env.PEERPATH_DATA_DIR = `.data/e2e-pg-${process.env.PORT}`;
  process.env.EMBEDDED_PG_PORT ??= String(54331 + offset);
  rmSync(join(ROOT, process.env.PEERPATH_DATA_DIR), { recursive: true, force: true });
}
await import('../scripts/start.mjs');
