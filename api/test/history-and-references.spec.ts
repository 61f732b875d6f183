import {
  HISTORY_TABLES,
  isHistoryTable,
  makeAppendOnly,
  SINGLE_COLUMN_TENANT_REFERENCES_SQL,
  tenantReference,
} from '@peerpath/migrations';
import type { QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { appRoleUrl } from '../src/database/urls';
import { TEST_APP_ROLE_PASSWORD } from './support/constants';
import { startTestApp, TestApp } from './support/test-app';

/** Read from pg_catalog, so tables added by any later migration are held to the same rules. */
describe('append-only history and tenant-safe references, from the catalog', () => {
  let t: TestApp;
  let app: Client;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = new Client({ connectionString: appRoleUrl(t.ownerUrl, TEST_APP_ROLE_PASSWORD) });
    await app.connect();
    const orgs = await t.owner.query(`SELECT id, name FROM organizations`);
    orgA = orgs.rows.find((o) => o.name === 'Demo Recovery Clinic').id;
    orgB = orgs.rows.find((o) => o.name === 'Other Clinic').id;
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  /** Runs as the app role pinned to one organization, always rolled back. */
  async function asApp<T>(orgId: string, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.organization_id', $1, true)`, [orgId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  async function tables(): Promise<string[]> {
    const { rows } = await t.owner.query(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY 1`,
    );
    return rows.map((r) => r.relname);
  }

  /** History tables the app role could rewrite: missing a guard, or holding a grant beyond its closable columns. */
  async function writableHistory(): Promise<string[]> {
    const writable: string[] = [];
    for (const table of (await tables()).filter(isHistoryTable)) {
      const { rows } = await t.owner.query(
        `SELECT has_table_privilege('peerpath_app', $1::regclass, 'UPDATE') AS u,
                has_table_privilege('peerpath_app', $1::regclass, 'DELETE') AS d,
                has_table_privilege('peerpath_app', $1::regclass, 'TRUNCATE') AS tr,
                ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0
                        AND NOT attisdropped AND has_column_privilege('peerpath_app', $1::regclass, attname, 'UPDATE')
                      ORDER BY 1) AS columns,
                (SELECT count(*)::int FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                  WHERE g.tgrelid = $1::regclass AND p.proname IN ('history_append_only', 'audit_events_append_only')
                    AND g.tgtype & 24 = 24) AS guards`,
        [table],
      );
      const r = rows[0];
      const closable = [...(HISTORY_TABLES[table] ?? [])].sort();
      if (r.u || r.d || r.tr || r.guards < 1 || JSON.stringify(r.columns) !== JSON.stringify(closable))
        writable.push(
          `${table} (update ${r.u}, delete ${r.d}, truncate ${r.tr}, columns ${r.columns}, triggers ${r.guards})`,
        );
    }
    return writable;
  }

  /** Schema changes the way a future migration would make them, as the owner, always rolled back. */
  async function asMigration<T>(work: (db: QueryRunner) => Promise<T>): Promise<T> {
    await t.owner.query('BEGIN');
    try {
      return await work({ query: (sql: string) => t.owner.query(sql).then((r) => r.rows) } as QueryRunner);
    } finally {
      await t.owner.query('ROLLBACK');
    }
  }

  it('gives the app role no UPDATE, DELETE or TRUNCATE on any history table, and a refusing trigger on each', async () => {
    expect((await tables()).filter(isHistoryTable)).toEqual(
      expect.arrayContaining(Object.keys(HISTORY_TABLES)),
    );
    expect(await writableHistory()).toEqual([]);
  });

  it('catches a new history table the app role may write, until the migration helper closes it', async () => {
    await asMigration(async (db) => {
      await db.query(
        `CREATE TABLE peer_visit_log (id uuid PRIMARY KEY, organization_id uuid NOT NULL, note text)`,
      );
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON peer_visit_log TO peerpath_app`);
      expect(await writableHistory()).toEqual([expect.stringMatching(/^peer_visit_log /)]);
      await makeAppendOnly(db, 'peer_visit_log');
      expect(await writableHistory()).toEqual([]);
    });
  });

  it('refuses the app role rewriting or deleting disclosures, events and addenda', async () => {
    const statements = [
      `UPDATE disclosures SET recipient = 'someone else'`,
      `DELETE FROM disclosures`,
      `UPDATE referral_events SET note = 'rewritten'`,
      `DELETE FROM client_status_events`,
      `UPDATE contact_addenda SET text = 'rewritten'`,
      `DELETE FROM clinical_note_addenda`,
      `UPDATE client_assignments SET peer_id = peer_id`,
      `DELETE FROM client_assignments`,
      `UPDATE emergency_access SET reason = 'a different reason'`,
    ];
    for (const sql of statements) {
      await expect(asApp(orgA, () => app.query(sql))).rejects.toThrow(/permission denied|is history/);
    }
  });

  it('lets the app role close an assignment and review an emergency grant once, and never again', async () => {
    const [grant] = (
      await t.owner.query(`SELECT id, user_id FROM emergency_access WHERE organization_id = $1 LIMIT 1`, [
        orgA,
      ])
    ).rows;
    const [open] = (
      await t.owner.query(
        `SELECT id FROM client_assignments WHERE organization_id = $1 AND ended_at IS NULL LIMIT 1`,
        [orgA],
      )
    ).rows;
    await asApp(orgA, async () => {
      await app.query(
        `UPDATE emergency_access SET reviewed_at = now(), reviewed_by = user_id WHERE id = $1`,
        [grant.id],
      );
      await app.query('SAVEPOINT s');
      await expect(
        app.query(`UPDATE emergency_access SET review_comment = 'changed my mind' WHERE id = $1`, [grant.id]),
      ).rejects.toThrow(/is history/);
      await app.query('ROLLBACK TO SAVEPOINT s');
      await app.query(`UPDATE client_assignments SET ended_at = now() WHERE id = $1`, [open.id]);
      await expect(
        app.query(`UPDATE client_assignments SET ended_at = now() - interval '1 day' WHERE id = $1`, [
          open.id,
        ]),
      ).rejects.toThrow(/is history/);
    });
  });

  async function singleColumnReferences(): Promise<string[]> {
    const { rows } = await t.owner.query(SINGLE_COLUMN_TENANT_REFERENCES_SQL);
    return rows.map((r) => `${r.child}.${r.column} -> ${r.parent}`);
  }

  it('has no single-column foreign key between tenant tables', async () => {
    expect(await singleColumnReferences()).toEqual([]);
  });

  it('catches a new single-column reference between tenant tables, until the migration helper makes it composite', async () => {
    await asMigration(async (db) => {
      await db.query(
        `CREATE TABLE peer_visits (id uuid PRIMARY KEY, organization_id uuid NOT NULL REFERENCES organizations (id),
                                   client_id uuid NOT NULL REFERENCES clients (id))`,
      );
      expect(await singleColumnReferences()).toEqual(['peer_visits.client_id -> clients']);
      await db.query(`ALTER TABLE peer_visits DROP CONSTRAINT peer_visits_client_id_fkey`);
      await tenantReference(db, 'peer_visits', 'client_id', 'clients');
      expect(await singleColumnReferences()).toEqual([]);
    });
  });

  it('refuses, in the database itself, an organization-A row that points at an organization-B client', async () => {
    const [otherClient] = (
      await t.owner.query(`SELECT id FROM clients WHERE organization_id = $1 LIMIT 1`, [orgB])
    ).rows;
    const [author] = (await t.owner.query(`SELECT id FROM users WHERE organization_id = $1 LIMIT 1`, [orgA]))
      .rows;
    expect(otherClient).toBeDefined();
    await expect(
      asApp(orgA, () =>
        app.query(
          `INSERT INTO goals (organization_id, client_id, domain, description, created_by) VALUES ($1, $2, 'housing', 'x', $3)`,
          [orgA, otherClient.id, author.id],
        ),
      ),
    ).rejects.toMatchObject({ code: '23503' });
    const [ownClient] = (
      await t.owner.query(`SELECT id FROM clients WHERE organization_id = $1 LIMIT 1`, [orgA])
    ).rows;
    await asApp(orgA, () =>
      app.query(
        `INSERT INTO goals (organization_id, client_id, domain, description, created_by) VALUES ($1, $2, 'housing', 'x', $3)`,
        [orgA, ownClient.id, author.id],
      ),
    );
  });
});
