// npm test: every check the project has, in order, then one line "N passed, N failed" over all.
// Static checks count one each; jest and Playwright count their own tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/runtime.mjs';

const RESULTS = join(ROOT, 'test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
const bin = (name) => join(ROOT, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${command.replace(ROOT + '/', '')} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds}s)`);
  return ok;
}

/** Runs a jest or Playwright suite that writes a JSON report, and counts its tests. */
function suite(label, command, args, reportFile, count) {
  const { ok, seconds } = run(label, command, args);
  let passed = 0;
  let failed = 0;
  if (existsSync(reportFile)) ({ passed, failed } = count(JSON.parse(readFileSync(reportFile, 'utf8'))));
  if (!ok && failed === 0) failed = 1; // the suite itself broke before or around its tests
  totals.passed += passed;
  totals.failed += failed;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${passed} passed, ${failed} failed (${seconds}s)`);
}

const jestCount = (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
});
const playwrightCount = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky });
const jest = (label, config) =>
  suite(
    label,
    bin('jest'),
    ['-c', config, '--ci', '--json', `--outputFile=${join(RESULTS, label + '.json')}`],
    join(RESULTS, label + '.json'),
    jestCount,
  );

check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('lint', bin('nx'), ['run-many', '-t', 'lint', '--output-style=static']);
check('typecheck', bin('tsc'), ['-p', 'api/tsconfig.spec.json', '--noEmit']);
jest('contracts', 'libs/contracts/jest.config.ts');
jest('web', 'web/jest.config.ts');
jest('api', 'api/jest.config.ts');
if (check('build', bin('nx'), ['run-many', '-t', 'build', '--projects=api,web', '--output-style=static'])) {
  suite(
    'e2e',
    bin('playwright'),
    ['test', '-c', 'e2e/playwright.config.ts'],
    join(RESULTS, 'e2e.json'),
    playwrightCount,
  );
}

console.log('\n' + summary.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
