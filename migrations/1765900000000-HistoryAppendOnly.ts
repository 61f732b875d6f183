import { MigrationInterface, QueryRunner } from 'typeorm';
import { HISTORY_FUNCTION_SQL, HISTORY_TABLES, isHistoryTable, makeAppendOnly } from './tenant';

/**
 * History is append-only for the app role: every table in HISTORY_TABLES or named like history,
 * found in the catalog so tables added by earlier migrations are all covered.
 */
export class HistoryAppendOnly1765900000000 implements MigrationInterface {
  name = 'HistoryAppendOnly1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(HISTORY_FUNCTION_SQL);
    const tables = (await db.query(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY 1`,
    )) as { relname: string }[];
    for (const { relname } of tables) {
      if (isHistoryTable(relname)) await makeAppendOnly(db, relname, HISTORY_TABLES[relname] ?? []);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    const triggers = (await db.query(
      `SELECT tgname, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE tgname LIKE '%\\_history\\_rows' OR tgname LIKE '%\\_history\\_truncate'`,
    )) as { tgname: string; tbl: string }[];
    for (const t of triggers) {
      await db.query(`DROP TRIGGER ${t.tgname} ON ${t.tbl}`);
      if (t.tgname.endsWith('_rows') && t.tbl !== 'audit_events')
        await db.query(`GRANT UPDATE, DELETE ON ${t.tbl} TO peerpath_app`);
    }
    await db.query(`DROP FUNCTION IF EXISTS history_append_only()`);
  }
}
