import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes measured on the network-size data (docs/scaling.md). Row-level security filters
 * every read on organization_id, so an index that lacks it still visits the table for each match;
 * including it lets reports and the caseload read from the index alone.
 */
export class ScaleCoveringIndexes1765300001000 implements MigrationInterface {
  name = 'ScaleCoveringIndexes1765300001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX contacts_author_time`);
    await db.query(
      `CREATE INDEX contacts_author_time ON contacts (author_id, occurred_at) INCLUDE (successful, billing_units, organization_id)`,
    );
    await db.query(`DROP INDEX contacts_successful`);
    await db.query(
      `CREATE INDEX contacts_successful ON contacts (client_id, occurred_at DESC) INCLUDE (organization_id) WHERE successful`,
    );
    // My caseload's draft count: a handful of unsigned rows, not every contact of the author.
    await db.query(
      `CREATE INDEX IF NOT EXISTS contacts_drafts ON contacts (client_id, author_id) WHERE signed_at IS NULL`,
    );
    // A period's attendance read by session from the index alone (reports' attendance and HQ units).
    await db.query(
      `CREATE INDEX IF NOT EXISTS attendance_session_cover ON attendance (session_id, client_id) INCLUDE (status, organization_id)`,
    );
    // Discharges in a period (caseload report).
    await db.query(
      `CREATE INDEX IF NOT EXISTS client_status_events_discharged ON client_status_events (at) INCLUDE (client_id, organization_id) WHERE status = 'discharged'`,
    );
    // A peer's clients whatever their status (the report's discharges and closed referrals).
    await db.query(
      `CREATE INDEX IF NOT EXISTS clients_primary_peer ON clients (primary_peer_id) INCLUDE (organization_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'clients_primary_peer',
      'client_status_events_discharged',
      'attendance_session_cover',
      'contacts_drafts',
    ])
      await db.query(`DROP INDEX IF EXISTS ${index}`);
    await db.query(`DROP INDEX contacts_successful`);
    await db.query(
      `CREATE INDEX contacts_successful ON contacts (client_id, occurred_at DESC) WHERE successful`,
    );
    await db.query(`DROP INDEX contacts_author_time`);
    await db.query(
      `CREATE INDEX contacts_author_time ON contacts (author_id, occurred_at) INCLUDE (successful, billing_units)`,
    );
  }
}
