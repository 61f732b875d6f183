// Shared by the root scripts: build what is needed, load the compiled API, and find a database.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export function build(projects) {
  execFileSync(
    join(ROOT, 'node_modules/.bin/nx'),
    ['run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
}

export function loadApi() {
  return require(join(ROOT, 'dist/api/api/src/cli/index.js'));
}

/** A stale postmaster.pid from a killed run would stop the embedded server from starting. */
function clearStalePid(dir) {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/. */
export async function openDatabase(api) {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dir = resolve(ROOT, process.env.PEERPATH_DATA_DIR || '.data/pg');
  clearStalePid(dir);
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  const db = await api.startEmbeddedPostgres(dir, port);
  return { url: db.url, embedded: true, stop: db.stop };
}
