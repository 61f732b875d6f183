// npm run fuzz -- --runs N [--seed S]: the API fuzz suite with a bigger budget than `npm test` gives it
// (N cases per route, spread over every role). Uses DATABASE_URL, or an embedded PostgreSQL as jest does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/runtime.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, seed: { type: 'string' } },
});
if (!/^\d+$/.test(values.runs)) throw new Error('--runs takes a whole number');
const env = { ...process.env, FUZZ_RUNS: values.runs, FUZZ_VERBOSE: '1' };
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;
const result = spawnSync(
  join(ROOT, 'node_modules/.bin/jest'),
  ['-c', 'api/jest.config.ts', 'api/test/fuzz.spec.ts'],
  { cwd: ROOT, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
