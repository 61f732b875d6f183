import { CONTACTS_BY_WEEK, PEER_FIGURES } from '../src/reports/caseload-report.service';
import { OUTCOMES_BARC10 } from '../src/reports/outcomes-report.service';
import { countedSessions, ratesByClient } from '../src/attendance/counted-sessions';
import { missedLastTwo } from '../src/caseload/caseload.service';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

/** The per-peer correlated form the caseload report used before the grouped rewrite (issue 12). */
const OLD_PEER_FIGURES = `
  WITH peers AS (
    SELECT DISTINCT u.id, u.name,
           (SELECT min(p.caseload_limit) FROM programs p JOIN program_memberships pm ON pm.program_id = p.id
             WHERE pm.user_id = u.id AND p.id = ANY($1::uuid[])) AS caseload_limit
      FROM users u JOIN program_memberships m ON m.user_id = u.id
     WHERE u.role = 'peer' AND m.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR u.id = $2)
  ),
  active AS (
    SELECT c.id, c.primary_peer_id,
           (SELECT max(k.occurred_at) FROM contacts k WHERE k.client_id = c.id AND k.successful) AS last_contact,
           p.overdue_contact_days
      FROM clients c JOIN programs p ON p.id = c.program_id
     WHERE c.status = 'active' AND c.primary_peer_id IN (SELECT id FROM peers)
  )
  SELECT p.id, p.name, coalesce(p.caseload_limit, 25) AS caseload_limit,
    (SELECT count(*)::int FROM active a WHERE a.primary_peer_id = p.id) AS active,
    (SELECT count(DISTINCT x.client_id)::int FROM client_assignments x
      WHERE x.peer_id = p.id AND x.started_at >= $3::timestamptz AND x.started_at < $4::timestamptz) AS new_clients,
    (SELECT count(*)::int FROM client_status_events e JOIN clients c ON c.id = e.client_id
      WHERE c.primary_peer_id = p.id AND e.status = 'discharged' AND e.at >= $3::timestamptz AND e.at < $4::timestamptz) AS discharged,
    (SELECT count(*)::int FROM contacts k
      WHERE k.author_id = p.id AND k.successful AND k.occurred_at >= $3::timestamptz AND k.occurred_at < $4::timestamptz) AS successful_contacts,
    (SELECT count(*)::int FROM active a
      WHERE a.primary_peer_id = p.id AND a.last_contact >= $4::timestamptz - interval '14 days') AS contacted_14,
    (SELECT count(*)::int FROM active a WHERE a.primary_peer_id = p.id
        AND (a.last_contact IS NULL OR a.last_contact < $4::timestamptz - make_interval(days => a.overdue_contact_days))) AS overdue,
    (SELECT count(*)::int FROM referrals r JOIN active a ON a.id = r.client_id
      WHERE a.primary_peer_id = p.id AND r.status IN ('draft', 'sent', 'accepted')) AS open_referrals,
    (SELECT count(*)::int FROM referrals r JOIN active a ON a.id = r.client_id
      WHERE a.primary_peer_id = p.id AND r.status IN ('sent', 'accepted') AND r.follow_up_on < $6::date - 1) AS overdue_referrals,
    (SELECT count(*)::int FROM referrals r JOIN clients c ON c.id = r.client_id
      WHERE c.primary_peer_id = p.id AND r.status = 'completed' AND r.updated_at >= $3::timestamptz AND r.updated_at < $4::timestamptz) AS completed_referrals,
    (SELECT count(*)::int FROM referrals r JOIN clients c ON c.id = r.client_id
      WHERE c.primary_peer_id = p.id AND r.status IN ('completed', 'declined', 'no_show', 'cancelled')
        AND r.updated_at >= $3::timestamptz AND r.updated_at < $4::timestamptz) AS closed_referrals,
    (SELECT count(*)::int FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN clients c ON c.id = t.client_id
      WHERE c.primary_peer_id = p.id AND t.status IN ('present', 'late') AND s.date >= $5::date AND s.date < $6::date) AS attended,
    (SELECT count(*)::int FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN clients c ON c.id = t.client_id
      WHERE c.primary_peer_id = p.id AND s.date >= $5::date AND s.date < $6::date) AS recorded
  FROM peers p
  ORDER BY p.name`;

const OLD_CONTACTS_BY_WEEK = `
  SELECT p.peer_id, to_char(w.start, 'YYYY-MM-DD') AS week_start,
         (SELECT count(*)::int FROM contacts k
           WHERE k.author_id = p.peer_id AND k.successful AND k.occurred_at >= w.start AND k.occurred_at < w.start + interval '7 days') AS n
    FROM unnest($1::uuid[]) AS p(peer_id)
   CROSS JOIN generate_series($2::timestamptz - interval '84 days', $2::timestamptz - interval '7 days', interval '7 days') AS w(start)
   ORDER BY p.peer_id, w.start`;

const OLD_BARC10 = `
  WITH ranked AS (
    SELECT a.client_id, a.total,
           row_number() OVER (PARTITION BY a.client_id ORDER BY a.taken_at) AS first_rank,
           row_number() OVER (PARTITION BY a.client_id ORDER BY a.taken_at DESC) AS latest_rank,
           count(*) OVER (PARTITION BY a.client_id) AS n
      FROM assessments a JOIN clients c ON c.id = a.client_id
     WHERE c.program_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.primary_peer_id = $2)
       AND a.taken_at < $4::timestamptz AND $3::timestamptz IS NOT NULL
  )
  SELECT count(DISTINCT client_id)::int AS clients,
         avg(total) FILTER (WHERE first_rank = 1)::float AS mean_first,
         avg(total) FILTER (WHERE latest_rank = 1)::float AS mean_latest
    FROM ranked WHERE n >= 2`;

const OLD_TAKEN_AT = `
  SELECT s.id, min(a.recorded_at) AS taken_at FROM group_sessions s JOIN attendance a ON a.session_id = s.id
   GROUP BY s.id ORDER BY s.id`;
const NEW_TAKEN_AT = `
  SELECT s.id, m.taken_at FROM group_sessions s
   CROSS JOIN LATERAL (SELECT min(a.recorded_at) AS taken_at FROM attendance a WHERE a.session_id = s.id) m
   WHERE m.taken_at IS NOT NULL ORDER BY s.id`;

/** The rewritten report queries give the rows the old ones gave, on the demo data. */
describe('report rewrites keep their results', () => {
  let t: TestApp;
  let programs: string[];
  let peers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    programs = (await t.owner.query(`SELECT array_agg(id) AS ids FROM programs`)).rows[0].ids;
    peers = (await t.owner.query(`SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'peer'`))
      .rows[0].ids;
  });
  afterAll(() => t.close());

  const periods = () => {
    const now = Date.now();
    return [
      [new Date(now - 28 * DAY), new Date(now)],
      [new Date(now - 90 * DAY), new Date(now)],
      [new Date(now - 365 * DAY), new Date(now - 3 * DAY)],
    ];
  };
  const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'America/New_York' });

  it('caseload report: per-peer figures, for the whole org and for one peer', async () => {
    for (const [from, to] of periods())
      for (const peerId of [null, peers[0]]) {
        const params = [programs, peerId, from, to, day(from), day(to)];
        const old = (await t.owner.query(OLD_PEER_FIGURES, params)).rows;
        const now = (await t.owner.query(PEER_FIGURES, params)).rows;
        expect(old.length).toBeGreaterThan(0);
        expect(now).toEqual(old);
      }
  });

  it('caseload report: the weekly trend', async () => {
    for (const [, to] of periods()) {
      const old = (await t.owner.query(OLD_CONTACTS_BY_WEEK, [peers, to])).rows;
      const now = (await t.owner.query(CONTACTS_BY_WEEK, [peers, to])).rows;
      expect(old.length).toBe(peers.length * 12);
      expect(old.some((r) => r.n > 0)).toBe(true);
      expect(now).toEqual(old);
    }
  });

  it('outcomes report: first and latest BARC-10', async () => {
    for (const [from, to] of periods())
      for (const peerId of [null, peers[0]]) {
        const params = [programs, peerId, from, to];
        const old = (await t.owner.query(OLD_BARC10, params)).rows;
        const now = (await t.owner.query(OUTCOMES_BARC10, params)).rows;
        expect(now).toEqual(old);
      }
  });

  it('attendance: when each session was taken, and the sessions that count', async () => {
    expect((await t.owner.query(NEW_TAKEN_AT)).rows).toEqual((await t.owner.query(OLD_TAKEN_AT)).rows);
    const clients = (await t.owner.query(`SELECT array_agg(client_id) AS ids FROM group_roster`)).rows[0].ids;
    const rows = await countedSessions(
      { query: (sql: string, params: unknown[]) => t.owner.query(sql, params).then((r) => r.rows) } as never,
      { clientIds: clients },
      day(new Date()),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('my caseload: missed the last two sessions, as the counted sessions say', async () => {
    // Absences and left-out clients mixed into the demo's attendance, undone at the end.
    await t.owner.query('BEGIN');
    try {
      await t.owner.query(`SET LOCAL session_replication_role = replica`);
      await t.owner.query(
        `UPDATE attendance SET status = 'absent' WHERE hashtext(session_id::text || client_id::text) % 3 = 0`,
      );
      await t.owner.query(
        `DELETE FROM attendance WHERE hashtext(client_id::text || session_id::text) % 5 = 0`,
      );
      const clients = (
        await t.owner.query(
          `SELECT array_agg(DISTINCT client_id ORDER BY client_id) AS ids
             FROM (SELECT client_id FROM group_roster UNION SELECT client_id FROM attendance) x`,
        )
      ).rows[0].ids as string[];
      for (const today of [day(new Date()), day(new Date(Date.now() - 30 * DAY))]) {
        const counted = await countedSessions(
          {
            query: (sql: string, params: unknown[]) => t.owner.query(sql, params).then((r) => r.rows),
          } as never,
          { clientIds: clients },
          today,
        );
        const rates = ratesByClient(counted, today);
        const old = clients.filter((id) => rates.get(id)?.missedLastTwoSessions ?? false);
        const now = (
          await t.owner.query(
            `SELECT c.id FROM clients c CROSS JOIN LATERAL (${missedLastTwo('$2')}) missed
              WHERE c.id = ANY($1::uuid[]) AND missed.two ORDER BY c.id`,
            [clients, today],
          )
        ).rows.map((r) => r.id);
        expect(old.length).toBeGreaterThan(0);
        expect(old.length).toBeLessThan(clients.length);
        expect(now).toEqual(old);
      }
    } finally {
      await t.owner.query('ROLLBACK');
    }
  });
});
