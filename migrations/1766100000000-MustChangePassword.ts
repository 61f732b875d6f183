import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password an administrator chose (a new account, a reset) is known to two people: the staff
 * member must replace it at their next sign-in. Existing accounts, the demo's included, are not
 * forced.
 */
export class MustChangePassword1766100000000 implements MigrationInterface {
  name = 'MustChangePassword1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
