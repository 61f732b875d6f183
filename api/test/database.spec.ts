import { DEFAULT_BILLING_PROFILE } from '@peerpath/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Actor } from '../src/access/actor';
import { applyScope } from '../src/access/scope';
import { appRoleUrl } from '../src/database/urls';
import { UserEntity } from '../src/users/user.entity';
import { ENTITIES } from '../src/database/entities';
import { TEST_APP_ROLE_PASSWORD } from './support/constants';
import { startTestApp, TestApp } from './support/test-app';

describe('database isolation and the append-only audit log', () => {
  let t: TestApp;
  let app: Client;
  let demoOrg: string;
  let otherOrg: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = new Client({ connectionString: appRoleUrl(t.ownerUrl, TEST_APP_ROLE_PASSWORD) });
    await app.connect();
    const orgs = await t.owner.query(`SELECT id, name FROM organizations`);
    demoOrg = orgs.rows.find((o) => o.name === 'Demo Recovery Clinic').id;
    otherOrg = orgs.rows.find((o) => o.name === 'Other Clinic').id;
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  async function asOrg<T>(orgId: string | null, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      if (orgId) await app.query(`SELECT set_config('app.organization_id', $1, true)`, [orgId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it('enables and forces row-level security on every table with organization_id', async () => {
    const { rows } = await t.owner.query(`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)`);
    expect(rows.map((r) => r.relname).sort()).toEqual(
      expect.arrayContaining(['audit_events', 'program_memberships', 'programs', 'users']),
    );
    for (const row of rows) {
      expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
      });
    }
  });

  it('connects the app as a role that is neither superuser, owner nor able to bypass RLS', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ name: 'peerpath_app', rolsuper: false, rolbypassrls: false });
    const owned = await app.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tableowner = current_user`);
    expect(owned.rows[0].n).toBe(0);
  });

  it('shows nothing at all when no organization is set (fails closed)', async () => {
    const count = await asOrg(null, () => app.query('SELECT count(*)::int AS n FROM users'));
    expect(count.rows[0].n).toBe(0);
  });

  it('with organization A set, returns no row of B from a query without WHERE and refuses to insert a B row', async () => {
    const users = await asOrg(demoOrg, () => app.query('SELECT organization_id FROM users'));
    expect(users.rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(users.rows.map((r) => r.organization_id))).toEqual(new Set([demoOrg]));
    const programs = await asOrg(demoOrg, () => app.query('SELECT organization_id FROM programs'));
    expect(programs.rows.every((r) => r.organization_id === demoOrg)).toBe(true);
    await expect(
      asOrg(demoOrg, () =>
        app.query(`INSERT INTO programs (organization_id, name) VALUES ($1, 'Smuggled program')`, [otherOrg]),
      ),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n FROM programs WHERE name = 'Smuggled program'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit events for the app role and the owner alike', async () => {
    await t.owner.query(
      `INSERT INTO audit_events (organization_id, action, entity_type, outcome) VALUES ($1, 'test.event', 'test', 'success')`,
      [demoOrg],
    );
    for (const sql of [
      `UPDATE audit_events SET action = 'changed'`,
      `DELETE FROM audit_events`,
      `TRUNCATE audit_events`,
    ]) {
      await expect(asOrg(demoOrg, () => app.query(sql))).rejects.toThrow(/permission denied|append-only/);
      await expect(t.owner.query(sql)).rejects.toThrow(/append-only/);
    }
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.event'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('an empty scope policy lets no row through, even within the caller’s own organization', async () => {
    const ds = new DataSource({
      type: 'postgres',
      url: appRoleUrl(t.ownerUrl, TEST_APP_ROLE_PASSWORD),
      entities: ENTITIES,
    });
    await ds.initialize();
    try {
      const admin = await t.owner.query(`SELECT id FROM users WHERE email = 'admin@demo.test'`);
      const actor: Actor = {
        userId: admin.rows[0].id,
        organizationId: demoOrg,
        role: 'admin',
        programIds: [],
        emergencyClientIds: [],
        sessionId: 'test',
        clinic: { timeZone: 'America/New_York', billingProfile: DEFAULT_BILLING_PROFILE },
      };
      const found = await ds.transaction(async (em) => {
        await em.query(`SELECT set_config('app.organization_id', $1, true)`, [demoOrg]);
        const all = await applyScope(
          em.getRepository(UserEntity).createQueryBuilder('u'),
          actor,
          'users:read',
          {
            org: () => ({ sql: 'true' }),
          },
        ).getCount();
        const none = await applyScope(
          em.getRepository(UserEntity).createQueryBuilder('u'),
          actor,
          'users:read',
          {},
        ).getCount();
        return { all, none };
      });
      expect(found.all).toBeGreaterThanOrEqual(5);
      expect(found.none).toBe(0);
    } finally {
      await ds.destroy();
    }
  });
});
