import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each attendance row carries its session's date, so a client's newest attendance is read from
 * one index in date order (my caseload's "missed the last two groups" read every row of the
 * client's history and its session to find the two newest: 12,800 session probes for a 150-client
 * caseload at network size). A trigger fills it from the session and keeps it equal if a session's
 * date ever changes; nothing else writes it. A period's attendance (the caseload report's rates) is
 * one range of a date index, without visiting each of the period's sessions.
 */
export class AttendanceSessionDate1766200000000 implements MigrationInterface {
  name = 'AttendanceSessionDate1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attendance ADD COLUMN session_date date`);
    await db.query(
      `UPDATE attendance a SET session_date = s.date FROM group_sessions s WHERE s.id = a.session_id`,
    );
    await db.query(`ALTER TABLE attendance ALTER COLUMN session_date SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION attendance_session_date() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.session_date := (SELECT s.date FROM group_sessions s WHERE s.id = NEW.session_id);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER attendance_session_date BEFORE INSERT OR UPDATE OF session_id, session_date
        ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_session_date()`);
    await db.query(`
      CREATE FUNCTION group_session_date_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE attendance SET session_date = NEW.date WHERE session_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER group_session_date_moved AFTER UPDATE OF date ON group_sessions
        FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION group_session_date_moved()`);
    await db.query(
      `CREATE INDEX attendance_client_date ON attendance (client_id, session_date DESC)
         INCLUDE (session_id, status, organization_id)`,
    );
    await db.query(
      `CREATE INDEX attendance_date ON attendance (session_date) INCLUDE (client_id, status, organization_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX attendance_date`);
    await db.query(`DROP INDEX attendance_client_date`);
    await db.query(`DROP TRIGGER group_session_date_moved ON group_sessions`);
    await db.query(`DROP FUNCTION group_session_date_moved()`);
    await db.query(`DROP TRIGGER attendance_session_date ON attendance`);
    await db.query(`DROP FUNCTION attendance_session_date()`);
    await db.query(`ALTER TABLE attendance DROP COLUMN session_date`);
  }
}
