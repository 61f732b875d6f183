import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './tenant';

/**
 * The request ceiling's counters, shared by every API process on the database. One row per
 * (staff member or address, route): a fixed window that opens at the first request and lasts the
 * ceiling's period. UNLOGGED: a crash may forget the counts (everyone starts a fresh minute), and
 * in exchange the upsert on every request writes no WAL.
 */
export class RequestCounters1765900002000 implements MigrationInterface {
  name = 'RequestCounters1765900002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE request_counters (
        key text PRIMARY KEY,
        window_ends timestamptz NOT NULL,
        hits integer NOT NULL
      )`);
    await db.query(`CREATE INDEX request_counters_window_ends ON request_counters (window_ends)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON request_counters TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE request_counters`);
  }
}
