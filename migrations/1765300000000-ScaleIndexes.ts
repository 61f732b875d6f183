import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the network-sized data needs (docs/scaling.md): reports group a peer's contacts by time,
 * the timeline reads a client's assignments, the caseload report finds new clients per peer and
 * group sessions by date. Each one turns a scan of a table that grows with history into a range read.
 */
export class ScaleIndexes1765300000000 implements MigrationInterface {
  name = 'ScaleIndexes1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX contacts_author_time ON contacts (author_id, occurred_at) INCLUDE (successful, billing_units)`,
    );
    await db.query(`CREATE INDEX client_assignments_client ON client_assignments (client_id, started_at)`);
    await db.query(`CREATE INDEX client_assignments_peer ON client_assignments (peer_id, started_at)`);
    await db.query(`CREATE INDEX group_sessions_date ON group_sessions (date)`);
    await db.query(
      `CREATE INDEX referrals_closed ON referrals (updated_at) WHERE status IN ('completed', 'declined', 'no_show', 'cancelled')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'referrals_closed',
      'group_sessions_date',
      'client_assignments_peer',
      'client_assignments_client',
      'contacts_author_time',
    ])
      await db.query(`DROP INDEX IF EXISTS ${index}`);
  }
}
