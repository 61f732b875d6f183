import fc from 'fast-check';
import request from 'supertest';
import { FuzzRequest, OpenApiDocument, requestFor, Route, routesOf } from './support/fuzz';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every route in the app's own OpenAPI document, as every role: junk and
 * near-valid bodies, queries and ids. No answer may be a 5xx, and a refused request writes nothing.
 * `npm run fuzz -- --runs N [--seed S]` runs longer; the default budget keeps `npm test` quick.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261205);
/** Signing out would end the session every later case needs; it has tests of its own. */
const SKIPPED = new Set(['post /api/auth/logout']);
/** Written on refusals by design (the refusal is audited) or by sign-in bookkeeping. */
const NOT_COUNTED = new Set(['audit_events', 'user_sessions', 'sign_in_limits', 'idempotency_keys']);
const EMAILS = [
  'peer@demo.test',
  'peer2@demo.test',
  'clinician@demo.test',
  'manager@demo.test',
  'admin@demo.test',
  'peer@other.test',
];

interface Caller {
  email: string | null;
  staff: Staff;
}

jest.setTimeout(Math.max(120_000, RUNS * 60_000));

describe('fuzzing every route from the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let callers: Caller[];
  let ids: string[];
  let countSql: string;
  const routes: Route[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.server).get('/api/docs').set('Accept', 'application/json')).body;
    routes.push(...routesOf(doc).filter((r) => !SKIPPED.has(`${r.method} ${r.path}`)));
    callers = [
      { email: null, staff: await t.anonymous() },
      ...(await Promise.all(EMAILS.map(async (email) => ({ email, staff: await t.signIn(email) })))),
    ];
    const tables = (
      await t.owner.query(
        `SELECT c.table_name, bool_or(c.column_name = 'organization_id') AS tenant,
                bool_or(c.column_name = 'id' AND c.data_type = 'uuid') AS has_id
           FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          GROUP BY c.table_name ORDER BY c.table_name`,
      )
    ).rows as { table_name: string; tenant: boolean; has_id: boolean }[];
    const withIds = tables.filter((x) => x.has_id).map((x) => x.table_name);
    const idRows = await t.owner.query(
      withIds.map((name) => `(SELECT id::text FROM "${name}" ORDER BY id LIMIT 3)`).join(' UNION ALL '),
    );
    ids = idRows.rows.map((r: { id: string }) => r.id);
    const counted = tables.filter((x) => x.tenant && !NOT_COUNTED.has(x.table_name)).map((x) => x.table_name);
    countSql = `SELECT json_build_object(${counted
      .map((name) => `'${name}', (SELECT count(*) FROM "${name}")`)
      .join(', ')}) AS counts`;
  });
  afterAll(() => t.close());

  const counts = async (): Promise<Record<string, number>> => (await t.owner.query(countSql)).rows[0].counts;

  async function send(caller: Caller, route: Route, req: FuzzRequest) {
    const headers: Record<string, string> = req.body === undefined ? {} : { 'Content-Type': req.contentType };
    const res = await caller.staff.send(route.method, req.path, req.body, headers);
    // A fuzzed request may have ended this caller's session (e.g. a role change): start a new one.
    if (res.status === 401 && caller.email)
      caller.staff = await t.signIn(caller.email).catch(() => caller.staff);
    return res;
  }

  it('covers the routes of the document', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it('answers no 5xx and writes nothing when it refuses, on every route as every role', async () => {
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (const [index, route] of routes.entries()) {
      const property = fc.asyncProperty(
        fc.integer({ min: 0, max: callers.length - 1 }),
        requestFor(route, doc, ids),
        async (who, req) => {
          const caller = callers[who] as Caller;
          const before = await counts();
          const res = await send(caller, route, req);
          const label = `${route.method.toUpperCase()} ${route.path} as ${caller.email ?? 'anonymous'}`;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (process.env['FUZZ_VERBOSE'] === '2' && route.method !== 'get' && res.status === 400)
            console.log(route.method, route.path, res.body.detail?.slice(0, 160), req.body?.slice(0, 200));
          if (res.status >= 500) throw new Error(`${label} answered ${res.status}`);
          if (res.status >= 400) {
            const after = await counts();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length)
              throw new Error(`${label} answered ${res.status} but wrote to ${changed.join(', ')}`);
          }
        },
      );
      const result = await fc.check(property, { seed: SEED + index, numRuns: RUNS });
      if (result.failed) {
        const example = JSON.stringify(result.counterexample)?.slice(0, 600);
        failures.push(`${String(result.errorInstance)}\n    seed ${SEED + index}: ${example}`);
      }
    }
    if (process.env['FUZZ_VERBOSE']) console.log(routes.length, 'routes', statuses);
    expect(failures).toEqual([]);
  });
});
