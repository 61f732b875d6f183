import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDirectory, importDirectory } from '../src/cli/hsds';
import { startTestApp, TestApp } from './support/test-app';

const FIXTURE = join(__dirname, 'fixtures/hsds');

describe('HSDS import and export of the resource directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const imported = async () =>
    (
      await t.owner.query(
        `SELECT r.external_id, r.name, r.organization_name, r.needs, r.phone, r.address, r.hours, r.languages, r.status, r.website,
                r.treating_provider
           FROM resources r JOIN organizations o ON o.id = r.organization_id
          WHERE o.name = 'Demo Recovery Clinic' AND external_id LIKE 'svc-%' ORDER BY external_id`,
      )
    ).rows;

  it('imports the fixture, reports each malformed row with its reason, and keeps the rest', async () => {
    const report = await importDirectory(t.ownerUrl, 'Demo Recovery Clinic', FIXTURE);
    expect(report.created).toBe(3);
    expect(report.updated).toBe(0);
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'services.csv', id: 'svc-4', reason: 'name is missing' }),
        expect.objectContaining({
          file: 'services.csv',
          id: 'svc-5',
          reason: expect.stringContaining('org-9'),
        }),
        expect.objectContaining({
          file: 'services.csv',
          id: 'svc-6',
          reason: expect.stringContaining('not a web address'),
        }),
        expect.objectContaining({
          file: 'attributes.csv',
          id: 'attr-4',
          reason: expect.stringContaining('astrology'),
        }),
      ]),
    );
    const rows = await imported();
    expect(rows.map((r) => r.external_id)).toEqual(['svc-1', 'svc-2', 'svc-3']);
    expect(rows[0]).toMatchObject({
      name: 'Lakeside Housing Navigation (fake)',
      organization_name: 'Lakeside Community Services (fake)',
      needs: ['housing'],
      phone: '555-0301',
      address: '12 Example Avenue, Demo City, ST, 00001',
      hours: 'Mon–Fri 9:00–17:00',
      languages: ['English', 'Spanish'],
      status: 'active',
    });
    expect(rows[2].status).toBe('temporarily_closed');
    // The treating-provider relationship arrives as an attribute on the service (42 CFR 2.31(a)(4)).
    expect(rows.map((r) => r.treating_provider)).toEqual([false, true, false]);
    const other = await t.owner.query(
      `SELECT count(*)::int AS n FROM resources r JOIN organizations o ON o.id = r.organization_id
        WHERE o.name = 'Other Clinic' AND external_id LIKE 'svc-%'`,
    );
    expect(other.rows[0].n).toBe(0);
  });

  it('re-imports without duplicates, updating what changed', async () => {
    const report = await importDirectory(t.ownerUrl, 'Demo Recovery Clinic', FIXTURE);
    expect(report).toMatchObject({ created: 0, updated: 3 });
    expect((await imported()).length).toBe(3);
  });

  it('exports the directory in the same format, and that export imports back unchanged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hsds-export-'));
    const count = await exportDirectory(t.ownerUrl, 'Demo Recovery Clinic', folder);
    expect(count).toBeGreaterThanOrEqual(15);
    const services = readFileSync(join(folder, 'services.csv'), 'utf8');
    expect(services.split('\n')[0]).toBe(
      'id,organization_id,name,description,url,email,status,fees_description,eligibility_description,assured_date',
    );
    expect(services).toContain('Lakeside Housing Navigation (fake)');
    const before = await imported();
    const again = await importDirectory(t.ownerUrl, 'Demo Recovery Clinic', folder);
    expect(again.created).toBe(0);
    expect(again.rejected).toEqual([]);
    expect(await imported()).toEqual(before);
  });
});
