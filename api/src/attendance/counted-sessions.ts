import { attendanceRates, AttendanceRates, AttendanceStatus } from '@peerpath/contracts';
import { EntityManager } from 'typeorm';

/** One session that counts toward a client's rates, newest first per client. */
export interface CountedSession {
  client_id: string;
  session_id: string;
  group_id: string;
  date: string;
  duration_minutes: number;
  status: AttendanceStatus;
  minutes_attended: number | null;
}

/** How far back rates and runs of absences look. */
export const LOOKBACK_DAYS = 364;

/**
 * The groups' sessions in the lookback are chosen first (materialized, so the planner cannot
 * probe every session of the organization before filtering), then each one's "taken at" is read
 * from its own attendance rows; only the asked-for clients' rows are read (the filter sits in
 * both branches, where an index can use it).
 */
const sql = (groups: string, clients: (alias: string) => string) => `
  WITH sessions AS MATERIALIZED (
    SELECT s.id, s.group_id, s.date, s.start_time, s.duration_minutes
      FROM group_sessions s
     WHERE s.date <= $2::date AND s.date > $2::date - ${LOOKBACK_DAYS} AND s.group_id IN (${groups})
  ),
  taken AS (
    SELECT s.id, s.group_id, s.date, s.start_time, s.duration_minutes, m.taken_at
      FROM sessions s
     CROSS JOIN LATERAL (SELECT min(a.recorded_at) AS taken_at FROM attendance a WHERE a.session_id = s.id) m
     WHERE m.taken_at IS NOT NULL
  )
  SELECT x.client_id, t.id AS session_id, t.group_id, to_char(t.date, 'YYYY-MM-DD') AS date,
         t.duration_minutes, x.status, x.minutes_attended
    FROM taken t
    CROSS JOIN LATERAL (
      SELECT a.client_id, a.status, a.minutes_attended FROM attendance a WHERE a.session_id = t.id AND ${clients('a')}
      UNION ALL
      SELECT r.client_id, 'absent', NULL::int FROM group_roster r
       WHERE r.group_id = t.group_id AND ${clients('r')} AND r.added_at <= t.taken_at
         AND (r.removed_at IS NULL OR r.removed_at > t.taken_at)
         AND NOT EXISTS (SELECT 1 FROM attendance o WHERE o.session_id = t.id AND o.client_id = r.client_id)
    ) x
   ORDER BY x.client_id, t.date DESC, t.start_time DESC, t.id DESC`;

const BY_CLIENTS = sql(
  `SELECT group_id FROM group_roster WHERE client_id = ANY($1::uuid[])
   UNION SELECT gs.group_id FROM attendance ga JOIN group_sessions gs ON gs.id = ga.session_id
    WHERE ga.client_id = ANY($1::uuid[]) AND gs.date <= $2::date AND gs.date > $2::date - ${LOOKBACK_DAYS}`,
  (alias) => `${alias}.client_id = ANY($1::uuid[])`,
);
const BY_GROUP = sql(`$1::uuid`, () => `true`);

/**
 * The sessions that count toward attendance rates (up to `today`, within the lookback): those with
 * attendance taken where the client has a status, or was on the roster when it was taken but was
 * left out, which counts as absent.
 */
export async function countedSessions(
  db: EntityManager,
  by: { clientIds: string[] } | { groupId: string },
  today: string,
): Promise<CountedSession[]> {
  if ('clientIds' in by) {
    if (!by.clientIds.length) return [];
    return (await db.query(BY_CLIENTS, [by.clientIds, today])) as CountedSession[];
  }
  return (await db.query(BY_GROUP, [by.groupId, today])) as CountedSession[];
}

export function ratesByClient(rows: CountedSession[], today: string): Map<string, AttendanceRates> {
  const byClient = new Map<string, CountedSession[]>();
  for (const row of rows) {
    const own = byClient.get(row.client_id) ?? [];
    own.push(row);
    byClient.set(row.client_id, own);
  }
  return new Map([...byClient].map(([id, own]) => [id, attendanceRates(own, today)]));
}
