import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcomes report reads goals and BARC-10 totals from the clients' index entries alone (the
 * organization included, as row-level security filters on it): the goal's domain, status and
 * achievement time, and each assessment's total in the client's time order. Same keys as before.
 */
export class OutcomesCoveringIndexes1766000002000 implements MigrationInterface {
  name = 'OutcomesCoveringIndexes1766000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX goals_client`);
    await db.query(
      `CREATE INDEX goals_client ON goals (client_id, created_at DESC) INCLUDE (domain, status, achieved_at, organization_id)`,
    );
    await db.query(`DROP INDEX assessments_client`);
    await db.query(
      `CREATE INDEX assessments_client ON assessments (client_id, taken_at DESC) INCLUDE (total, organization_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assessments_client`);
    await db.query(`CREATE INDEX assessments_client ON assessments (client_id, taken_at DESC)`);
    await db.query(`DROP INDEX goals_client`);
    await db.query(`CREATE INDEX goals_client ON goals (client_id, created_at DESC)`);
  }
}
