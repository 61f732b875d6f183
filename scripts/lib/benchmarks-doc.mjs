// Benchmark scripts write their latest table into docs/benchmarks.md between markers of their own.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './runtime.mjs';

/** Replaces the `<!-- name:start … name:end -->` block, or appends it under `heading`; then Prettier, as npm test checks. */
export function writeBenchmarksSection(name, heading, block) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const marked = new RegExp(`<!-- ${name}:start[\\s\\S]*?<!-- ${name}:end -->`);
  const next = marked.test(doc)
    ? doc.replace(marked, () => block)
    : `${doc.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  writeFileSync(path, next);
  execFileSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', path], { stdio: 'ignore' });
}
