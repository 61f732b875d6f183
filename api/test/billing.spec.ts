import { unitsForMinutes } from '@peerpath/contracts';
import { unitsForMinutesSql } from '../src/billing/claim-units';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Claim lines through the API, with hand-computed fixtures (PRODUCT.md §5). The clock is pinned in
 * January 2024, far from the demo's dates, so only this file's records fall in the period.
 */
describe('billing: claim lines', () => {
  let t: TestApp;
  let admin: Staff;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let otherManager: Staff;
  let program: string;
  const now = new Date('2024-01-31T17:00:00Z');
  const period = '?from=2024-01-01&to=2024-01-31';

  type Line = {
    clientId: string;
    renderingPeerId: string;
    serviceDate: string;
    hcpcs: string;
    modifiers: string[];
    placeOfService: string;
    minutes: number;
    units: number;
    contactIds: string[];
    sessionId: string | null;
    ready: boolean;
    problems: string[];
  };

  const client = async (firstName: string, medicaidId: string | null = 'TEST0001') => {
    const res = await peer.post('/api/clients', {
      firstName,
      lastName: 'Billingtest',
      dateOfBirth: '1990-01-01',
      programId: program,
      ...(medicaidId ? { medicaidId } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const contact = async (
    clientId: string,
    occurredAt: string,
    durationMinutes: number,
    over: object = {},
  ) => {
    const res = await peer.post(`/api/clients/${clientId}/contacts`, {
      occurredAt,
      durationMinutes,
      modality: 'in_person',
      contactType: 'check_in',
      successful: true,
      note: 'Worked on the recovery plan.',
      sign: true,
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const lines = async (staff: Staff, clientId?: string): Promise<Line[]> => {
    const res = await staff.get(`/api/billing/claim-lines${period}`);
    expect(res.status).toBe(200);
    return (res.body.items as Line[]).filter((l) => !clientId || l.clientId === clientId);
  };
  const setCredential = async (staff: Staff, credential: object | null, npi?: string) => {
    const user = (await admin.get(`/api/users/${staff.user?.id}`)).body;
    const res = await admin.patch(`/api/users/${staff.user?.id}`, {
      version: user.version,
      credential,
      ...(npi ? { npi } : {}),
    });
    expect(res.status).toBe(200);
    return res;
  };
  const group = async (type: string, facilitatorIds: string[]) => {
    const res = await manager.post('/api/groups', {
      programId: program,
      name: `Billing ${type} (test)`,
      type,
      facilitatorIds,
      schedule: 'Tuesdays 18:00',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: () => now });
    [admin, peer, peer2, manager, clinician, otherManager] = await Promise.all(
      [
        'admin@demo.test',
        'peer@demo.test',
        'peer2@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'manager@other.test',
      ].map((e) => t.signIn(e)),
    );
    program = manager.user?.programIds[0] as string;
    const valid = { type: 'CPRS', number: 'TEST-1', expiresOn: '2025-06-30' };
    await setCredential(peer, valid, '1234567893');
    await setCredential(peer2, valid);
  });
  afterAll(() => t.close());

  it('adds up a day: two 10-minute contacts bill 1 unit, 20 + 20 + 20 bill 4', async () => {
    const ten = await client('Tia');
    const k1 = await contact(ten, '2024-01-10T14:00:00Z', 10);
    const k2 = await contact(ten, '2024-01-10T19:00:00Z', 10);
    expect(await lines(peer, ten)).toEqual([
      expect.objectContaining({
        serviceDate: '2024-01-10',
        hcpcs: 'H0038',
        modifiers: [],
        placeOfService: '11',
        minutes: 20,
        units: 1,
        contactIds: [k1, k2],
        sessionId: null,
        renderingPeerId: peer.user?.id,
        ready: true,
        problems: [],
      }),
    ]);
    const twenty = await client('Tom');
    for (const hour of [14, 16, 18]) await contact(twenty, `2024-01-11T${hour}:00:00Z`, 20);
    expect((await lines(peer, twenty)).map((l) => [l.minutes, l.units])).toEqual([[60, 4]]);
  });

  it('caps seven 60-minute contacts at 16 units and names the problem', async () => {
    const busy = await client('Bo');
    for (let i = 0; i < 7; i++)
      await contact(busy, `2024-01-12T${String(12 + i).padStart(2, '0')}:00:00Z`, 60);
    expect(await lines(peer, busy)).toEqual([
      expect.objectContaining({ minutes: 420, units: 16, ready: false, problems: ['daily-cap'] }),
    ]);
  });

  it('bills nothing for a text contact or an unsigned draft', async () => {
    const quiet = await client('Quinn');
    const text = await peer.post(`/api/clients/${quiet}/contacts`, {
      occurredAt: '2024-01-13T15:00:00Z',
      durationMinutes: 5,
      modality: 'text',
      contactType: 'check_in',
      successful: true,
      sign: true,
    });
    expect(text.status).toBe(201);
    expect(text.body).toMatchObject({ billable: false, billingUnits: 0 });
    await contact(quiet, '2024-01-13T16:00:00Z', 45, { sign: false });
    expect(await lines(peer, quiet)).toEqual([]);
  });

  it('gives a video contact its modifier and place of service', async () => {
    const remote = await client('Vic');
    await contact(remote, '2024-01-14T15:00:00Z', 30, { modality: 'video' });
    expect(await lines(peer, remote)).toEqual([
      expect.objectContaining({ modifiers: ['95'], placeOfService: '10', units: 2, ready: true }),
    ]);
  });

  it('names a missing Medicaid id and an expired credential', async () => {
    const noId = await client('Nia', null);
    await contact(noId, '2024-01-15T15:00:00Z', 30);
    expect((await lines(peer, noId))[0].problems).toEqual(['medicaid-id']);
    await setCredential(peer2, { type: 'CPRS', number: 'TEST-2', expiresOn: '2024-01-09' });
    const g = await group('peer_led', [peer2.user?.id as string]);
    const member = await client('Mo');
    expect((await manager.post(`/api/groups/${g}/roster`, { clientId: member })).status).toBe(201);
    const s = await peer2.post(`/api/groups/${g}/sessions`, {
      date: '2024-01-16',
      startTime: '18:00',
      durationMinutes: 60,
    });
    expect(s.status).toBe(201);
    expect(
      (await peer2.put(`/api/sessions/${s.body.id}/attendance`, [{ clientId: member, status: 'present' }]))
        .status,
    ).toBe(200);
    expect(await lines(manager, member)).toEqual([
      expect.objectContaining({
        renderingPeerId: peer2.user?.id,
        modifiers: ['HQ'],
        units: 4,
        problems: ['credential'],
      }),
    ]);
    await setCredential(peer2, { type: 'CPRS', number: 'TEST-2', expiresOn: '2025-06-30' });
  });

  describe('groups (H0038-HQ)', () => {
    let g: string;
    let early: string;
    let late: string;
    let lateUnknown: string;
    beforeAll(async () => {
      g = await group('peer_led', [peer.user?.id as string, peer2.user?.id as string]);
      [early, late, lateUnknown] = [await client('Eve'), await client('Lu'), await client('Lex')];
      for (const id of [early, late, lateUnknown])
        expect((await manager.post(`/api/groups/${g}/roster`, { clientId: id })).status).toBe(201);
    });

    it('bills a late arrival for 30 of 90 minutes 2 HQ units, credited to the session’s one facilitator', async () => {
      const s = await peer2.post(`/api/groups/${g}/sessions`, {
        date: '2024-01-17',
        startTime: '18:00',
        durationMinutes: 90,
      });
      expect(s.status).toBe(201);
      expect(s.body.facilitatorId).toBe(peer2.user?.id);
      const taken = await peer2.put(`/api/sessions/${s.body.id}/attendance`, [
        { clientId: early, status: 'present' },
        { clientId: late, status: 'late', minutesAttended: 30 },
        { clientId: lateUnknown, status: 'late' },
      ]);
      expect(taken.status).toBe(200);
      expect(taken.body.items.find((i: { clientId: string }) => i.clientId === late)).toMatchObject({
        minutesAttended: 30,
        billingUnits: 2,
      });
      const all = (await lines(manager)).filter((l) => l.sessionId === s.body.id);
      expect(
        all.map((l) => [l.clientId, l.renderingPeerId, l.modifiers, l.minutes, l.units, l.problems]).sort(),
      ).toEqual(
        [
          [early, peer2.user?.id, ['HQ'], 90, 6, []],
          [late, peer2.user?.id, ['HQ'], 30, 2, []],
          [lateUnknown, peer2.user?.id, ['HQ'], 90, 6, ['minutes-attended']],
        ].sort(),
      );
      // The co-facilitator renders nothing for it; the credited one sees the lines as theirs.
      expect((await lines(peer)).filter((l) => l.sessionId === s.body.id)).toEqual([]);
      expect((await lines(peer2)).filter((l) => l.sessionId === s.body.id)).toHaveLength(3);
    });

    it('refuses minutes attended past the session, or for an absent client', async () => {
      const s = await peer.post(`/api/groups/${g}/sessions`, {
        date: '2024-01-18',
        startTime: '18:00',
        durationMinutes: 60,
      });
      expect(s.body.facilitatorId).toBe(peer.user?.id);
      for (const item of [
        { clientId: early, status: 'late', minutesAttended: 61 },
        { clientId: early, status: 'absent', minutesAttended: 10 },
        { clientId: early, status: 'late', minutesAttended: 0 },
        { clientId: early, status: 'late', minutesAttended: '30' },
      ]) {
        const res = await peer.put(`/api/sessions/${s.body.id}/attendance`, [item]);
        expect(res.status).toBe(400);
        expect(isProblem(res)).toBe(true);
      }
    });

    it('bills nothing for an AA meeting', async () => {
      const aa = await group('aa', [peer.user?.id as string]);
      expect((await manager.post(`/api/groups/${aa}/roster`, { clientId: early })).status).toBe(201);
      const s = await peer.post(`/api/groups/${aa}/sessions`, {
        date: '2024-01-19',
        startTime: '19:00',
        durationMinutes: 60,
      });
      const taken = await peer.put(`/api/sessions/${s.body.id}/attendance`, [
        { clientId: early, status: 'present' },
      ]);
      expect(taken.status).toBe(200);
      expect((await lines(manager)).filter((l) => l.sessionId === s.body.id)).toEqual([]);
      // The attendance screen and the session list show the same: no units for a fellowship meeting.
      expect(taken.body).toMatchObject({ unitsPerClient: 0, session: { attended: 1, billingUnits: 0 } });
      expect(taken.body.items[0].billingUnits).toBe(0);
    });
  });

  it('puts contacts either side of local midnight on the clinic’s dates (UTC−5 and UTC+13)', async () => {
    const night = await client('Nox');
    await contact(night, '2024-01-21T04:30:00Z', 15); // 23:30 on the 20th in New York
    await contact(night, '2024-01-21T05:30:00Z', 15); // 00:30 on the 21st
    expect((await lines(peer, night)).map((l) => [l.serviceDate, l.units])).toEqual([
      ['2024-01-20', 1],
      ['2024-01-21', 1],
    ]);
    const zone = async (timeZone: string) => {
      const { version } = (await admin.get('/api/organization')).body;
      expect((await admin.patch('/api/organization', { version, timeZone })).status).toBe(200);
    };
    await zone('Pacific/Auckland');
    try {
      const kiwi = await client('Kiri');
      await contact(kiwi, '2024-01-22T10:30:00Z', 15); // 23:30 on the 22nd in Auckland
      await contact(kiwi, '2024-01-22T11:30:00Z', 15); // 00:30 on the 23rd
      expect((await lines(peer, kiwi)).map((l) => l.serviceDate)).toEqual(['2024-01-22', '2024-01-23']);
    } finally {
      await zone('America/New_York');
    }
  });

  it('shows peers their own lines, managers their programs’, and no one else any', async () => {
    const mine = await lines(peer);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.renderingPeerId === peer.user?.id)).toBe(true);
    const all = await lines(manager);
    expect(all.length).toBeGreaterThan(mine.length);
    expect((await lines(otherManager)).length).toBe(0);
    expect((await clinician.get(`/api/billing/claim-lines${period}`)).status).toBe(403);
    expect((await admin.get(`/api/billing/claim-lines${period}`)).status).toBe(403);
    expect((await (await t.anonymous()).get('/api/billing/claim-lines')).status).toBe(401);
    const other = await manager.get(
      `/api/billing/claim-lines${period}&programId=00000000-0000-4000-8000-000000000000`,
    );
    expect(other.body.items).toEqual([]);
  });

  it('refuses impossible dates, reversed or over-long periods and unknown parameters', async () => {
    for (const q of [
      '?from=2024-02-30',
      '?from=2024-01-31&to=2024-01-01',
      '?from=2022-01-01&to=2024-01-31',
      '?surprise=1',
      '?programId=nope',
    ]) {
      const res = await manager.get(`/api/billing/claim-lines${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(isProblem(res)).toBe(true);
    }
  });

  it('makes the dashboard’s unit figures the sums of claim-line units (drafts and texts count nothing)', async () => {
    const report = await peer.get('/api/reports/caseloads?from=2024-01-01&to=2024-01-31');
    expect(report.status).toBe(200);
    const mine = await lines(peer);
    const sum = (group: boolean) =>
      mine.filter((l) => !!l.sessionId === group).reduce((n, l) => n + l.units, 0);
    const [figures] = report.body.peers;
    expect(figures.h0038UnitsPerWeek).toBeCloseTo(sum(false) / report.body.weeks, 1);
    expect(figures.h0038HqUnitsPerWeek).toBeCloseTo(sum(true) / report.body.weeks, 1);
  });

  it('downloads the same lines as CSV', async () => {
    const res = await manager.get(`/api/billing/claim-lines.csv${period}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('claim-lines.csv');
    const [header, ...rows] = res.text.trim().split('\n');
    expect(header).toBe(
      'serviceDate,clientId,clientName,renderingPeerId,renderingPeerName,hcpcs,modifiers,placeOfService,minutes,units,ready,problems,contactIds,sessionId',
    );
    expect(rows).toHaveLength((await lines(manager)).length);
    expect(rows.some((r) => r.includes(',H0038,95,10,30,2,true,,'))).toBe(true);
    expect(rows.some((r) => r.includes(',H0038,,11,420,16,false,daily-cap,'))).toBe(true);
  });

  describe('signing needs a note when the contact bills', () => {
    it('answers 409 note-required and writes nothing', async () => {
      const c = await client('Nell');
      const count = async () =>
        (await t.owner.query(`SELECT count(*)::int AS n FROM contacts WHERE client_id = $1`, [c])).rows[0].n;
      const res = await peer.post(`/api/clients/${c}/contacts`, {
        occurredAt: '2024-01-24T15:00:00Z',
        durationMinutes: 30,
        modality: 'phone',
        contactType: 'check_in',
        successful: true,
        note: '   ',
        sign: true,
      });
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/note-required$/);
      expect(await count()).toBe(0);
      const draft = await contact(c, '2024-01-24T15:00:00Z', 30, { note: '', sign: false });
      const sign = await peer.post(`/api/contacts/${draft}/sign`, {});
      expect(sign.status).toBe(409);
      expect(sign.body.type).toMatch(/note-required$/);
      expect(
        (await t.owner.query(`SELECT signed_at FROM contacts WHERE id = $1`, [draft])).rows[0].signed_at,
      ).toBeNull();
      // A text, or a contact marked not billable, signs without one.
      await contact(c, '2024-01-24T16:00:00Z', 5, { modality: 'text', note: '' });
      await contact(c, '2024-01-24T17:00:00Z', 30, { billable: false, note: '' });
    });
  });

  describe('the fields a claim needs', () => {
    it('keeps a credential and a valid NPI on staff, and refuses a bad check digit', async () => {
      const user = (await admin.get(`/api/users/${peer.user?.id}`)).body;
      expect(user).toMatchObject({
        credential: { type: 'CPRS', number: 'TEST-1', expiresOn: '2025-06-30' },
        npi: '1234567893',
      });
      for (const body of [
        { npi: '1234567890' },
        { npi: '123456789' },
        { credential: { type: 'CPRS', number: 'X', expiresOn: '2025-02-30' } },
        { credential: { type: 'CPRS', expiresOn: '2025-02-01' } },
        { credential: { type: 'CPRS', number: 'X', expiresOn: '2025-02-01', extra: 1 } },
      ]) {
        const res = await admin.patch(`/api/users/${peer.user?.id}`, { version: user.version, ...body });
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      }
    });

    it('keeps a client’s Medicaid id, clears it with an empty string, and refuses junk', async () => {
      const c = await client('Mia', 'ZZ123');
      const got = (await peer.get(`/api/clients/${c}`)).body;
      expect(got.medicaidId).toBe('ZZ123');
      const bad = await peer.patch(`/api/clients/${c}`, { version: got.version, medicaidId: 'x; DROP' });
      expect(bad.status).toBe(400);
      const cleared = await peer.patch(`/api/clients/${c}`, { version: got.version, medicaidId: '' });
      expect(cleared.status).toBe(200);
      expect(cleared.body.medicaidId).toBeNull();
    });
  });
  describe('the caseload report’s units, summed in SQL', () => {
    it('rounds minutes as unitsForMinutes does, 0 to 480', async () => {
      const { rows } = await t.owner.query(
        `SELECT m, ${unitsForMinutesSql('m')} AS units FROM generate_series(0, 480) AS m ORDER BY m`,
      );
      expect(rows.map((r: { units: number }) => r.units)).toEqual(
        rows.map((r: { m: number }) => unitsForMinutes(r.m)),
      );
    });

    it('gives every peer the units of their claim lines (daily cap across peers, groups first)', async () => {
      // A group line (peer2) and contacts of another peer on one day: the group keeps its units,
      // the contacts get what is left of the cap; 8 + 7 minutes on one day make one unit.
      const capped = await client('Cy');
      const g = await group('peer_led', [peer2.user?.id as string]);
      expect((await manager.post(`/api/groups/${g}/roster`, { clientId: capped })).status).toBe(201);
      const s = await peer2.post(`/api/groups/${g}/sessions`, {
        date: '2024-01-26',
        startTime: '09:00',
        durationMinutes: 60,
      });
      expect(s.status).toBe(201);
      const taken = await peer2.put(`/api/sessions/${s.body.id}/attendance`, [
        { clientId: capped, status: 'present' },
      ]);
      expect(taken.status).toBe(200);
      for (const hour of [15, 16, 17, 18]) await contact(capped, `2024-01-26T${hour}:00:00Z`, 60);
      await contact(capped, '2024-01-27T15:00:00Z', 8);
      await contact(capped, '2024-01-27T16:00:00Z', 7);
      const mine = await lines(manager, capped);
      expect(mine.map((l) => [l.serviceDate, l.renderingPeerId, l.units]).sort()).toEqual(
        [
          ['2024-01-26', peer2.user?.id, 4],
          ['2024-01-26', peer.user?.id, 12],
          ['2024-01-27', peer.user?.id, 1],
        ].sort(),
      );

      const report = await manager.get('/api/reports/caseloads?from=2024-01-01&to=2024-01-31');
      expect(report.status).toBe(200);
      const all = await lines(manager);
      const sum = (peerId: string, group: boolean) =>
        all
          .filter((l) => l.renderingPeerId === peerId && !!l.sessionId === group)
          .reduce((n, l) => n + l.units, 0);
      const round = (n: number) => Math.round(n * 100) / 100;
      const weeks = (Date.parse(report.body.to) - Date.parse(report.body.from)) / (7 * 86_400_000);
      const figures = report.body.peers as {
        peerId: string;
        h0038UnitsPerWeek: number;
        h0038HqUnitsPerWeek: number;
      }[];
      expect(figures.some((f) => f.h0038UnitsPerWeek > 0)).toBe(true);
      expect(figures.some((f) => f.h0038HqUnitsPerWeek > 0)).toBe(true);
      for (const f of figures)
        expect([f.peerId, f.h0038UnitsPerWeek, f.h0038HqUnitsPerWeek]).toEqual([
          f.peerId,
          round(sum(f.peerId, false) / weeks),
          round(sum(f.peerId, true) / weeks),
        ]);
    });
  });
});
