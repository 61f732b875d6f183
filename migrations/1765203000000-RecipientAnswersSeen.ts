import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, tenantReference } from './tenant';

/**
 * When each staff member last looked at the recipients' answers on their home page, so the home
 * shows only what came in since (PRODUCT.md §5, "closing the loop"). One row per user.
 */
export class RecipientAnswersSeen1765203000000 implements MigrationInterface {
  name = 'RecipientAnswersSeen1765203000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recipient_answers_seen (
        user_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        seen_at timestamptz(3) NOT NULL
      )`);
    await tenantReference(db, 'recipient_answers_seen', 'user_id', 'users');
    await enableTenantRls(db, 'recipient_answers_seen');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS recipient_answers_seen`);
  }
}
