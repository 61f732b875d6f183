import { CASELOAD_CSV_COLUMNS } from '../src/reports/reports.controller';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

/**
 * A fixed fixture in a program of its own, so every figure can be worked out by hand:
 * clients A, B, C, D active (D new 5 days ago), E discharged 6 days ago; period = last 28 days.
 */
describe('caseload report', () => {
  let t: TestApp;
  let manager: Staff;
  let peer: Staff;
  let fixturePeer: Staff;
  let programId: string;
  let peerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.signIn('admin@demo.test');
    manager = await t.signIn('manager@demo.test');
    peer = await t.signIn('peer@demo.test');
    programId = (await admin.post('/api/programs', { name: 'Report Fixture Program' })).body.id;
    const password = 'quiet-harbor-lantern-58';
    peerId = (
      await admin.post('/api/users', {
        email: 'fixture.peer@demo.test',
        name: 'Fixture Peer (test)',
        role: 'peer',
        programIds: [programId],
        password,
      })
    ).body.id;
    const me = await admin.get(`/api/users/${manager.user?.id}`);
    await admin.patch(`/api/users/${manager.user?.id}`, {
      version: me.body.version,
      programIds: [...me.body.programIds, programId],
    });
    manager = await t.signIn('manager@demo.test');
    fixturePeer = await t.signIn('fixture.peer@demo.test', password);
    // An account an admin created first chooses its own password; until then it may do nothing else.
    const chosen = await fixturePeer.post('/api/auth/change-password', {
      currentPassword: password,
      newPassword: 'fixture peer chose this passphrase',
    });
    expect(chosen.status).toBe(200);
    await build(t, fixturePeer.user?.organizationId as string);
  });
  afterAll(() => t.close());

  async function build(app: TestApp, org: string) {
    const q = (sql: string, params: unknown[]) => app.owner.query(sql, params);
    await q(`UPDATE programs SET caseload_limit = 8 WHERE id = $1`, [programId]);
    const client = async (name: string, status = 'active') =>
      (
        await q(
          `INSERT INTO clients (organization_id, program_id, primary_peer_id, first_name, last_name, date_of_birth, name_key, status, discharged_at)
           VALUES ($1, $2, $3, $4, 'Fixture', '1990-01-01', lower($4) || ' fixture', $5, CASE WHEN $5 = 'discharged' THEN now() - interval '6 days' END)
           RETURNING id`,
          [org, programId, peerId, name, status],
        )
      ).rows[0].id as string;
    const [a, b, c, d, e] = [
      await client('A'),
      await client('B'),
      await client('C'),
      await client('D'),
      await client('E', 'discharged'),
    ];
    for (const [id, days] of [
      [a, 100],
      [b, 100],
      [c, 100],
      [d, 5],
      [e, 100],
    ] as const) {
      await q(
        `INSERT INTO client_assignments (organization_id, client_id, peer_id, started_at) VALUES ($1, $2, $3, $4)`,
        [org, id, peerId, ago(days)],
      );
    }
    await q(
      `INSERT INTO client_status_events (organization_id, client_id, status, at) VALUES ($1, $2, 'discharged', $3)`,
      [org, e, ago(6)],
    );
    const contact = (clientId: string, days: number, minutes: number, units: number, successful = true) =>
      q(
        `INSERT INTO contacts (organization_id, client_id, author_id, occurred_at, duration_minutes, modality, contact_type, successful, billing_units, signed_at)
         VALUES ($1, $2, $3, $4, $5, 'phone', $6, $7, $8, now())`,
        [
          org,
          clientId,
          peerId,
          ago(days),
          minutes,
          successful ? 'check_in' : 'outreach_attempt',
          successful,
          units,
        ],
      );
    await contact(a, 1, 30, 2);
    await contact(b, 3, 60, 4);
    await contact(c, 20, 15, 1);
    await contact(d, 2, 5, 0, false);
    await contact(a, 40, 60, 4);
    const referral = (status: string, updatedDaysAgo: number, followUp: Date | null) =>
      q(
        `INSERT INTO referrals (organization_id, client_id, outside_organization, need, status, follow_up_on, created_by, updated_at)
         VALUES ($1, $2, 'Fixture Org', 'food', $3, $4, $5, $6)`,
        [org, a, status, followUp, peerId, ago(updatedDaysAgo)],
      );
    await referral('completed', 2, null);
    await referral('declined', 4, null);
    await referral('sent', 10, ago(3));
    const group = (
      await q(
        `INSERT INTO groups (organization_id, program_id, name, type, schedule) VALUES ($1, $2, 'Fixture Group', 'peer_led', 'Mondays 5 pm') RETURNING id`,
        [org, programId],
      )
    ).rows[0].id;
    await q(`INSERT INTO group_facilitators (organization_id, group_id, user_id) VALUES ($1, $2, $3)`, [
      org,
      group,
      peerId,
    ]);
    const session = (
      await q(
        `INSERT INTO group_sessions (organization_id, group_id, date, start_time, duration_minutes, topic, created_by, facilitator_id)
         VALUES ($1, $2, (now() - interval '7 days')::date, '17:00', 60, 'Fixture', $3, $3) RETURNING id`,
        [org, group, peerId],
      )
    ).rows[0].id;
    for (const [id, status] of [
      [a, 'present'],
      [b, 'late'],
      [c, 'absent'],
    ]) {
      await q(
        `INSERT INTO attendance (organization_id, session_id, client_id, status, recorded_by) VALUES ($1, $2, $3, $4, $5)`,
        [org, session, id, status, peerId],
      );
    }
  }

  it('computes each figure as worked out by hand', async () => {
    const res = await manager.get(`/api/reports/caseloads?programId=${programId}`);
    expect(res.status).toBe(200);
    expect(res.body.weeks).toBe(4);
    expect(res.body.peers).toHaveLength(1);
    expect(res.body.peers[0]).toMatchObject({
      peerId,
      activeClients: 4,
      newClients: 1,
      dischargedClients: 1,
      successfulContactsPerWeek: 0.75, // 3 successful contacts in 4 weeks
      contactedLast14DaysShare: 0.5, // A and B of 4
      overdueClients: 2, // C (20 days) and D (never reached)
      openReferrals: 1,
      overdueReferrals: 1,
      referralCompletionRate: 0.5, // completed 1 of 2 closed
      groupAttendanceRate: 0.67, // present + late, 2 of 3
      h0038UnitsPerWeek: 1.75, // 2 + 4 + 1 + 0 units in 4 weeks
      h0038HqUnitsPerWeek: 2, // 2 attendees x floor((60 + 7) / 15) = 8 units in 4 weeks
      caseloadLimit: 8,
      caseloadRatio: 0.5,
    });
    expect(res.body.peers[0].contactsByWeek).toHaveLength(12);
    expect(res.body.referralOutcomes).toMatchObject({ completed: 1, declined: 1 });
  });

  it('counts from the exact start of the period, not from that day’s midnight', async () => {
    const from = new Date(Date.now() - 27 * DAY);
    from.setUTCHours(6, 0, 0, 0);
    const before = new Date(from.getTime() - 3 * 3600_000);
    const org = fixturePeer.user?.organizationId;
    const a = (
      await t.owner.query(`SELECT id FROM clients WHERE first_name = 'A' AND program_id = $1`, [programId])
    ).rows[0].id;
    await t.owner.query(
      `INSERT INTO referrals (organization_id, client_id, outside_organization, need, status, created_by, updated_at)
       VALUES ($1, $2, 'Boundary Org', 'food', 'completed', $3, $4)`,
      [org, a, peerId, before],
    );
    const res = await manager.get(`/api/reports/caseloads?programId=${programId}&from=${from.toISOString()}`);
    expect(res.body.peers[0].referralCompletionRate).toBe(0.5);
    expect(res.body.referralOutcomes.completed).toBe(1);
    await t.owner.query(`DELETE FROM referrals WHERE outside_organization = 'Boundary Org'`);
  });

  it('exports exactly the JSON figures as CSV', async () => {
    const json = await manager.get(`/api/reports/caseloads?programId=${programId}`);
    const csv = await manager.get(`/api/reports/caseloads.csv?programId=${programId}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, row] = csv.text.trim().split('\n');
    expect(header.split(',')).toEqual([...CASELOAD_CSV_COLUMNS]);
    const values = row.split(',');
    CASELOAD_CSV_COLUMNS.forEach((column, i) =>
      expect(values[i]).toBe(String(json.body.peers[0][column] ?? '')),
    );
  });

  it('gives a peer their own figures only, and refuses clinicians and admins', async () => {
    const mine = await fixturePeer.get('/api/reports/caseloads');
    expect(mine.body.peers.map((p: { peerId: string }) => p.peerId)).toEqual([peerId]);
    const other = await peer.get('/api/reports/caseloads');
    expect(other.body.peers.map((p: { peerId: string }) => p.peerId)).toEqual([peer.user?.id]);
    const clinician = await t.signIn('clinician@demo.test');
    expect((await clinician.get('/api/reports/caseloads')).status).toBe(403);
    expect((await (await t.signIn('admin@demo.test')).get('/api/reports/caseloads')).status).toBe(403);
    expect(
      (await (await t.signIn('manager@other.test')).get(`/api/reports/caseloads?programId=${programId}`)).body
        .peers,
    ).toEqual([]);
    expect((await manager.get('/api/reports/caseloads?from=2026-12-01&to=2026-01-01')).status).toBe(400);
  });
});
