import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral outcomes funders read (PRODUCT.md §5): waitlisted, unable to contact, no capacity;
 * who declined and why; and events the recipient records through their link (no staff actor).
 */
export class ReferralOutcomes1765200000000 implements MigrationInterface {
  name = 'ReferralOutcomes1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE referrals DROP CONSTRAINT referrals_status_check`);
    await db.query(`
      ALTER TABLE referrals
        ADD CONSTRAINT referrals_status_check CHECK (status IN ('draft', 'sent', 'waitlisted', 'accepted', 'completed',
          'declined', 'no_show', 'cancelled', 'unable_to_contact', 'no_capacity')),
        ADD COLUMN declined_by text CHECK (declined_by IN ('client', 'recipient')),
        ADD COLUMN decline_reason text,
        ADD COLUMN expected_on date`);
    await db.query(`
      ALTER TABLE referral_events
        ALTER COLUMN actor_id DROP NOT NULL,
        ADD COLUMN actor_kind text NOT NULL DEFAULT 'staff' CHECK (actor_kind IN ('staff', 'recipient')),
        ADD CONSTRAINT referral_events_actor CHECK (actor_kind = 'recipient' OR actor_id IS NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE referral_events DROP CONSTRAINT referral_events_actor, DROP COLUMN actor_kind`,
    );
    await db.query(
      `ALTER TABLE referrals DROP COLUMN expected_on, DROP COLUMN decline_reason, DROP COLUMN declined_by`,
    );
  }
}
