// Shared by the root scripts: build what is needed, load the compiled API, and find a database.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    return {
      url: process.env.DATABASE_URL,
      embedded: false,
      stop: async () => undefined,
      watch: () => () => undefined,
    };
  const dir = resolve(ROOT, process.env.PEERPATH_DATA_DIR || '.data/pg');
  clearStalePid(dir);
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  localSecrets(resolve(dir, '..'));
  const db = await api.startEmbeddedPostgres(dir, port);
  return { url: db.url, embedded: true, stop: db.stop, watch: db.watch };
}

/**
 * The embedded database runs with no configuration: its secrets are generated on first use and
 * kept beside it under .data/ (mode 600), never taken from the source. The environment wins.
 */
function localSecrets(dataDir) {
  const file = join(dataDir, 'secrets.json');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    const fresh = {
      SESSION_SECRET: randomBytes(32).toString('hex'),
      APP_DB_PASSWORD: randomBytes(24).toString('hex'),
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  process.env.SESSION_SECRET ||= kept.SESSION_SECRET;
  process.env.APP_DB_PASSWORD ||= kept.APP_DB_PASSWORD;
}
