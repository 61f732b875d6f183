import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients, caseload assignment history, discharge history, contacts with addenda, idempotency keys. */
export class ClientsAndContacts1764316800000 implements MigrationInterface {
  name = 'ClientsAndContacts1764316800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        program_id uuid NOT NULL REFERENCES programs(id),
        primary_peer_id uuid REFERENCES users(id),
        first_name text NOT NULL,
        last_name text NOT NULL,
        preferred_name text,
        pronouns text,
        date_of_birth date NOT NULL,
        phone text,
        email text,
        external_record_number text,
        recovery_start_date date,
        preferred_contact_method text CHECK (preferred_contact_method IN ('phone', 'text', 'email', 'in_person')),
        name_key text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
        discharged_at timestamptz(3),
        discharge_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status = 'discharged' OR primary_peer_id IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX clients_peer ON clients (organization_id, primary_peer_id) WHERE status = 'active'`,
    );
    await db.query(
      `CREATE INDEX clients_program_name ON clients (organization_id, program_id, name_key, id)`,
    );
    await db.query(`CREATE INDEX clients_duplicate ON clients (organization_id, name_key, date_of_birth)`);

    await db.query(`
      CREATE TABLE client_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        peer_id uuid NOT NULL REFERENCES users(id),
        assigned_by uuid REFERENCES users(id),
        started_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_at timestamptz(3),
        reason text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX client_assignments_one_open ON client_assignments (client_id) WHERE ended_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE client_status_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        status text NOT NULL CHECK (status IN ('admitted', 'discharged', 'readmitted')),
        reason text,
        actor_id uuid REFERENCES users(id),
        at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX client_status_events_client ON client_status_events (client_id, at)`);

    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        author_id uuid NOT NULL REFERENCES users(id),
        occurred_at timestamptz(3) NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        modality text NOT NULL CHECK (modality IN ('in_person', 'phone', 'video', 'text', 'email')),
        contact_type text NOT NULL CHECK (contact_type IN ('check_in', 'recovery_planning', 'crisis_support', 'advocacy', 'transportation', 'group_follow_up', 'outreach_attempt', 'other')),
        successful boolean NOT NULL,
        billable boolean NOT NULL DEFAULT true,
        location text,
        topics text[] NOT NULL DEFAULT '{}',
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
        billing_units integer NOT NULL CHECK (billing_units >= 0),
        signed_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX contacts_client_time ON contacts (client_id, occurred_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX contacts_successful ON contacts (client_id, occurred_at DESC) WHERE successful`,
    );
    await db.query(`
      CREATE TABLE contact_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX contact_addenda_contact ON contact_addenda (contact_id, created_at)`);
    // A signed contact never changes; the database holds that line too.
    await db.query(`
      CREATE FUNCTION contacts_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.signed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a signed contact cannot change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER contacts_signed_final BEFORE UPDATE OR DELETE ON contacts
      FOR EACH ROW EXECUTE FUNCTION contacts_signed_is_final()`);

    await db.query(`
      CREATE TABLE idempotency_keys (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        route text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    for (const table of [
      'clients',
      'client_assignments',
      'client_status_events',
      'contacts',
      'contact_addenda',
      'idempotency_keys',
    ]) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'contact_addenda',
      'contacts',
      'client_status_events',
      'client_assignments',
      'clients',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS contacts_signed_is_final()`);
  }
}
