import { MigrationInterface, QueryRunner } from 'typeorm';

/** Recovery goals with progress notes, and BARC-10 recovery-capital assessments. */
export class Recovery1764662400000 implements MigrationInterface {
  name = 'Recovery1764662400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        domain text NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        target_date date,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),
        achieved_at timestamptz(3),
        created_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX goals_client ON goals (client_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE goal_progress_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX goal_progress_notes_goal ON goal_progress_notes (goal_id, created_at)`);
    await db.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        instrument text NOT NULL CHECK (instrument IN ('barc10')),
        items smallint[] NOT NULL CHECK (array_length(items, 1) = 10 AND 1 <= ALL(items) AND 6 >= ALL(items)),
        total smallint NOT NULL CHECK (total BETWEEN 10 AND 60),
        taken_at timestamptz(3) NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX assessments_client ON assessments (client_id, taken_at DESC)`);
    for (const table of ['goals', 'goal_progress_notes', 'assessments']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['assessments', 'goal_progress_notes', 'goals'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
