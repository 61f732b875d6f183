import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'groups',
  'group_facilitators',
  'group_roster',
  'group_sessions',
  'attendance',
  'community_meetings',
];

/** Recovery groups with facilitators and roster history, sessions, attendance, community meetings. */
export class Groups1764489600000 implements MigrationInterface {
  name = 'Groups1764489600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        program_id uuid NOT NULL REFERENCES programs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        type text NOT NULL CHECK (type IN ('aa', 'na', 'smart', 'celebrate_recovery', 'peer_led', 'family', 'other')),
        schedule text NOT NULL CHECK (length(schedule) BETWEEN 1 AND 300),
        location text,
        video_link text,
        capacity integer CHECK (capacity BETWEEN 1 AND 500),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX groups_program_name ON groups (organization_id, program_id, name, id)`);

    await db.query(`
      CREATE TABLE group_facilitators (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        group_id uuid NOT NULL REFERENCES groups(id),
        user_id uuid NOT NULL REFERENCES users(id),
        position smallint NOT NULL DEFAULT 0,
        PRIMARY KEY (group_id, user_id)
      )`);
    await db.query(`CREATE INDEX group_facilitators_user ON group_facilitators (user_id, group_id)`);

    // Roster history: removal closes a row, re-adding opens a new one; one open row per client.
    await db.query(`
      CREATE TABLE group_roster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        group_id uuid NOT NULL REFERENCES groups(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        added_at timestamptz(3) NOT NULL DEFAULT now(),
        added_by uuid REFERENCES users(id),
        removed_at timestamptz(3),
        removed_by uuid REFERENCES users(id),
        CHECK (removed_at IS NULL OR removed_at >= added_at)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX group_roster_current ON group_roster (group_id, client_id) WHERE removed_at IS NULL`,
    );
    await db.query(`CREATE INDEX group_roster_client ON group_roster (client_id, group_id)`);
    await db.query(`CREATE INDEX group_roster_group ON group_roster (group_id, added_at)`);

    await db.query(`
      CREATE TABLE group_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        group_id uuid NOT NULL REFERENCES groups(id),
        date date NOT NULL,
        start_time time(0) NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        topic text NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX group_sessions_slot ON group_sessions (group_id, date, start_time)`);

    await db.query(`
      CREATE TABLE attendance (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        session_id uuid NOT NULL REFERENCES group_sessions(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        status text NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, client_id)
      )`);
    await db.query(`CREATE INDEX attendance_client ON attendance (client_id, session_id)`);

    await db.query(`
      CREATE TABLE community_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        contact_id uuid REFERENCES contacts(id),
        meeting_type text NOT NULL CHECK (meeting_type IN ('aa', 'na', 'smart', 'celebrate_recovery', 'other')),
        date date NOT NULL,
        name_or_place text CHECK (length(name_or_place) <= 200),
        verification text NOT NULL DEFAULT 'self_reported' CHECK (verification IN ('self_reported', 'verified')),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX community_meetings_client ON community_meetings (client_id, date DESC, id DESC)`,
    );

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
