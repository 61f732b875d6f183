// npm run bench: each benchmarked endpoint through the full API and through a raw twin (the same
// transaction's statements on a bare node:http + pg server), alternating A/B for several rounds with
// autocannon at a fixed rate (half the twin's saturation rate) and at saturation. Needs the scale
// data (npm run seed:scale). Writes bench/results/*.json and the table in docs/benchmarks.md.
// Usage: npm run bench -- [--rounds 5] [--seconds 3] [--only caseload,timeline-first]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeBenchmarksSection } from './lib/benchmarks-doc.mjs';
import { build, loadApi, ROOT } from './lib/runtime.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', '5'));
const SECONDS = Number(arg('seconds', '3'));
const ONLY = arg('only', '').split(',').filter(Boolean);
const OWNER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/peerpath_scale';
const APP_PORT = Number(process.env.BENCH_PORT || 3460);
const TWIN_PORT = APP_PORT + 1;
const CONTROL_PORT = APP_PORT + 2;
const APP = `http://127.0.0.1:${APP_PORT}`;
const TWIN = `http://127.0.0.1:${TWIN_PORT}`;
const BENCH_NOTE = 'Benchmark contact (fake).';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (process.env.SKIP_BUILD !== 'true') build(['api']);
const api = loadApi();
const config = api.loadConfig(OWNER_URL);
const appRoleUrl = (() => {
  const url = new URL(OWNER_URL);
  url.username = 'peerpath_app';
  url.password = config.appRolePassword;
  return url.toString();
})();

const children = [];
function start(script, env, preload) {
  const child = spawn(process.execPath, [...(preload ? ['-r', preload] : []), script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${url} did not answer`);
}
const control = async (path) => (await fetch(`http://127.0.0.1:${CONTROL_PORT}${path}`)).json();

/** A signed-in browser: its cookies, echoing XSRF-TOKEN on writes. */
async function signIn(email) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(await fetch(`${APP}/api/health`));
  const headers = () => ({
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-xsrf-token': jar.get('XSRF-TOKEN') ?? '',
    'content-type': 'application/json',
  });
  const res = await fetch(`${APP}/api/auth/login`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ email, password: api.demoPassword() }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  keep(res);
  return { headers };
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One autocannon run; latencies from every response, not autocannon's histogram (it has no p95). */
async function run(url, c, headers, rate) {
  const times = [];
  let non2xx = 0;
  const statuses = {};
  const instance = autocannon({
    url,
    method: c.method,
    headers,
    body: c.body ? JSON.stringify(c.body) : undefined,
    connections: 10,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) times.push(ms);
    else non2xx++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    non2xx,
    statuses,
    errors: result.errors + result.timeouts,
    rps: +(times.length / SECONDS).toFixed(1),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const summarize = (runs) => ({
  p50: median(runs.map((r) => r.p50)),
  p95: median(runs.map((r) => r.p95)),
  p99: median(runs.map((r) => r.p99)),
  rps: median(runs.map((r) => r.rps)),
  non2xx: runs.reduce((s, r) => s + r.non2xx + r.errors, 0),
  statuses: runs.reduce((all, r) => {
    for (const [k, v] of Object.entries(r.statuses)) all[k] = (all[k] ?? 0) + v;
    return all;
  }, {}),
});

async function main() {
  const owner = new pg.Client({ connectionString: OWNER_URL });
  await owner.connect();
  const one = async (sql, params = []) => (await owner.query(sql, params)).rows[0];
  const peer = await one(`SELECT id FROM users WHERE email = 'peer@scale.test'`);
  if (!peer) throw new Error('No scale data: run npm run seed:scale first (DATABASE_URL).');

  const env = {
    DATABASE_URL: OWNER_URL,
    PORT: String(APP_PORT),
    LOG_LEVEL: 'warn',
    REQUESTS_PER_MINUTE: '100000000',
    NODE_ENV: 'production',
    BENCH_CONTROL_PORT: String(CONTROL_PORT),
  };
  start('scripts/bench/app.mjs', env, './scripts/bench/capture.cjs');
  start('scripts/bench/twin.mjs', { TWIN_PORT: String(TWIN_PORT), TWIN_DATABASE_URL: appRoleUrl });
  await waitFor(`${APP}/api/health`);
  await waitFor(`${TWIN}/none`);
  await sleep(2000);
  const idleRss = (await control('/memory')).rss;

  const users = {
    peer: await signIn('peer@scale.test'),
    director: await signIn('director@scale.test'),
    manager: await signIn('manager@scale.test'),
  };
  // The peer's client with the longest history; the timeline's last page by walking the cursor.
  const busiest = await one(
    `SELECT c.id FROM clients c JOIN contacts k ON k.client_id = c.id
      WHERE c.primary_peer_id = $1 AND c.status = 'active' GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
    [peer.id],
  );
  let cursor = null;
  let pages = 0;
  for (;;) {
    const res = await fetch(
      `${APP}/api/clients/${busiest.id}/timeline${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: users.peer.headers() },
    );
    const page = await res.json();
    pages++;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const group = await one(
    `SELECT s.id AS session_id, s.group_id FROM group_sessions s JOIN group_facilitators f ON f.group_id = s.group_id
      WHERE f.user_id = $1 AND s.date < current_date ORDER BY s.date DESC LIMIT 1`,
    [peer.id],
  );
  const roster = (
    await owner.query(
      `SELECT client_id FROM group_roster WHERE group_id = $1 AND removed_at IS NULL ORDER BY client_id LIMIT 15`,
      [group.group_id],
    )
  ).rows.map((r) => r.client_id);
  const day = (days) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE');

  const cases = [
    { name: 'caseload', who: 'peer', method: 'GET', path: '/api/caseload' },
    { name: 'timeline-first', who: 'peer', method: 'GET', path: `/api/clients/${busiest.id}/timeline` },
    {
      name: 'timeline-last',
      who: 'peer',
      method: 'GET',
      path: `/api/clients/${busiest.id}/timeline?cursor=${encodeURIComponent(cursor ?? '')}`,
      note: `page ${pages}`,
    },
    { name: 'client-search', who: 'peer', method: 'GET', path: '/api/clients?q=tay' },
    {
      name: 'contact-create',
      who: 'peer',
      method: 'POST',
      path: `/api/clients/${busiest.id}/contacts`,
      body: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 30,
        modality: 'phone',
        contactType: 'check_in',
        successful: true,
        note: BENCH_NOTE,
      },
    },
    {
      name: 'attendance-15',
      who: 'peer',
      method: 'PUT',
      path: `/api/sessions/${group.session_id}/attendance`,
      body: roster.map((clientId, i) => ({ clientId, status: i % 5 ? 'present' : 'absent' })),
      note: `${roster.length} clients`,
    },
    {
      name: 'report-caseloads-90d',
      who: 'manager',
      method: 'GET',
      path: `/api/reports/caseloads?from=${day(90)}`,
    },
    {
      name: 'report-caseloads-year',
      who: 'manager',
      method: 'GET',
      path: `/api/reports/caseloads?from=${day(364)}`,
    },
    {
      name: 'report-caseloads-network-90d',
      who: 'director',
      method: 'GET',
      path: `/api/reports/caseloads?from=${day(90)}`,
    },
    {
      name: 'report-outcomes-90d',
      who: 'manager',
      method: 'GET',
      path: `/api/reports/outcomes?from=${day(90)}`,
    },
    {
      name: 'report-outcomes-network-year',
      who: 'director',
      method: 'GET',
      path: `/api/reports/outcomes?from=${day(364)}`,
    },
    {
      name: 'audit-by-client',
      who: 'director',
      method: 'GET',
      path: `/api/audit-events?clientId=${busiest.id}`,
    },
  ].filter((c) => !ONLY.length || ONLY.includes(c.name));

  // Capture each case's transaction from the API, hand it to the twin, and EXPLAIN its statements.
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const explains = {};
  const appDb = new pg.Client({ connectionString: appRoleUrl });
  await appDb.connect();
  for (const c of cases) {
    c.headers = users[c.who].headers();
    await control('/capture/start');
    const res = await fetch(`${APP}${c.path}`, {
      method: c.method,
      headers: c.headers,
      body: c.body ? JSON.stringify(c.body) : undefined,
    });
    const body = await res.text();
    const captured = await control('/capture/stop');
    if (res.status >= 300) throw new Error(`${c.name}: ${res.status} ${body}`);
    const begin = captured.findIndex((q) => /^(START TRANSACTION|BEGIN)/i.test(q.text));
    const pid = captured[begin].pid;
    const statements = [];
    for (const q of captured.slice(begin)) {
      if (q.pid !== pid) continue;
      statements.push({ text: q.text, values: q.values });
      if (/^COMMIT/i.test(q.text)) break;
    }
    c.roundTrips = { total: captured.length, transaction: statements.length };
    await fetch(`${TWIN}/register`, {
      method: 'POST',
      body: JSON.stringify({
        name: c.name,
        statements,
        status: res.status,
        contentType: res.headers.get('content-type'),
        body,
      }),
    });
    c.twinPath = `/case/${c.name}`;
    explains[c.name] = await explain(appDb, statements);
  }
  await appDb.end();

  const results = [];
  for (const c of cases) {
    const a = { fixed: [], saturation: [] };
    const b = { fixed: [], saturation: [] };
    // Warm both sides, then find the twin's saturation rate for the fixed-rate runs.
    await run(`${APP}${c.path}`, c, c.headers);
    const warm = await run(`${TWIN}${c.twinPath}`, c, c.headers);
    const rate = Math.max(1, Math.round(warm.rps / 2));
    await control('/memory/reset');
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? ['twin', 'app'] : ['app', 'twin'];
      for (const side of order) {
        const url = side === 'app' ? `${APP}${c.path}` : `${TWIN}${c.twinPath}`;
        const into = side === 'app' ? a : b;
        into.fixed.push(await run(url, c, c.headers, rate));
        into.saturation.push(await run(url, c, c.headers));
      }
    }
    const app = { fixed: summarize(a.fixed), saturation: summarize(a.saturation) };
    const twin = { fixed: summarize(b.fixed), saturation: summarize(b.saturation) };
    const ratio = (x, y) => (x === null || !y ? null : +(x / y).toFixed(2));
    const row = {
      name: c.name,
      method: c.method,
      path: c.path.replace(/[0-9a-f-]{36}/g, ':id').replace(/cursor=[^&]+/, 'cursor=…'),
      who: c.who,
      note: c.note ?? null,
      roundTrips: c.roundTrips,
      rate,
      app,
      twin,
      ratios: {
        p50: ratio(app.fixed.p50, twin.fixed.p50),
        p99: ratio(app.fixed.p99, twin.fixed.p99),
        saturationRps: ratio(app.saturation.rps, twin.saturation.rps),
      },
      peakRss: (await control('/memory')).peakRss,
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
  await sleep(3000);
  const afterRss = (await control('/memory')).rss;
  const counts = await one(
    `SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM contacts)::int AS contacts,
            (SELECT count(*) FROM attendance)::int AS attendance, (SELECT count(*) FROM audit_events)::int AS audit_events`,
  );
  // The contacts the create case wrote would pile up on one client run after run, slowing the
  // caseload's draft count and lengthening the timeline the next run measures.
  // Drafts are never deleted by the app (their trigger skips a delete), hence the owner's replica
  // mode, and the client's last contact set again by hand.
  await owner.query(`BEGIN; SET LOCAL session_replication_role = replica`);
  await owner.query(`DELETE FROM contacts WHERE note = $1 AND signed_at IS NULL`, [BENCH_NOTE]);
  await owner.query(
    `UPDATE clients c SET last_contact_at = (SELECT max(occurred_at) FROM contacts k WHERE k.client_id = c.id AND k.successful)
      WHERE c.id = $1`,
    [busiest.id],
  );
  await owner.query('COMMIT');
  await owner.end();
  const report = {
    measuredAt: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    rounds: ROUNDS,
    loadAverage: loadavg().map((x) => +x.toFixed(1)),
    seconds: SECONDS,
    data: counts,
    memory: {
      idleMb: mb(idleRss),
      peakMb: mb(Math.max(...results.map((r) => r.peakRss), idleRss)),
      afterMb: mb(afterRss),
    },
    results,
    explains,
  };
  const stamp = report.measuredAt.replace(/[:.]/g, '-');
  writeFileSync(join(ROOT, `bench/results/${stamp}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify(report, null, 2) + '\n');
  writeDocs(report);
  console.log(`memory: ${JSON.stringify(report.memory)}`);
}

const mb = (bytes) => Math.round(bytes / 1048576);

/** EXPLAIN (ANALYZE, BUFFERS) of each statement of the transaction, as the app's role, rolled back. */
async function explain(db, statements) {
  const plans = [];
  await db.query('BEGIN');
  try {
    for (const s of statements) {
      if (/^(START TRANSACTION|BEGIN|COMMIT)/i.test(s.text)) continue;
      if (!s.values) {
        await db.query(s.text); // the set-up round trip: pins the organization for what follows
        continue;
      }
      const { rows } = await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values });
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);
      const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
      plans.push({ sql: s.text.replace(/\s+/g, ' ').trim().slice(0, 160), ms: Number(time), seqScans, plan });
    }
  } finally {
    await db.query('ROLLBACK');
  }
  return plans;
}

function writeDocs(report) {
  const ms = (x) => (x === null ? '–' : `${x.toFixed(1)}`);
  const lines = [
    '<!-- bench:start (written by npm run bench) -->',
    `Measured ${report.measuredAt.slice(0, 16)} UTC with \`${report.command}\` on ${report.data.clients} clients, ` +
      `${report.data.contacts} contacts, ${report.data.attendance} attendance rows, ${report.data.audit_events} audit events. ` +
      `${report.rounds} alternating rounds of ${report.seconds} s per side and mode, 10 connections; medians of the rounds. ` +
      `Fixed rate = half the twin\u2019s saturation rate. Latencies in ms. Machine load average at the end: ${report.loadAverage.join(', ')} (2 cores, shared). \u2013: no response completed within a run.`,
    '',
    '| endpoint | who | round trips (all / in tx) | fixed rate | API p50 / p95 / p99 | twin p50 / p95 / p99 | p50 ×, p99 × | API req/s sat. | twin req/s sat. | sat. × |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.results.map(
      (r) =>
        `| ${r.method} ${r.path}${r.note ? ` (${r.note})` : ''} | ${r.who} | ${r.roundTrips.total} / ${r.roundTrips.transaction} | ${r.rate}/s | ` +
        `${ms(r.app.fixed.p50)} / ${ms(r.app.fixed.p95)} / ${ms(r.app.fixed.p99)} | ` +
        `${ms(r.twin.fixed.p50)} / ${ms(r.twin.fixed.p95)} / ${ms(r.twin.fixed.p99)} | ` +
        `${r.ratios.p50 ?? '–'}, ${r.ratios.p99 ?? '–'} | ${r.app.saturation.rps} | ${r.twin.saturation.rps} | ${r.ratios.saturationRps ?? '–'} |`,
    ),
    '',
    `API process memory (RSS): ${report.memory.idleMb} MB idle, ${report.memory.peakMb} MB peak under load, ${report.memory.afterMb} MB idle after.`,
    '',
    'Slowest statement of each endpoint (EXPLAIN ANALYZE, BUFFERS; full plans in `bench/results/latest.json`):',
    '',
    '| endpoint | statement | execution ms | sequential scans |',
    '| --- | --- | --- | --- |',
    ...Object.entries(report.explains).map(([name, plans]) => {
      const worst = [...plans].sort((x, y) => y.ms - x.ms)[0];
      const seq = [...new Set(plans.flatMap((p) => p.seqScans))];
      return `| ${name} | \`${(worst?.sql ?? '').slice(0, 70).replace(/\|/g, '\\|')}…\` | ${worst?.ms ?? '–'} | ${seq.join(', ') || 'none'} |`;
    }),
    '<!-- bench:end -->',
  ];
  writeBenchmarksSection(
    'bench',
    'Network-size API against its raw twin (`npm run bench`)',
    lines.join('\n'),
  );
}

try {
  await main();
} finally {
  children.forEach((c) => c.kill('SIGTERM'));
}
process.exit(0);
