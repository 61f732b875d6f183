import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload report's referral figures read from indexes alone: referrals closed in a period (by
 * every final status, as the report counts them; the index it replaces predates the last two
 * final statuses, so no query could use it any more), and each active client's open referrals.
 */
export class ReportReferralIndexes1766000001000 implements MigrationInterface {
  name = 'ReportReferralIndexes1766000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS referrals_closed`);
    await db.query(
      `CREATE INDEX referrals_final ON referrals (updated_at) INCLUDE (client_id, status, organization_id)
        WHERE status IN ('completed', 'declined', 'no_show', 'cancelled', 'unable_to_contact', 'no_capacity')`,
    );
    await db.query(
      `CREATE INDEX referrals_open_client ON referrals (client_id) INCLUDE (status, follow_up_on, organization_id)
        WHERE status IN ('draft', 'sent', 'waitlisted', 'accepted')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referrals_open_client`);
    await db.query(`DROP INDEX referrals_final`);
    await db.query(
      `CREATE INDEX referrals_closed ON referrals (updated_at) WHERE status IN ('completed', 'declined', 'no_show', 'cancelled')`,
    );
  }
}
