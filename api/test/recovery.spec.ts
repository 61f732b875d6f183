import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('recovery goals, BARC-10 and the outcomes report', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let clinician: Staff;
  let manager: Staff;
  let admin: Staff;
  let otherPeer: Staff;
  let client: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, clinician, manager, admin, otherPeer] = await Promise.all(
      [
        'peer@demo.test',
        'peer2@demo.test',
        'clinician@demo.test',
        'manager@demo.test',
        'admin@demo.test',
        'peer@other.test',
      ].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
        peer.user?.id,
      ])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  it('lets the peer set a goal, note progress and mark it achieved; others read or are refused', async () => {
    const created = await peer.post(`/api/clients/${client}/goals`, {
      domain: 'housing',
      description: 'Sign a lease (test)',
      targetDate: '2027-03-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', domain: 'housing', version: 1 });
    const done = await peer.patch(`/api/goals/${created.body.id}`, {
      version: 1,
      status: 'achieved',
      progressNote: 'Keys handed over (test).',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'achieved', achievedAt: expect.any(String) });
    expect(done.body.progressNotes).toEqual([
      expect.objectContaining({ text: 'Keys handed over (test).', authorId: peer.user?.id }),
    ]);
    expect(
      (await peer.patch(`/api/goals/${created.body.id}`, { version: 1, description: 'stale' })).status,
    ).toBe(409);
    expect((await clinician.get(`/api/clients/${client}/goals`)).status).toBe(200);
    expect(
      (await clinician.post(`/api/clients/${client}/goals`, { domain: 'housing', description: 'x' })).status,
    ).toBe(403);
    expect((await admin.get(`/api/clients/${client}/goals`)).status).toBe(403);
    expect((await peer2.get(`/api/clients/${client}/goals`)).status).toBe(404);
    expect(
      (await otherPeer.patch(`/api/goals/${created.body.id}`, { version: 2, description: 'x' })).status,
    ).toBe(404);
    expect(
      (await peer.post(`/api/clients/${client}/goals`, { domain: 'astrology', description: 'x' })).status,
    ).toBe(400);
  });

  it('answers a BARC-10 with its total and keeps the history; bad answers are 400 and stored nowhere', async () => {
    const res = await peer.post(`/api/clients/${client}/assessments`, {
      instrument: 'barc10',
      items: [1, 2, 3, 4, 5, 6, 6, 5, 4, 3],
    });
    expect(res.status).toBe(201);
    expect(res.body.total).toBe(39);
    const before = (
      await t.owner.query(`SELECT count(*)::int AS n FROM assessments WHERE client_id = $1`, [client])
    ).rows[0].n;
    for (const body of [
      { instrument: 'barc10', items: [3, 3, 3, 3, 3, 3, 3, 3, 3] },
      { instrument: 'barc10', items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 7] },
      { instrument: 'barc10', items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 0] },
      { instrument: 'phq9', items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
      { instrument: 'barc10', items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], total: 60 },
    ]) {
      const bad = await peer.post(`/api/clients/${client}/assessments`, body);
      expect(bad.status).toBe(400);
      expect(isProblem(bad)).toBe(true);
    }
    expect(
      (await t.owner.query(`SELECT count(*)::int AS n FROM assessments WHERE client_id = $1`, [client]))
        .rows[0].n,
    ).toBe(before);
    const list = await manager.get(`/api/clients/${client}/assessments`);
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ total: 39, instrument: 'barc10' });
    expect(
      (
        await manager.post(`/api/clients/${client}/assessments`, {
          instrument: 'barc10',
          items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
        })
      ).status,
    ).toBe(403);
  });

  it('puts goals, BARC-10s and referral moves on the client timeline, newest first', async () => {
    const c = (
      await t.owner.query(
        `SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key DESC LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    const goal = (
      await peer.post(`/api/clients/${c}/goals`, {
        domain: 'employment',
        description: 'Timeline goal (test)',
      })
    ).body;
    await peer.patch(`/api/goals/${goal.id}`, { version: goal.version, status: 'achieved' });
    await peer.post(`/api/clients/${c}/assessments`, {
      instrument: 'barc10',
      items: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    });
    await peer.post(`/api/clients/${c}/referrals`, {
      outsideOrganization: 'Timeline Pantry (fake)',
      need: 'food',
    });
    const res = await clinician.get(`/api/clients/${c}/timeline?limit=10`);
    expect(res.status).toBe(200);
    const kinds = res.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['goal', 'goal_achieved', 'assessment', 'referral']));
    expect(res.body.items.find((e: { kind: string }) => e.kind === 'assessment').detail).toBe('40 of 60');
    expect(res.body.items.find((e: { kind: string }) => e.kind === 'referral').detail).toContain(
      'Timeline Pantry (fake)',
    );
    const times = res.body.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const attended = (
      await t.owner.query(
        `SELECT t.client_id, g.name FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN groups g ON g.id = s.group_id
          JOIN clients c ON c.id = t.client_id WHERE c.primary_peer_id = $1 LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0];
    const all = await peer.get(`/api/clients/${attended.client_id}/timeline?limit=100`);
    const session = all.body.items.find((e: { kind: string }) => e.kind === 'attendance');
    expect(session).toMatchObject({
      title: expect.stringMatching(/^Group session: /),
      detail: attended.name,
    });
  });

  it('reports goals achieved, BARC-10 change and retention as worked out by hand', async () => {
    const admin2 = admin;
    const programId = (await admin2.post('/api/programs', { name: 'Outcomes Fixture' })).body.id;
    const me = await admin2.get(`/api/users/${manager.user?.id}`);
    await admin2.patch(`/api/users/${manager.user?.id}`, {
      version: me.body.version,
      programIds: [...me.body.programIds, programId],
    });
    const mgr = await t.signIn('manager@demo.test');
    const org = peer.user?.organizationId;
    const q = (sql: string, p: unknown[]) => t.owner.query(sql, p);
    const mk = async (name: string, createdDaysAgo: number, dischargedDaysAgo: number | null) =>
      (
        await q(
          `INSERT INTO clients (organization_id, program_id, primary_peer_id, first_name, last_name, date_of_birth, name_key, status, discharged_at, created_at)
           VALUES ($1, $2, $3, $4, 'Outcome', '1990-01-01', lower($4), $5, $6, $7) RETURNING id`,
          [
            org,
            programId,
            dischargedDaysAgo === null ? peer.user?.id : null,
            name,
            dischargedDaysAgo === null ? 'active' : 'discharged',
            dischargedDaysAgo === null ? null : new Date(Date.now() - dischargedDaysAgo * 86_400_000),
            new Date(Date.now() - createdDaysAgo * 86_400_000),
          ],
        )
      ).rows[0].id as string;
    const x = await mk('X', 200, null);
    const y = await mk('Y', 200, 30); // active at the start of the 90 days, discharged within them
    await mk('Z', 10, null); // enrolled within the period: not counted for retention
    const goal = (clientId: string, status: string, achievedDaysAgo: number | null) =>
      q(
        `INSERT INTO goals (organization_id, client_id, domain, description, status, achieved_at, created_by) VALUES ($1, $2, 'housing', 'g', $3, $4, $5)`,
        [
          org,
          clientId,
          status,
          achievedDaysAgo === null ? null : new Date(Date.now() - achievedDaysAgo * 86_400_000),
          peer.user?.id,
        ],
      );
    await goal(x, 'achieved', 5);
    await goal(x, 'achieved', 200); // achieved before the period
    await goal(y, 'active', null);
    const barc = (clientId: string, total: number, daysAgo: number) =>
      q(
        `INSERT INTO assessments (organization_id, client_id, instrument, items, total, taken_at, recorded_by) VALUES ($1, $2, 'barc10', $3, $4, $5, $6)`,
        [
          org,
          clientId,
          Array(10).fill(Math.round(total / 10)),
          total,
          new Date(Date.now() - daysAgo * 86_400_000),
          peer.user?.id,
        ],
      );
    await barc(x, 20, 100);
    await barc(x, 40, 5);
    await barc(y, 30, 100);
    await barc(y, 36, 40);
    const res = await mgr.get(`/api/reports/outcomes?programId=${programId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      goalsAchieved: 1,
      goalsActive: 1,
      barc10: { clients: 2, meanFirst: 25, meanLatest: 38, meanChange: 13 },
      retention: { activeAtStart: 2, stillActive: 1, rate: 0.5 },
    });
    expect((await clinician.get('/api/reports/outcomes')).status).toBe(403);
  });
});
