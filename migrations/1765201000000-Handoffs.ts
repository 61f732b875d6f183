import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, HISTORY_FUNCTION_SQL, makeAppendOnly, tenantReference } from './tenant';

/** Warm handoffs coming in (PRODUCT.md §5) with their first-contact attempts, and each program's target. */
export class Handoffs1765201000000 implements MigrationInterface {
  name = 'Handoffs1765201000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programs
        ADD COLUMN handoff_target_hours integer NOT NULL DEFAULT 24 CHECK (handoff_target_hours BETWEEN 1 AND 720)`);
    await db.query(`
      CREATE TABLE handoffs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        program_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('emergency_department', 'hospital', 'jail_reentry', 'drug_court',
          'crisis_line', 'self', 'other')),
        referrer_name text NOT NULL CHECK (length(referrer_name) <= 200),
        referrer_contact text CHECK (length(referrer_contact) <= 200),
        received_at timestamptz(3) NOT NULL,
        first_name text NOT NULL CHECK (length(first_name) <= 100),
        last_name text NOT NULL CHECK (length(last_name) <= 100),
        phone text,
        date_of_birth date,
        need text NOT NULL,
        note text CHECK (length(note) <= 2000),
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'converted', 'closed')),
        claimed_by uuid,
        claimed_at timestamptz(3),
        first_attempt_at timestamptz(3),
        first_contact_at timestamptz(3),
        client_id uuid,
        closed_reason text CHECK (closed_reason IN ('unreachable', 'declined', 'already_client')),
        closed_at timestamptz(3),
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status = 'new' OR claimed_by IS NOT NULL OR status = 'closed'),
        CHECK ((status = 'converted') = (client_id IS NOT NULL)),
        CHECK ((status = 'closed') = (closed_reason IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX handoffs_queue ON handoffs (organization_id, program_id, status, received_at)`,
    );
    // First-contact attempts are history: kept as they happened, never edited.
    await db.query(`
      CREATE TABLE handoff_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        handoff_id uuid NOT NULL,
        at timestamptz(3) NOT NULL,
        method text NOT NULL CHECK (method IN ('phone', 'text', 'in_person', 'other')),
        successful boolean NOT NULL,
        note text CHECK (length(note) <= 2000),
        by_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX handoff_attempts_handoff ON handoff_attempts (handoff_id, at)`);
    for (const [column, parent] of [
      ['program_id', 'programs'],
      ['claimed_by', 'users'],
      ['client_id', 'clients'],
      ['created_by', 'users'],
    ]) {
      await tenantReference(db, 'handoffs', column, parent);
    }
    await tenantReference(db, 'handoff_attempts', 'handoff_id', 'handoffs');
    await tenantReference(db, 'handoff_attempts', 'by_id', 'users');
    await db.query(HISTORY_FUNCTION_SQL);
    await makeAppendOnly(db, 'handoff_attempts');
    for (const table of ['handoffs', 'handoff_attempts']) await enableTenantRls(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS handoff_attempts`);
    await db.query(`DROP TABLE IF EXISTS handoffs`);
    await db.query(`ALTER TABLE programs DROP COLUMN handoff_target_hours`);
  }
}
