import { clinicDate } from './support/clinic-date';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const daysAgo = (n: number) => clinicDate(-n);

type Status = 'present' | 'late' | 'excused' | 'absent';

describe('attendance: taking it at the door, rates, H0038-HQ units, community meetings', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let otherPeer: Staff;
  let program: string;
  let group: string;
  /** Fresh clients, so every rate below is computed from this file's fixture alone. */
  let a: string;
  let b: string;
  let c: string;
  let walkIn: string;

  const client = async (staff: Staff, firstName: string, peerId?: string) => {
    const res = await staff.post('/api/clients', {
      firstName,
      lastName: 'Attendancetest',
      dateOfBirth: '1990-01-01',
      programId: program,
      ...(peerId ? { primaryPeerId: peerId } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const session = async (date: string, durationMinutes: number, startTime = '18:00') => {
    const res = await peer.post(`/api/groups/${group}/sessions`, { date, startTime, durationMinutes });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const rows = async (sessionId: string) =>
    (
      await t.owner.query(
        `SELECT client_id, status, recorded_at FROM attendance WHERE session_id = $1 ORDER BY client_id`,
        [sessionId],
      )
    ).rows as { client_id: string; status: Status; recorded_at: Date }[];
  let slot = 0;
  const take = (sessionId: string, body: unknown, staff = peer, headers: Record<string, string> = {}) =>
    staff.send('put', `/api/sessions/${sessionId}/attendance`, body, headers);

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, manager, clinician, otherPeer] = await Promise.all(
      [
        'peer@demo.test',
        'peer2@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'peer@other.test',
      ].map((e) => t.signIn(e)),
    );
    program = manager.user?.programIds[0] as string;
    a = await client(peer, 'Ada');
    b = await client(peer, 'Bea');
    c = await client(manager, 'Cy', peer2.user?.id);
    walkIn = await client(manager, 'Wes', peer2.user?.id);
    const created = await manager.post('/api/groups', {
      programId: program,
      name: 'Attendance fixture (test)',
      type: 'peer_led',
      facilitatorId: peer.user?.id,
      schedule: 'Mondays 18:00',
    });
    group = created.body.id;
    for (const id of [a, b, c]) {
      expect((await manager.post(`/api/groups/${group}/roster`, { clientId: id })).status).toBe(201);
    }
  });
  afterAll(() => t.close());

  describe('PUT /api/sessions/:id/attendance', () => {
    it('replaces the session’s attendance as a whole: a second PUT never duplicates', async () => {
      const s = await session(daysAgo(1), 60, '10:00');
      const first = await take(s, [
        { clientId: a, status: 'present' },
        { clientId: b, status: 'absent' },
      ]);
      expect(first.status).toBe(200);
      expect((await rows(s)).map((r) => [r.client_id, r.status])).toEqual(
        [
          [a, 'present'],
          [b, 'absent'],
        ].sort(),
      );
      const second = await take(s, [{ clientId: a, status: 'late' }]);
      expect(second.status).toBe(200);
      expect(
        second.body.items.map((i: { clientId: string; status: string }) => [i.clientId, i.status]),
      ).toEqual([[a, 'late']]);
      expect((await rows(s)).map((r) => [r.client_id, r.status])).toEqual([[a, 'late']]);
      expect(
        (
          await t.owner.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attendance.remove' AND client_id = $1 AND entity_id = $2`,
            [b, s],
          )
        ).rows[0].n,
      ).toBe(1);
    });

    it('stores each row with its session’s date, and moves the rows if the session’s date moves', async () => {
      const s = await session(daysAgo(9), 60, '11:00');
      expect((await take(s, [{ clientId: a, status: 'present' }])).status).toBe(200);
      const dates = async () =>
        (
          await t.owner.query(
            `SELECT to_char(session_date, 'YYYY-MM-DD') AS d FROM attendance WHERE session_id = $1`,
            [s],
          )
        ).rows.map((r: { d: string }) => r.d);
      expect(await dates()).toEqual([daysAgo(9)]);
      // Only a person with the database's owner account can move a session; the rows follow it.
      await t.owner.query(`UPDATE group_sessions SET date = date - 1 WHERE id = $1`, [s]);
      expect(await dates()).toEqual([daysAgo(10)]);
    });

    it('is idempotent: the same body twice leaves the same rows, and a repeated key the first answer', async () => {
      const s = await session(daysAgo(2), 45, '10:00');
      const body = [
        { clientId: a, status: 'present' },
        { clientId: c, status: 'excused' },
      ];
      const first = await take(s, body);
      const before = await rows(s);
      const again = await take(s, body);
      expect(again.status).toBe(200);
      expect(again.body.items).toEqual(first.body.items);
      expect(await rows(s)).toEqual(before);
      const key = `attendance-${Date.now()}`;
      const keyed = await take(s, [{ clientId: a, status: 'late' }], peer, { 'Idempotency-Key': key });
      const repeat = await take(s, [{ clientId: a, status: 'late' }], peer, { 'Idempotency-Key': key });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(keyed.body);
      expect((await rows(s)).map((r) => r.status)).toEqual(['late']);
    });

    it.each([
      ['an unknown status', [{ clientId: 'A', status: 'asleep' }], 'attendance.0.status'],
      ['a missing status', [{ clientId: 'A' }], 'attendance.0.status'],
      ['an unknown field', [{ clientId: 'A', status: 'present', note: 'x' }], 'attendance.0.note'],
      ['a client id that is not a uuid', [{ clientId: 'ada', status: 'present' }], 'attendance.0.clientId'],
      ['an object instead of a list', { clientId: 'A', status: 'present' }, 'attendance'],
      [
        'the same client twice',
        [
          { clientId: 'A', status: 'present' },
          { clientId: 'A', status: 'late' },
        ],
        'attendance.1.clientId',
      ],
    ])('answers 400 problem+json to %s and writes nothing', async (_what, raw, field) => {
      const s = await session(daysAgo(3), 60, `${String(slot++).padStart(2, '0')}:15`);
      await take(s, [{ clientId: b, status: 'present' }]);
      const body = JSON.parse(JSON.stringify(raw).replace(/"A"/g, JSON.stringify(a)));
      const res = await take(s, body);
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await rows(s)).map((r) => [r.client_id, r.status])).toEqual([[b, 'present']]);
    });

    it('adds a walk-in of the program to the roster, shown to the facilitator by display name', async () => {
      const s = await session(daysAgo(4), 60, '10:00');
      const res = await take(s, [
        { clientId: a, status: 'present' },
        { clientId: walkIn, status: 'present' },
      ]);
      expect(res.status).toBe(200);
      const shown = res.body.items.find((i: { clientId: string }) => i.clientId === walkIn);
      expect(shown).toEqual({
        clientId: walkIn,
        displayName: 'Wes A.',
        sessionId: s,
        status: 'present',
        minutesAttended: null,
        billingUnits: 4,
      });
      const roster = await t.owner.query(
        `SELECT added_by FROM group_roster WHERE group_id = $1 AND client_id = $2 AND removed_at IS NULL`,
        [group, walkIn],
      );
      expect(roster.rows).toEqual([{ added_by: peer.user?.id }]);
      expect(
        (await peer.get(`/api/groups/${group}/roster`)).body.map((e: { clientId: string }) => e.clientId),
      ).toContain(walkIn);
    });

    it('answers 404 for a client of another program or organization, writing nothing', async () => {
      const s = await session(daysAgo(5), 60, '10:00');
      await take(s, [{ clientId: a, status: 'present' }]);
      const [{ id: otherProgram }] = (
        await t.owner.query(
          `INSERT INTO programs (organization_id, name) SELECT organization_id, 'Other program (test)' FROM programs WHERE id = $1 RETURNING id`,
          [program],
        )
      ).rows;
      const [{ id: outsider }] = (
        await t.owner.query(
          `INSERT INTO clients (organization_id, program_id, primary_peer_id, first_name, last_name, date_of_birth, name_key)
           SELECT organization_id, $1, $2, 'Out', 'Sider', '1980-01-01', 'out sider' FROM programs WHERE id = $1 RETURNING id`,
          [otherProgram, peer.user?.id],
        )
      ).rows;
      const foreign = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [otherPeer.user?.id])
      ).rows[0].id;
      for (const stranger of [outsider, foreign]) {
        const res = await take(s, [
          { clientId: b, status: 'present' },
          { clientId: stranger, status: 'present' },
        ]);
        expect(res.status).toBe(404);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'attendance.1.clientId' })]);
        expect((await rows(s)).map((r) => [r.client_id, r.status])).toEqual([[a, 'present']]);
        expect(
          (
            await t.owner.query(
              `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND outcome = 'denied'`,
              [stranger],
            )
          ).rows[0].n,
        ).toBe(1);
      }
      expect((await take(s, [{ clientId: a, status: 'late' }], otherPeer)).status).toBe(404);
      expect((await otherPeer.get(`/api/sessions/${s}/attendance`)).status).toBe(404);
    });

    it('refuses a peer who does not facilitate the group (403), and clinicians (403)', async () => {
      const s = await session(daysAgo(6), 60, '10:00');
      const res = await take(s, [{ clientId: c, status: 'present' }], peer2);
      expect(res.status).toBe(403);
      expect(await rows(s)).toEqual([]);
      expect((await take(s, [{ clientId: c, status: 'present' }], clinician)).status).toBe(403);
      expect((await take(s, [{ clientId: c, status: 'present' }], manager)).status).toBe(200);
    });

    it('refuses attendance for a session that has not begun (409)', async () => {
      const future = (
        await peer.post(`/api/groups/${group}/sessions`, {
          date: clinicDate(7),
          startTime: '18:00',
          durationMinutes: 60,
        })
      ).body.id;
      const res = await take(future, [{ clientId: a, status: 'present' }]);
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/session-not-started$/);
    });
  });

  describe('rates and H0038-HQ units on a fixed fixture', () => {
    let fixtureGroup: string;
    /** Clients of their own, in no other group: ra and rb on peer's caseload, rc on peer2's. */
    let ra: string;
    let rb: string;
    let rc: string;
    const clientsOf = () => [ra, rb, rc];

    beforeAll(async () => {
      ra = await client(peer, 'Ria');
      rb = await client(peer, 'Rob');
      rc = await client(manager, 'Cyd', peer2.user?.id);
      const created = await manager.post('/api/groups', {
        programId: program,
        name: 'Rates fixture (test)',
        type: 'smart',
        facilitatorId: peer.user?.id,
        schedule: 'FREQ=WEEKLY;BYDAY=TH',
      });
      fixtureGroup = created.body.id;
      for (const id of clientsOf())
        await manager.post(`/api/groups/${fixtureGroup}/roster`, { clientId: id });
    });

    /** Days ago, minutes, and each client's status; `null` leaves a rostered client out (absent). */
    const FIXTURE: [number, number, Status | null, Status | null, Status | null][] = [
      [2, 60, 'present', 'absent', 'late'],
      [9, 45, 'late', 'absent', 'excused'],
      [16, 90, 'absent', 'present', 'present'],
      [23, 7, 'present', null, 'absent'],
      [40, 60, 'absent', 'present', 'present'],
      [100, 60, 'present', 'present', 'absent'],
    ];

    it('bills floor((m + 7) / 15) H0038-HQ units per present or late client, from the session length', async () => {
      const expectedUnits = [8, 3, 12, 0, 8, 8];
      for (const [i, [ago, minutes, ...statuses]] of FIXTURE.entries()) {
        const res = await peer.post(`/api/groups/${fixtureGroup}/sessions`, {
          date: daysAgo(ago),
          startTime: '19:00',
          durationMinutes: minutes,
        });
        const body = clientsOf()
          .map((clientId, k) => ({ clientId, status: statuses[k] }))
          .filter((r) => r.status !== null);
        const taken = await take(res.body.id, body);
        expect(taken.status).toBe(200);
        expect(taken.body.billingCode).toBe('H0038-HQ');
        expect(taken.body.unitsPerClient).toBe([4, 3, 6, 0, 4, 4][i]);
        expect(taken.body.session.billingUnits).toBe(expectedUnits[i]);
        for (const item of taken.body.items) {
          expect(item.billingUnits).toBe(
            ['present', 'late'].includes(item.status) ? taken.body.unitsPerClient : 0,
          );
        }
      }
    });

    it('computes each client’s rates over 4 and 12 weeks and their run of absences', async () => {
      // ra: 3 of 4 in four weeks (present, late, absent, present); the 40-day absence joins at 12 weeks.
      expect((await peer.get(`/api/clients/${ra}/attendance-rates`)).body).toMatchObject({
        last4Weeks: { sessions: 4, attended: 3, rate: 0.75 },
        last12Weeks: { sessions: 5, attended: 3, rate: 0.6 },
        consecutiveAbsences: 0,
        missedLastTwoSessions: false,
      });
      // rb: left out at 23 days while on the roster, which counts as absent; absent at the last two.
      expect((await peer.get(`/api/clients/${rb}/attendance-rates`)).body).toMatchObject({
        last4Weeks: { sessions: 4, attended: 1, rate: 0.25 },
        last12Weeks: { sessions: 5, attended: 2, rate: 0.4 },
        consecutiveAbsences: 2,
        missedLastTwoSessions: true,
      });
      // rc: excused neither attends nor extends a run of absences.
      expect((await clinician.get(`/api/clients/${rc}/attendance-rates`)).body).toMatchObject({
        last4Weeks: { sessions: 4, attended: 2, rate: 0.5 },
        last12Weeks: { sessions: 5, attended: 3, rate: 0.6 },
        consecutiveAbsences: 0,
      });
      expect((await peer.get(`/api/clients/${rc}/attendance-rates`)).status).toBe(404);
    });

    it('computes the group’s rates and billing, and flags rb on the caseload', async () => {
      const res = await manager.get(`/api/groups/${fixtureGroup}/rates`);
      expect(res.status).toBe(200);
      expect(res.body.last4Weeks).toEqual({
        groupSessions: 4,
        sessions: 12,
        attended: 6,
        rate: 0.5,
        billingUnits: 23,
      });
      expect(res.body.last12Weeks).toEqual({
        groupSessions: 5,
        sessions: 15,
        attended: 8,
        rate: 8 / 15,
        billingUnits: 31,
      });
      const byClient = new Map(res.body.clients.map((r: { clientId: string }) => [r.clientId, r]));
      expect(byClient.get(rb)).toMatchObject({ consecutiveAbsences: 2, lastName: 'Attendancetest' });
      const asFacilitator = await peer.get(`/api/groups/${fixtureGroup}/rates`);
      const cy = asFacilitator.body.clients.find((r: { clientId: string }) => r.clientId === rc);
      expect(cy.displayName).toBe('Cyd A.');
      expect(cy.lastName).toBeUndefined();
      const caseload = (await peer.get('/api/caseload')).body.items;
      const flag = (id: string) =>
        caseload.find((e: { clientId: string }) => e.clientId === id).missedLastTwoSessions as boolean;
      expect(flag(rb)).toBe(true);
      expect(flag(ra)).toBe(false);
    });

    it('lists a client’s sessions with group name, type and status, newest first', async () => {
      const res = await clinician.get(`/api/clients/${rb}/attendance?limit=100`);
      expect(res.status).toBe(200);
      const fixture = res.body.items.filter((e: { groupId?: string }) => e.groupId === fixtureGroup);
      expect(fixture.map((e: { status: string }) => e.status)).toEqual([
        'absent',
        'absent',
        'present',
        'present',
        'present',
      ]);
      expect(fixture[0]).toMatchObject({
        kind: 'group_session',
        groupName: 'Rates fixture (test)',
        groupType: 'smart',
        durationMinutes: 60,
        billingUnits: 0,
      });
      expect((await peer2.get(`/api/clients/${rb}/attendance`)).status).toBe(404);
    });
  });

  describe('community meetings', () => {
    it('records a meeting on the client’s record; it shows in attendance and never bills', async () => {
      const ratesBefore = (await peer.get(`/api/clients/${a}/attendance-rates`)).body;
      const contact = await peer.post(`/api/clients/${a}/contacts`, {
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        durationMinutes: 20,
        modality: 'phone',
        contactType: 'check_in',
        successful: true,
      });
      const res = await peer.post(`/api/clients/${a}/community-meetings`, {
        meetingType: 'aa',
        date: daysAgo(1),
        nameOrPlace: 'Friday night speaker meeting (test)',
        verification: 'verified',
        contactId: contact.body.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        clientId: a,
        contactId: contact.body.id,
        meetingType: 'aa',
        verification: 'verified',
        billingUnits: 0,
      });
      const history = await peer.get(`/api/clients/${a}/attendance?limit=100`);
      const meeting = history.body.items.find((e: { kind: string }) => e.kind === 'community_meeting');
      expect(meeting).toMatchObject({
        id: res.body.id,
        billingUnits: 0,
        meeting: { nameOrPlace: 'Friday night speaker meeting (test)' },
      });
      expect((await peer.get(`/api/clients/${a}/attendance-rates`)).body).toEqual(ratesBefore);
      const list = await manager.get(`/api/clients/${a}/community-meetings`);
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
      expect(
        (
          await t.owner.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE action = 'community_meeting.create' AND client_id = $1`,
            [a],
          )
        ).rows[0].n,
      ).toBe(1);
    });

    it('validates the meeting, and keeps recording to the client’s peer', async () => {
      const meeting = { meetingType: 'na', date: daysAgo(2) };
      expect(
        (await peer.post(`/api/clients/${a}/community-meetings`, { ...meeting, meetingType: 'book_club' }))
          .status,
      ).toBe(400);
      expect(
        (await peer.post(`/api/clients/${a}/community-meetings`, { ...meeting, date: daysAgo(-3) })).status,
      ).toBe(400);
      const otherContact = (await t.owner.query(`SELECT id FROM contacts WHERE client_id <> $1 LIMIT 1`, [a]))
        .rows[0].id;
      const wrong = await peer.post(`/api/clients/${a}/community-meetings`, {
        ...meeting,
        contactId: otherContact,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].field).toBe('contactId');
      expect((await manager.post(`/api/clients/${a}/community-meetings`, meeting)).status).toBe(403);
      expect((await peer2.post(`/api/clients/${a}/community-meetings`, meeting)).status).toBe(404);
      expect((await otherPeer.get(`/api/clients/${a}/community-meetings`)).status).toBe(404);
    });
  });
});
