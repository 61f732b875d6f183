import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * My caseload answers "missed the last two groups" from each client's own rows: their attendance
 * read from the index alone (status and organization included, as row-level security filters on
 * it), and when each roster session was taken (recorded_at) read from the session's index entries,
 * never the attendance table's heap. Same keys as before, so every other reader keeps its plan.
 */
export class CaseloadAttendanceIndexes1766000000000 implements MigrationInterface {
  name = 'CaseloadAttendanceIndexes1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX attendance_client`);
    await db.query(
      `CREATE INDEX attendance_client ON attendance (client_id, session_id) INCLUDE (status, organization_id)`,
    );
    await db.query(`DROP INDEX attendance_session_cover`);
    await db.query(
      `CREATE INDEX attendance_session_cover ON attendance (session_id, client_id) INCLUDE (status, organization_id, recorded_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX attendance_session_cover`);
    await db.query(
      `CREATE INDEX attendance_session_cover ON attendance (session_id, client_id) INCLUDE (status, organization_id)`,
    );
    await db.query(`DROP INDEX attendance_client`);
    await db.query(`CREATE INDEX attendance_client ON attendance (client_id, session_id)`);
  }
}
