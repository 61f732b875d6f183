import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clinical notes, emergency ("break the glass") access, documentation review, caseload limits. */
export class ClinicalAndOversight1764576000000 implements MigrationInterface {
  name = 'ClinicalAndOversight1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clinical_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        author_id uuid NOT NULL REFERENCES users(id),
        note_type text NOT NULL CHECK (note_type IN ('assessment', 'progress', 'treatment_plan_review', 'discharge')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        signed_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX clinical_notes_client ON clinical_notes (client_id, created_at DESC)`);
    await db.query(`
      CREATE FUNCTION clinical_notes_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.signed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a signed clinical note cannot change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER clinical_notes_signed_final BEFORE UPDATE OR DELETE ON clinical_notes
      FOR EACH ROW EXECUTE FUNCTION clinical_notes_signed_is_final()`);
    await db.query(`
      CREATE TABLE clinical_note_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        note_id uuid NOT NULL REFERENCES clinical_notes(id),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`
      CREATE TABLE emergency_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
        granted_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz(3),
        review_comment text
      )`);
    await db.query(`CREATE INDEX emergency_access_live ON emergency_access (user_id, client_id, expires_at)`);
    await db.query(`
      CREATE TABLE contact_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        comment text CHECK (length(comment) <= 2000),
        reviewed_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (contact_id)
      )`);
    await db.query(
      `ALTER TABLE programs ADD COLUMN caseload_limit integer NOT NULL DEFAULT 25 CHECK (caseload_limit BETWEEN 1 AND 500)`,
    );
    await db.query(`ALTER TABLE audit_events ADD COLUMN emergency boolean NOT NULL DEFAULT false`);

    for (const table of ['clinical_notes', 'clinical_note_addenda', 'emergency_access', 'contact_reviews']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP COLUMN emergency`);
    await db.query(`ALTER TABLE programs DROP COLUMN caseload_limit`);
    for (const table of ['contact_reviews', 'emergency_access', 'clinical_note_addenda', 'clinical_notes']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS clinical_notes_signed_is_final()`);
  }
}
