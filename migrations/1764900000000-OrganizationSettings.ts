import { MigrationInterface, QueryRunner } from 'typeorm';

/** The clinic's own clock and billing profile, kept on the organization (PRODUCT.md §5). */
export class OrganizationSettings1764900000000 implements MigrationInterface {
  name = 'OrganizationSettings1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organizations
        ADD COLUMN time_zone text NOT NULL DEFAULT 'America/New_York',
        ADD COLUMN billing_profile jsonb NOT NULL DEFAULT '{
          "billableModalities": ["in_person", "phone", "video"],
          "nonBillableContactTypes": [],
          "nonBillableGroupTypes": ["aa", "na", "celebrate_recovery"],
          "dailyUnitCap": 16,
          "modifiers": {"video": ["95"], "phone": ["93"]},
          "placeOfService": {"in_person": "11", "video": "10", "phone": "10"}
        }'::jsonb,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organizations
        DROP COLUMN updated_at, DROP COLUMN version, DROP COLUMN billing_profile, DROP COLUMN time_zone`);
  }
}
