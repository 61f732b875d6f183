import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, programs, staff, sessions, sign-in throttling and the append-only audit log.
 * Row-level security isolates organizations beneath the application's own scoping; the app connects
 * as peerpath_app, which is neither owner nor superuser, so the policies bind it.
 */
export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerpath_app') THEN
          CREATE ROLE peerpath_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO peerpath_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO peerpath_app`,
    );
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO peerpath_app`,
    );
    await db.query(`
      CREATE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid $$`);

    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL,
        description text,
        overdue_contact_days integer NOT NULL DEFAULT 14 CHECK (overdue_contact_days BETWEEN 1 AND 365),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX programs_name_per_org ON programs (organization_id, lower(name))`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('peer', 'clinician', 'manager', 'admin')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email ON users (lower(email))`);
    await db.query(`CREATE INDEX users_org_created ON users (organization_id, created_at, id)`);
    await db.query(`
      CREATE TABLE program_memberships (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (program_id, user_id)
      )`);
    await db.query(`CREATE INDEX program_memberships_user ON program_memberships (user_id)`);

    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id),
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        client_id uuid,
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
        ip text,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_events_org_at ON audit_events (organization_id, at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_actor ON audit_events (actor_id, at DESC)`);
    await db.query(`CREATE INDEX audit_events_client ON audit_events (client_id, at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM peerpath_app`);

    await db.query(`
      CREATE TABLE user_sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await db.query(`CREATE INDEX user_sessions_expire ON user_sessions (expire)`);
    await db.query(`CREATE INDEX user_sessions_user ON user_sessions ((sess -> 'staff' ->> 'userId'))`);
    await db.query(`
      CREATE TABLE sign_in_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    for (const table of ['programs', 'users', 'program_memberships']) {
      await this.isolate(db, table, 'organization_id = app_current_org()');
    }
    await this.isolate(db, 'organizations', 'id = app_current_org()');
    await db.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE audit_events FORCE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (organization_id = app_current_org())`,
    );
    // A failed sign-in for an unknown email belongs to no organization; it is written with none set.
    await db.query(
      `CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (organization_id IS NOT DISTINCT FROM app_current_org())`,
    );

    // Sign-in must find an account before the organization is known. Only this function may look
    // across organizations, only by exact email, and it returns nothing a caller could browse.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY users_sign_in_lookup ON users FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await db.query(`
      CREATE FUNCTION find_sign_in(p_email text)
      RETURNS TABLE (user_id uuid, organization_id uuid, password_hash text, active boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT id, organization_id, password_hash, active FROM users WHERE lower(email) = lower(p_email) $$`);
    await db.query(`REVOKE ALL ON FUNCTION find_sign_in(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION find_sign_in(text) TO peerpath_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS find_sign_in(text)`);
    for (const table of [
      'sign_in_limits',
      'user_sessions',
      'audit_events',
      'program_memberships',
      'users',
      'programs',
      'organizations',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
    await db.query(`DROP FUNCTION IF EXISTS app_current_org()`);
  }

  private async isolate(db: QueryRunner, table: string, predicate: string): Promise<void> {
    await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY ${table}_tenant ON ${table} USING (${predicate}) WITH CHECK (${predicate})`,
    );
  }
}
