import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a claim needs (PRODUCT.md §5): the rendering peer's credential and NPI, the client's
 * Medicaid id, minutes a late arrival attended, and the one facilitator a session credits.
 */
export class Billing1765000000000 implements MigrationInterface {
  name = 'Billing1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN credential_type text CHECK (length(credential_type) BETWEEN 1 AND 40),
        ADD COLUMN credential_number text CHECK (length(credential_number) BETWEEN 1 AND 60),
        ADD COLUMN credential_expires_on date,
        ADD COLUMN npi text CHECK (npi ~ '^[0-9]{10}$'),
        ADD CONSTRAINT users_credential_whole CHECK (
          (credential_type IS NULL AND credential_number IS NULL AND credential_expires_on IS NULL) OR
          (credential_type IS NOT NULL AND credential_number IS NOT NULL AND credential_expires_on IS NOT NULL))`);
    await db.query(
      `ALTER TABLE clients ADD COLUMN medicaid_id text CHECK (length(medicaid_id) BETWEEN 1 AND 30)`,
    );
    await db.query(`
      ALTER TABLE attendance
        ADD COLUMN minutes_attended integer CHECK (minutes_attended BETWEEN 1 AND 480)`);
    await db.query(`ALTER TABLE group_sessions ADD COLUMN facilitator_id uuid REFERENCES users(id)`);
    // Sessions so far credit the group's lead facilitator.
    await db.query(`
      UPDATE group_sessions s SET facilitator_id = (
        SELECT f.user_id FROM group_facilitators f WHERE f.group_id = s.group_id
         ORDER BY f.position, f.user_id LIMIT 1)`);
    await db.query(
      `CREATE INDEX group_sessions_facilitator ON group_sessions (organization_id, facilitator_id, date)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX group_sessions_facilitator`);
    await db.query(`ALTER TABLE group_sessions DROP COLUMN facilitator_id`);
    await db.query(`ALTER TABLE attendance DROP COLUMN minutes_attended`);
    await db.query(`ALTER TABLE clients DROP COLUMN medicaid_id`);
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_credential_whole, DROP COLUMN npi,
        DROP COLUMN credential_expires_on, DROP COLUMN credential_number, DROP COLUMN credential_type`);
  }
}
