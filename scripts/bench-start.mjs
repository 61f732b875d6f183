// Benchmark: seconds from `npm start` to a healthy /api/health, and from Ctrl-C to a clean exit.
// Usage: node scripts/bench-start.mjs [--fresh]   (--fresh: new embedded database and no build cache)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/runtime.mjs';

const fresh = process.argv.includes('--fresh');
const port = process.env.BENCH_PORT ?? '3400';
const dataDir = '.data/bench-pg';
if (fresh) rmSync(join(ROOT, dataDir), { recursive: true, force: true });
const env = {
  ...process.env,
  PORT: port,
  PEERPATH_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '54340',
  LOG_LEVEL: 'warn',
};
if (fresh) env.NX_SKIP_NX_CACHE = 'true';
delete env.DATABASE_URL;

const started = performance.now();
const app = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: 'ignore' });
let healthy = null;
for (let i = 0; i < 600 && healthy === null; i++) {
  try {
    const res = await fetch(`http://localhost:${port}/api/health`);
    if (res.ok) healthy = performance.now() - started;
  } catch {
    await new Promise((r) => setTimeout(r, 250));
  }
}
const stopping = performance.now();
const exited = new Promise((resolve) => app.on('exit', resolve));
app.kill('SIGINT');
await exited;
const stopped = performance.now() - stopping;
console.log(
  JSON.stringify({
    fresh,
    secondsToHealthy: healthy === null ? null : +(healthy / 1000).toFixed(1),
    secondsToStop: +(stopped / 1000).toFixed(1),
  }),
);
process.exit(healthy === null ? 1 : 0);
