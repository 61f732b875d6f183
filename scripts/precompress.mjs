// Post-build: writes NAME.br (Brotli, best) and NAME.gz (gzip, best) beside every text file of the
// built web app, so the server sends compressed bytes without compressing on each request.
// Usage: node scripts/precompress.mjs [dir]   (default dist/web/browser)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './lib/runtime.mjs';

const TEXT = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
  '.xml',
]);
const dir = join(ROOT, process.argv[2] ?? 'dist/web/browser');

function files(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)],
  );
}

let before = 0;
let after = 0;
for (const file of files(dir).filter((f) => TEXT.has(extname(f)))) {
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  writeFileSync(file + '.br', br);
  writeFileSync(file + '.gz', gzipSync(raw, { level: 9 }));
  before += raw.length;
  after += br.length;
}
console.log(
  `precompressed ${dir}: ${Math.round(before / 1024)} kB of text, ${Math.round(after / 1024)} kB as Brotli`,
);
