import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { escapeCell, fromCsv, toCsv } from '../src/common/csv';
import { databaseProblem } from '../src/common/database-errors';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const SRC = join(__dirname, '../src');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('HTTP hardening: caching, CSV formulas, database errors', () => {
  let t: TestApp;
  let peer: Staff;
  let admin: Staff;
  let manager: Staff;
  let client: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, admin, manager] = await Promise.all(
      ['peer@demo.test', 'admin@demo.test', 'manager@demo.test'].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
        peer.user?.id,
      ])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  it('marks every /api answer Cache-Control: no-store and sends no ETag', async () => {
    const paths = [
      '/api/clients',
      `/api/clients/${client}`,
      '/api/health',
      '/api/no-such-thing',
      '/api/referrals/export.csv',
    ];
    const answers = await Promise.all(paths.map((p) => peer.get(p)));
    answers.push(await manager.get('/api/reports/caseloads.csv'));
    paths.push('/api/reports/caseloads.csv');
    for (const [i, res] of answers.entries()) {
      expect({ path: paths[i], cache: res.headers['cache-control'] }).toEqual({
        path: paths[i],
        cache: 'no-store',
      });
      expect(res.headers['etag']).toBeUndefined();
    }
  });

  it('escapes cells a spreadsheet would run as a formula, in the one CSV helper', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(escapeCell(`${start}HYPERLINK("http://x")`)).toBe(`'${start}HYPERLINK("http://x")`);
    expect(escapeCell('Plain (fake)')).toBe('Plain (fake)');
    expect(escapeCell(null)).toBe('');
    const text = toCsv(['a', 'b'], [{ a: '=1+1', b: 'ok' }, ['@SUM(A1)', '-2']]);
    expect(parse(text, { columns: true })).toEqual([
      { a: "'=1+1", b: 'ok' },
      { a: "'@SUM(A1)", b: "'-2" },
    ]);
    expect(fromCsv(text)).toEqual([
      { a: '=1+1', b: 'ok' },
      { a: '@SUM(A1)', b: '-2' },
    ]);

    const formula = '=HYPERLINK("http://evil.example","Click (fake)")';
    const created = await peer.post(`/api/clients/${client}/referrals`, {
      outsideOrganization: formula,
      need: 'food',
    });
    expect(created.status).toBe(201);
    const csv = await peer.get('/api/referrals/export.csv');
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { columns: true }) as { id: string; outsideOrganization: string }[];
    expect(rows.find((r) => r.id === created.body.id)?.outsideOrganization).toBe(`'${formula}`);
  });

  it('writes CSV only through api/src/common/csv.ts (csv-stringify imported nowhere else)', () => {
    const offenders = filesUnder(SRC).filter(
      (file) =>
        !file.endsWith(join('common', 'csv.ts')) && /from ['"]csv-stringify/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('answers a racing duplicate create with 409 problem+json, not 500', async () => {
    const programId = (await admin.get('/api/programs')).body.items[0].id;
    const body = {
      email: `race-${Date.now()}@demo.test`,
      name: 'Rae Racer (test)',
      role: 'peer',
      programIds: [programId],
      password: 'lantern-orchard-velvet-9',
    };
    const answers = await Promise.all([admin.post('/api/users', body), admin.post('/api/users', body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(isProblem(answers.find((r) => r.status === 409) as (typeof answers)[number])).toBe(true);
  });

  it('maps database errors in one place: unique 409, foreign key and bad text 400, others not', () => {
    const pg = (code: string) => Object.assign(new Error('detail with input'), { code });
    expect(databaseProblem(pg('23505'))?.status).toBe(409);
    expect(databaseProblem({ driverError: { code: '23505' } })?.status).toBe(409);
    expect(databaseProblem(pg('23503'))?.status).toBe(400);
    expect(databaseProblem(pg('22P02'))?.status).toBe(400);
    expect(databaseProblem(pg('22008'))?.status).toBe(400);
    expect(databaseProblem(pg('23505'))?.detail).not.toContain('input');
    expect(databaseProblem(pg('40001'))).toBeNull();
    expect(databaseProblem(new Error('plain'))).toBeNull();
  });
});
