import { clinicDate } from './support/clinic-date';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

const daysAgo = (n: number) => clinicDate(-n);

describe('groups: groups, roster, sessions, who may see and do what', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let admin: Staff;
  let otherManager: Staff;
  let otherPeer: Staff;
  let program: string;
  let smart: string;
  /** A client of peer2's caseload with a last name found nowhere else, rostered in peer's group. */
  let hidden: { id: string; firstName: string; lastName: string; dateOfBirth: string };

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, manager, clinician, admin, otherManager, otherPeer] = await Promise.all(
      [
        'peer@demo.test',
        'peer2@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'admin@demo.test',
        'manager@other.test',
        'peer@other.test',
      ].map((e) => t.signIn(e)),
    );
    program = manager.user?.programIds[0] as string;
    smart = (
      await t.owner.query(
        `SELECT g.id FROM groups g JOIN group_facilitators f ON f.group_id = g.id WHERE f.user_id = $1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    const created = await manager.post('/api/clients', {
      firstName: 'Quill',
      lastName: 'Zzyzxhidden',
      dateOfBirth: '1987-07-23',
      programId: program,
      primaryPeerId: peer2.user?.id,
    });
    expect(created.status).toBe(201);
    hidden = created.body;
    expect((await manager.post(`/api/groups/${smart}/roster`, { clientId: hidden.id })).status).toBe(201);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const newGroup = (over: object = {}) => ({
    programId: program,
    name: 'Women’s peer circle (test)',
    type: 'peer_led',
    facilitatorId: peer.user?.id,
    schedule: 'Wednesdays 17:30',
    location: 'Room 4 (test)',
    capacity: 10,
    ...over,
  });

  describe('groups', () => {
    it('lets a manager create a group with facilitators, and everyone in the program read it', async () => {
      const res = await manager.post(
        '/api/groups',
        newGroup({ facilitatorIds: [peer2.user?.id], schedule: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=17' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        programId: program,
        type: 'peer_led',
        facilitatorId: peer.user?.id,
        facilitatorIds: [peer.user?.id, peer2.user?.id],
        schedule: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=17',
        location: 'Room 4 (test)',
        active: true,
        rosterCount: 0,
        version: 1,
      });
      for (const staff of [peer, peer2, clinician]) {
        const got = await staff.get(`/api/groups/${res.body.id}`);
        expect(got.status).toBe(200);
        expect(got.body.name).toBe('Women’s peer circle (test)');
      }
      const list = await peer2.get('/api/groups?limit=100');
      expect(list.body.items.map((g: { id: string }) => g.id)).toEqual(
        expect.arrayContaining([res.body.id, smart]),
      );
      const mine = await peer.get('/api/groups?mine=true');
      expect(mine.body.items.map((g: { type: string }) => g.type)).toContain('smart');
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'group.create' AND entity_id = $1`,
          [res.body.id],
        ),
      ).toBe(1);
    });

    it('edits with the current version, refuses a stale one, and keeps groups to managers', async () => {
      const group = (await manager.post('/api/groups', newGroup({ name: 'Edit me (test)' }))).body;
      const ok = await manager.patch(`/api/groups/${group.id}`, {
        version: group.version,
        name: 'Edited (test)',
        facilitatorIds: [peer2.user?.id],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: 'Edited (test)', facilitatorId: peer2.user?.id, version: 2 });
      const stale = await manager.patch(`/api/groups/${group.id}`, { version: 1, name: 'Stale' });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toMatch(/stale-version$/);
      expect((await manager.patch(`/api/groups/${group.id}`, { version: 2, name: null })).status).toBe(400);
      expect((await peer.post('/api/groups', newGroup())).status).toBe(403);
      expect((await clinician.patch(`/api/groups/${group.id}`, { version: 2, name: 'x' })).status).toBe(403);
      expect((await admin.get('/api/groups')).status).toBe(403);
    });

    it.each([
      ['an unknown type', { type: 'book_club' }, 'type'],
      ['a malformed RRULE', { schedule: 'FREQ=SOMETIMES' }, 'schedule'],
      ['no schedule', { schedule: '  ' }, 'schedule'],
      [
        'a facilitator who is not staff of the program',
        { facilitatorId: undefined, facilitatorIds: [] },
        'facilitatorIds',
      ],
      ['an unknown field', { mood: 'calm' }, 'mood'],
      ['a video link that is not a URL', { videoLink: 'zoom please' }, 'videoLink'],
    ])('answers 400 to %s and creates nothing', async (_what, change, field) => {
      const before = await count(`SELECT count(*)::int AS n FROM groups`);
      const res = await manager.post('/api/groups', newGroup(change));
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count(`SELECT count(*)::int AS n FROM groups`)).toBe(before);
    });

    it('refuses an admin as facilitator (400) and a program not the manager’s (400)', async () => {
      const a = await manager.post('/api/groups', newGroup({ facilitatorId: admin.user?.id }));
      expect(a.status).toBe(400);
      expect(a.body.errors[0].field).toBe('facilitatorIds');
      const foreign = otherManager.user?.programIds[0];
      expect((await manager.post('/api/groups', newGroup({ programId: foreign }))).status).toBe(400);
    });

    it('hides the group from another organization (404)', async () => {
      expect((await otherManager.get(`/api/groups/${smart}`)).status).toBe(404);
      expect((await otherManager.patch(`/api/groups/${smart}`, { version: 1, name: 'x' })).status).toBe(404);
      expect((await otherPeer.get(`/api/groups/${smart}/roster`)).status).toBe(404);
      const list = await otherManager.get('/api/groups');
      expect(list.body.items.some((g: { id: string }) => g.id === smart)).toBe(false);
    });
  });

  describe('roster and the display-name rule', () => {
    it('shows a facilitating peer other caseloads’ clients by display name only', async () => {
      const res = await peer.get(`/api/groups/${smart}/roster`);
      expect(res.status).toBe(200);
      const entry = res.body.find((e: { clientId: string }) => e.clientId === hidden.id);
      expect(Object.keys(entry).sort()).toEqual([
        'addedAt',
        'clientId',
        'displayName',
        'groupId',
        'removedAt',
      ]);
      expect(entry.displayName).toBe('Quill Z.');
      expect(res.text).not.toContain('Zzyzxhidden');
      expect(res.text).not.toContain(hidden.dateOfBirth);
      const own = res.body.find((e: { lastName?: string }) => e.lastName);
      expect(own).toBeDefined();
      expect(res.body.length).toBe(9);
    });

    it('shows a peer who does not facilitate only their own caseload, and the program in full', async () => {
      const res = await peer2.get(`/api/groups/${smart}/roster`);
      expect(res.status).toBe(200);
      const own = await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1`, [peer2.user?.id]);
      const ownIds = new Set(own.rows.map((r) => r.id));
      expect(res.body.length).toBeGreaterThan(0);
      for (const e of res.body) expect(ownIds.has(e.clientId)).toBe(true);
      expect(res.body.find((e: { clientId: string }) => e.clientId === hidden.id).lastName).toBe(
        'Zzyzxhidden',
      );
      const full = await clinician.get(`/api/groups/${smart}/roster`);
      expect(full.body.length).toBe(9);
      expect(full.body.every((e: { lastName?: string }) => typeof e.lastName === 'string')).toBe(true);
    });

    it('shows session attendance the same way, and keeps the client’s own record closed', async () => {
      const session = (
        await peer.post(`/api/groups/${smart}/sessions`, {
          date: daysAgo(2),
          startTime: '07:00',
          durationMinutes: 30,
        })
      ).body;
      const own = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
          peer.user?.id,
        ])
      ).rows[0].id;
      const taken = await peer.put(`/api/sessions/${session.id}/attendance`, [
        { clientId: own, status: 'present' },
        { clientId: hidden.id, status: 'late' },
      ]);
      expect(taken.status).toBe(200);
      for (const res of [taken, await peer.get(`/api/sessions/${session.id}/attendance`)]) {
        expect(res.text).not.toContain('Zzyzxhidden');
        expect(res.text).not.toContain(hidden.dateOfBirth);
        expect(res.body.items.find((i: { clientId: string }) => i.clientId === hidden.id)).toEqual({
          clientId: hidden.id,
          displayName: 'Quill Z.',
          sessionId: session.id,
          status: 'late',
          minutesAttended: null,
          billingUnits: 2,
        });
      }
      const theirs = await peer2.get(`/api/sessions/${session.id}/attendance`);
      expect(theirs.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([hidden.id]);
      expect(theirs.body.items[0].lastName).toBe('Zzyzxhidden');
      expect((await peer.get(`/api/clients/${hidden.id}/attendance`)).status).toBe(404);
      expect((await peer.get(`/api/groups/${smart}/rates`)).text).not.toContain('Zzyzxhidden');
    });

    it('finds walk-ins by display name for a facilitator, never by last name', async () => {
      const group = (await manager.post('/api/groups', newGroup({ name: 'Walk-in search (test)' }))).body;
      const byFirst = await peer.get(`/api/groups/${group.id}/walk-ins?q=quill`);
      expect(byFirst.status).toBe(200);
      expect(byFirst.body).toEqual([{ clientId: hidden.id, displayName: 'Quill Z.' }]);
      expect((await peer.get(`/api/groups/${group.id}/walk-ins?q=zzyzx`)).body).toEqual([]);
      expect((await manager.get(`/api/groups/${group.id}/walk-ins?q=zzyzx`)).body[0].lastName).toBe(
        'Zzyzxhidden',
      );
      expect((await peer2.get(`/api/groups/${smart}/walk-ins`)).status).toBe(403);
    });

    it('keeps roster history: removal closes the row, re-adding opens a new one', async () => {
      const group = (await manager.post('/api/groups', newGroup({ name: 'Roster history (test)' }))).body;
      expect((await manager.post(`/api/groups/${group.id}/roster`, { clientId: hidden.id })).status).toBe(
        201,
      );
      const twice = await manager.post(`/api/groups/${group.id}/roster`, { clientId: hidden.id });
      expect(twice.status).toBe(409);
      expect((await manager.delete(`/api/groups/${group.id}/roster/${hidden.id}`)).status).toBe(204);
      expect((await manager.delete(`/api/groups/${group.id}/roster/${hidden.id}`)).status).toBe(404);
      expect((await manager.get(`/api/groups/${group.id}/roster`)).body).toEqual([]);
      expect((await manager.post(`/api/groups/${group.id}/roster`, { clientId: hidden.id })).status).toBe(
        201,
      );
      const history = await manager.get(`/api/groups/${group.id}/roster?includeRemoved=true`);
      expect(history.body.map((e: { removedAt: string | null }) => e.removedAt === null)).toEqual([
        false,
        true,
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM group_roster WHERE group_id = $1`, [group.id])).toBe(
        2,
      );
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'group.roster.remove' AND client_id = $1`,
          [hidden.id],
        ),
      ).toBe(1);
    });

    it('lets only managers change the roster; facilitators add walk-ins through attendance', async () => {
      expect((await peer.post(`/api/groups/${smart}/roster`, { clientId: hidden.id })).status).toBe(403);
      expect((await peer.delete(`/api/groups/${smart}/roster/${hidden.id}`)).status).toBe(403);
      const foreign = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [otherPeer.user?.id])
      ).rows[0].id;
      expect((await manager.post(`/api/groups/${smart}/roster`, { clientId: foreign })).status).toBe(404);
    });
  });

  describe('demo data', () => {
    it('has a SMART and a peer-led group with rosters, ten weeks of attendance and community meetings', async () => {
      const groups = (await manager.get('/api/groups?limit=100')).body.items.filter((g: { name: string }) =>
        g.name.endsWith('(demo)'),
      ) as { id: string; type: string; facilitatorId: string; rosterCount: number }[];
      const smartGroup = groups.find((g) => g.type === 'smart');
      const peerLed = groups.find((g) => g.type === 'peer_led' && g.facilitatorId === peer2.user?.id);
      expect(smartGroup?.facilitatorId).toBe(peer.user?.id);
      expect(peerLed?.rosterCount).toBeGreaterThanOrEqual(6);
      expect(peerLed?.rosterCount).toBeLessThanOrEqual(10);
      for (const g of [smartGroup, peerLed]) {
        const recorded = await count(
          `SELECT count(DISTINCT s.id)::int AS n FROM group_sessions s JOIN attendance a ON a.session_id = s.id
            WHERE s.group_id = $1`,
          [g?.id],
        );
        expect(recorded).toBeGreaterThanOrEqual(8);
      }
      expect(
        await count(`SELECT count(DISTINCT client_id)::int AS n FROM community_meetings`),
      ).toBeGreaterThan(3);
      const flagged = (await peer.get('/api/caseload')).body.items.filter(
        (e: { missedLastTwoSessions: boolean }) => e.missedLastTwoSessions,
      );
      expect(flagged.length).toBeGreaterThan(0);
    });
  });

  describe('sessions', () => {
    it('lets the facilitator and managers create sessions; another peer gets 403', async () => {
      const res = await peer.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(1),
        startTime: '09:30',
        durationMinutes: 60,
        topic: 'Problem solving (test)',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        groupId: smart,
        date: daysAgo(1),
        startTime: '09:30',
        durationMinutes: 60,
        recorded: 0,
        billingUnits: 0,
      });
      const again = await peer.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(1),
        startTime: '09:30',
        durationMinutes: 60,
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ sessionId: res.body.id });
      expect(again.body.type).toMatch(/duplicate-session$/);
      const byManager = await manager.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(1),
        startTime: '14:00',
        durationMinutes: 45,
      });
      expect(byManager.status).toBe(201);
      const refused = await peer2.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(1),
        startTime: '16:00',
        durationMinutes: 45,
      });
      expect(refused.status).toBe(403);
      expect((await clinician.post(`/api/groups/${smart}/sessions`, { date: daysAgo(1) })).status).toBe(403);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND outcome = 'denied' AND entity_id = $2`,
          [peer2.user?.id, smart],
        ),
      ).toBeGreaterThan(0);
      const foreign = await otherPeer.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(1),
        startTime: '16:00',
        durationMinutes: 45,
      });
      expect(foreign.status).toBe(404);
    });

    it.each([
      ['481 minutes', { durationMinutes: 481 }, 'durationMinutes'],
      ['0 minutes', { durationMinutes: 0 }, 'durationMinutes'],
      ['a time that is not HH:MM', { startTime: '25:00' }, 'startTime'],
      ['an impossible date', { date: '2026-02-30' }, 'date'],
      ['a date years ahead', { date: '2099-01-01' }, 'date'],
    ])('answers 400 to %s', async (_what, change, field) => {
      const res = await peer.post(`/api/groups/${smart}/sessions`, {
        date: daysAgo(3),
        startTime: '08:00',
        durationMinutes: 60,
        ...change,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('lists sessions newest first with a keyset cursor, with counts and H0038-HQ units', async () => {
      const page1 = await clinician.get(`/api/groups/${smart}/sessions?limit=4`);
      expect(page1.status).toBe(200);
      const page2 = await clinician.get(
        `/api/groups/${smart}/sessions?limit=4&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      );
      const all = [...page1.body.items, ...page2.body.items];
      const keys = all.map((s: { date: string; startTime: string }) => `${s.date}T${s.startTime}`);
      expect([...keys].sort().reverse()).toEqual(keys);
      expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(8);
      expect(all.some((s: { recorded: number }) => s.recorded > 0)).toBe(true);
      // Each attending client earns units for their own minutes (a late arrival's minutes attended).
      const own = await t.owner.query(
        `SELECT a.session_id, sum((coalesce(a.minutes_attended, s.duration_minutes) + 7) / 15)::int AS units
           FROM attendance a JOIN group_sessions s ON s.id = a.session_id
          WHERE a.session_id = ANY($1::uuid[]) AND a.status IN ('present', 'late') GROUP BY a.session_id`,
        [all.map((s: { id: string }) => s.id)],
      );
      const units = new Map(
        own.rows.map((r: { session_id: string; units: number }) => [r.session_id, r.units]),
      );
      for (const s of all) expect(s.billingUnits).toBe(units.get(s.id) ?? 0);
      expect(
        all.some(
          (s: { billingUnits: number; attended: number; durationMinutes: number }) =>
            s.billingUnits < s.attended * Math.floor((s.durationMinutes + 7) / 15),
        ),
      ).toBe(true);
    });
  });
});
