// Benchmark: Lighthouse (mobile preset, simulated throttling, median of 3) on the sign-in page
// and on the signed-in caseload of the demo peer, against the built app on a fresh demo database.
// Usage: npm run bench:web   (BENCH_URL=http://… to measure a server that is already running;
// BENCH_RUNS=n to change the number of runs; BENCH_REPORTS=dir keeps each run's full Lighthouse
// report for diagnosis; CHROME_PATH defaults to Debian's /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { writeBenchmarksSection } from './lib/benchmarks-doc.mjs';
import { ROOT } from './lib/runtime.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const port = process.env.BENCH_PORT ?? '3450';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const password = process.env.DEMO_PASSWORD ?? 'peerpath-demo-2026';
let server = null;
let base = process.env.BENCH_URL;

if (!base) {
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, ['e2e/serve.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: port, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let healthy = false;
  for (let i = 0; i < 480 && !healthy; i++) {
    healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy) await new Promise((r) => setTimeout(r, 250));
  }
  if (!healthy) throw new Error('the app did not become healthy');
}

/** Signs the demo peer in through the API and returns the Cookie header the browser would send. */
async function signInCookie() {
  const first = await fetch(`${base}/api/health`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf, cookie: `XSRF-TOKEN=${xsrf}` },
    body: JSON.stringify({ email: 'peer@demo.test', password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.startsWith('XSRF-TOKEN='));
  return [`XSRF-TOKEN=${xsrf}`, ...session].join('; ');
}

const median = (xs) => {
  const ok = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)] : NaN;
};

/**
 * A cold load with a session: Lighthouse's own storage reset would also drop the session cookie,
 * so the cache and the origin's storage (not its cookies) are cleared here and the cookie set.
 */
async function coldWithSession(page, cookie) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', {
    origin: new URL(base).origin,
    storageTypes: 'service_workers,cache_storage,indexeddb,local_storage,session_storage',
  });
  await cdp.send('Network.clearBrowserCookies');
  for (const pair of cookie.split('; ')) {
    const [name, value] = pair.split('=');
    await cdp.send('Network.setCookie', { name, value, url: base });
  }
  await cdp.detach();
}

async function measure(chrome, url, cookie) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    if (cookie) await coldWithSession(page, cookie);
    const { lhr } = await lighthouse(
      url,
      { output: 'json', logLevel: 'error', disableStorageReset: Boolean(cookie) },
      {
        extends: 'lighthouse:default',
        settings: {
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
      },
      page,
    );
    await page.close();
    await browser.disconnect();
    if (process.env.BENCH_REPORTS) {
      mkdirSync(process.env.BENCH_REPORTS, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, '') || 'home'}-${i + 1}.json`;
      writeFileSync(join(process.env.BENCH_REPORTS, name), JSON.stringify(lhr));
    }
    if (lhr.runtimeError) console.error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const a = lhr.audits;
    const score = (c) => Math.round((lhr.categories[c].score ?? NaN) * 100);
    const value = (id) => a[id]?.numericValue ?? NaN;
    results.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: Math.round(value('largest-contentful-paint')),
      tbtMs: Math.round(value('total-blocking-time')),
      cls: +value('cumulative-layout-shift').toFixed(3),
      transferKb: Math.round(value('total-byte-weight') / 1024),
      finalUrl: lhr.finalDisplayedUrl,
    });
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    transferKb: pick('transferKb'),
    finalUrl: results[0].finalUrl,
  };
}

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const signIn = await measure(chrome, `${base}/sign-in`);
  const caseload = await measure(chrome, `${base}/`, await signInCookie());
  const rows = [
    ['sign-in', signIn],
    ['caseload (signed in)', caseload],
  ].map(
    ([name, r]) =>
      `| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.lcpMs / 1000).toFixed(1)} s | ${r.tbtMs} ms | ${r.cls} | ${r.transferKb} kB |`,
  );
  const table = [
    '| page | performance | accessibility | best practices | LCP | TBT | CLS | transferred |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
  console.log(`runs: ${runs} (median)`);
  console.log(table.join('\n'));
  const ended = caseload.finalUrl.replace(base, '');
  if (!ended.match(/^\/?$/)) console.log(`note: caseload ended at ${ended}`);
  if (!process.env.BENCH_URL) writeBenchmarksDoc(table);
} finally {
  chrome.kill();
  server?.kill('SIGINT');
}

/** The table goes into docs/benchmarks.md between its markers, with when and under what load. */
function writeBenchmarksDoc(table) {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  const block = [
    '<!-- bench-web:start (written by npm run bench:web) -->',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:web\`: Lighthouse ${lighthouseVersion()} (mobile preset, simulated throttling), median of ${runs} runs per page, Debian Chromium, production build on a fresh demo database. Machine load average at the end: ${load} (2 cores).`,
    '',
    ...table,
    '',
    '<!-- bench-web:end -->',
  ].join('\n');
  writeBenchmarksSection('bench-web', 'Phone delivery (`npm run bench:web`)', block);
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
}
