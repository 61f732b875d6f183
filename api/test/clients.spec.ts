import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('clients and caseloads', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let admin: Staff;
  let otherPeer: Staff;
  let otherManager: Staff;
  let program: string;
  let peerClient: string;
  let peer2Client: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, manager, clinician, admin, otherPeer, otherManager] = await Promise.all(
      [
        'peer@demo.test',
        'peer2@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'admin@demo.test',
        'peer@other.test',
        'manager@other.test',
      ].map((e) => t.signIn(e)),
    );
    program = peer.user?.programIds[0] as string;
    const clientOf = async (s: Staff) =>
      (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
          s.user?.id,
        ])
      ).rows[0].id as string;
    peerClient = await clientOf(peer);
    peer2Client = await clientOf(peer2);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const intake = (over: object = {}) => ({
    firstName: 'Rowan',
    lastName: 'Intaketest',
    dateOfBirth: '1988-03-14',
    programId: program,
    recoveryStartDate: '2026-09-01',
    preferredContactMethod: 'text',
    ...over,
  });

  describe('reading', () => {
    it('gives a peer their caseload only, a clinician and manager the program, an admin nothing', async () => {
      const mine = await peer.get('/api/clients?limit=100');
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBe(12);
      expect(mine.body.items.every((c: { primaryPeerId: string }) => c.primaryPeerId === peer.user?.id)).toBe(
        true,
      );
      for (const staff of [clinician, manager]) {
        const all = await staff.get('/api/clients?limit=100');
        expect(all.body.items.length).toBe(24);
      }
      expect((await admin.get('/api/clients')).status).toBe(403);
      const foreign = await otherManager.get('/api/clients?limit=100');
      expect(foreign.body.items.some((c: { id: string }) => c.id === peerClient)).toBe(false);
    });

    it('answers 404 for another caseload and another organization, and audits the refusal', async () => {
      expect((await peer.get(`/api/clients/${peerClient}`)).status).toBe(200);
      const other = await peer2.get(`/api/clients/${peerClient}`);
      expect(other.status).toBe(404);
      expect(isProblem(other)).toBe(true);
      expect((await otherManager.get(`/api/clients/${peerClient}`)).status).toBe(404);
      expect((await otherPeer.get(`/api/clients/${peerClient}/contacts`)).status).toBe(404);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND outcome = 'denied' AND actor_id = $2`,
          [peerClient, peer2.user?.id],
        ),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND action = 'client.read' AND actor_id = $2`,
          [peerClient, peer.user?.id],
        ),
      ).toBe(1);
    });

    it('searches by name without regard to case or accents, within scope', async () => {
      const c = await t.owner.query(`SELECT first_name FROM clients WHERE id = $1`, [peerClient]);
      const q = c.rows[0].first_name.toUpperCase();
      const hit = await peer.get(`/api/clients?q=${encodeURIComponent(q)}`);
      expect(hit.body.items.map((x: { id: string }) => x.id)).toContain(peerClient);
      const miss = await peer2.get(`/api/clients?q=${encodeURIComponent(q)}`);
      expect(miss.body.items.map((x: { id: string }) => x.id)).not.toContain(peerClient);
    });
  });

  describe('intake', () => {
    it('puts a peer’s new client on their own caseload, with history, and audits it', async () => {
      const res = await peer.post('/api/clients', intake());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        firstName: 'Rowan',
        primaryPeerId: peer.user?.id,
        status: 'active',
        version: 1,
      });
      expect(
        await count(`SELECT count(*)::int AS n FROM client_assignments WHERE client_id = $1`, [res.body.id]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.create' AND client_id = $1`,
          [res.body.id],
        ),
      ).toBe(1);
    });

    it('flags a likely duplicate (accents and case ignored) unless confirmed', async () => {
      const dup = await peer.post('/api/clients', intake({ firstName: 'RÓWAN', lastName: 'intaketest' }));
      expect(dup.status).toBe(409);
      expect(dup.body.type).toMatch(/possible-duplicate$/);
      expect(dup.body.duplicateClientId).toEqual(expect.any(String));
      const confirmed = await peer.post('/api/clients', intake({ confirmedNotDuplicate: true }));
      expect(confirmed.status).toBe(201);
    });

    it('says only that a duplicate exists, and whom to ask, when it is outside the caller’s scope', async () => {
      const res = await peer2.post('/api/clients', intake());
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/possible-duplicate$/);
      expect(res.body.duplicateClientId).toBeUndefined();
      expect(res.body.detail).toContain('Morgan Manager');
      expect(res.body.detail).not.toContain('Rowan');
    });

    it('lets a manager enrol a client on a named peer’s caseload, and refuses a non-peer', async () => {
      const ok = await manager.post(
        '/api/clients',
        intake({ firstName: 'Skyler', primaryPeerId: peer2.user?.id }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.primaryPeerId).toBe(peer2.user?.id);
      const bad = await manager.post(
        '/api/clients',
        intake({ firstName: 'Skyler2', primaryPeerId: clinician.user?.id }),
      );
      expect(bad.status).toBe(400);
      const none = await manager.post('/api/clients', intake({ firstName: 'Skyler3' }));
      expect(none.status).toBe(400);
    });

    it.each([
      ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
      ['a future date of birth', { dateOfBirth: '2099-01-01' }, 'dateOfBirth'],
      ['an impossible date', { dateOfBirth: '1990-02-31' }, 'dateOfBirth'],
      ['an unknown contact method', { preferredContactMethod: 'pigeon' }, 'preferredContactMethod'],
      ['a wrong type', { firstName: 7 }, 'firstName'],
      ['a program id that is not a uuid', { programId: 'rss' }, 'programId'],
    ])('answers 400 problem+json to %s and writes nothing', async (_what, change, field) => {
      const before = await count(`SELECT count(*)::int AS n FROM clients`);
      const res = await peer.post('/api/clients', intake({ firstName: 'Invalid', ...change }));
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count(`SELECT count(*)::int AS n FROM clients`)).toBe(before);
    });

    it('refuses clinicians and admins (403)', async () => {
      expect((await clinician.post('/api/clients', intake({ firstName: 'Nope' }))).status).toBe(403);
      expect((await admin.post('/api/clients', intake({ firstName: 'Nope' }))).status).toBe(403);
    });
  });

  describe('editing, discharge and readmission', () => {
    it('edits with the current version and refuses a stale one', async () => {
      const before = (await peer.get(`/api/clients/${peerClient}`)).body;
      const ok = await peer.patch(`/api/clients/${peerClient}`, {
        version: before.version,
        pronouns: 'ze/hir',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(before.version + 1);
      const stale = await peer.patch(`/api/clients/${peerClient}`, {
        version: before.version,
        pronouns: 'she/her',
      });
      expect(stale.status).toBe(409);
      expect(
        (await t.owner.query(`SELECT pronouns FROM clients WHERE id = $1`, [peerClient])).rows[0].pronouns,
      ).toBe('ze/hir');
      expect(
        (await clinician.patch(`/api/clients/${peerClient}`, { version: 1, pronouns: 'x' })).status,
      ).toBe(403);
      expect(
        (await peer2.patch(`/api/clients/${peerClient}`, { version: ok.body.version, pronouns: 'x' })).status,
      ).toBe(404);
    });

    it('lets a manager discharge with a reason and readmit, keeping the history', async () => {
      const created = (
        await peer.post('/api/clients', intake({ firstName: 'Dana', lastName: 'Dischargetest' }))
      ).body;
      expect(
        (await peer.post(`/api/clients/${created.id}/discharge`, { version: 1, reason: 'Moved away' }))
          .status,
      ).toBe(403);
      const out = await manager.post(`/api/clients/${created.id}/discharge`, {
        version: 1,
        reason: 'Moved away',
      });
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({ status: 'discharged', dischargeReason: 'Moved away' });
      const contact = await peer.post(`/api/clients/${created.id}/contacts`, {
        occurredAt: new Date().toISOString(),
        durationMinutes: 15,
        modality: 'phone',
        contactType: 'check_in',
        successful: true,
      });
      expect(contact.status).toBe(409);
      const back = await manager.post(`/api/clients/${created.id}/readmit`, { version: out.body.version });
      expect(back.status).toBe(200);
      expect(back.body.status).toBe('active');
      const history = await t.owner.query(
        `SELECT status FROM client_status_events WHERE client_id = $1 ORDER BY at`,
        [created.id],
      );
      expect(history.rows.map((r) => r.status)).toEqual(['admitted', 'discharged', 'readmitted']);
    });
  });

  describe('caseload assignment', () => {
    it('moves access with the assignment at once, keeping the history', async () => {
      expect((await peer2.get(`/api/clients/${peer2Client}`)).status).toBe(200);
      const moved = await manager.put(`/api/clients/${peer2Client}/primary-peer`, { peerId: peer.user?.id });
      expect(moved.status).toBe(200);
      expect(moved.body.primaryPeerId).toBe(peer.user?.id);
      expect((await peer2.get(`/api/clients/${peer2Client}`)).status).toBe(404);
      expect((await peer.get(`/api/clients/${peer2Client}`)).status).toBe(200);
      const history = await peer.get(`/api/clients/${peer2Client}/assignments`);
      expect(history.body.map((a: { peerId: string }) => a.peerId)).toEqual([peer.user?.id, peer2.user?.id]);
      expect(history.body[1].endedAt).not.toBeNull();
      await manager.put(`/api/clients/${peer2Client}/primary-peer`, { peerId: peer2.user?.id });
    });

    it('refuses peers and clinicians (403), another organization (404) and a non-peer target (400)', async () => {
      expect(
        (await peer.put(`/api/clients/${peerClient}/primary-peer`, { peerId: peer2.user?.id })).status,
      ).toBe(403);
      expect(
        (await clinician.put(`/api/clients/${peerClient}/primary-peer`, { peerId: peer2.user?.id })).status,
      ).toBe(403);
      expect(
        (await otherManager.put(`/api/clients/${peerClient}/primary-peer`, { peerId: otherPeer.user?.id }))
          .status,
      ).toBe(404);
      expect(
        (await manager.put(`/api/clients/${peerClient}/primary-peer`, { peerId: clinician.user?.id })).status,
      ).toBe(400);
      const owner = await t.owner.query(`SELECT primary_peer_id FROM clients WHERE id = $1`, [peerClient]);
      expect(owner.rows[0].primary_peer_id).toBe(peer.user?.id);
    });

    it('moves several clients at once, all or nothing', async () => {
      const ids = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY id LIMIT 3`, [
          peer2.user?.id,
        ])
      ).rows.map((r) => r.id as string);
      const foreign = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [otherPeer.user?.id])
      ).rows[0].id;
      const refused = await manager.post('/api/caseload-transfers', {
        clientIds: [...ids, foreign],
        peerId: peer.user?.id,
      });
      expect(refused.status).toBe(404);
      expect(
        await count(`SELECT count(*)::int AS n FROM clients WHERE id = ANY($1) AND primary_peer_id = $2`, [
          ids,
          peer.user?.id,
        ]),
      ).toBe(0);
      const ok = await manager.post('/api/caseload-transfers', { clientIds: ids, peerId: peer.user?.id });
      expect(ok.status).toBe(200);
      expect(ok.body.items).toHaveLength(3);
      expect(
        await count(`SELECT count(*)::int AS n FROM clients WHERE id = ANY($1) AND primary_peer_id = $2`, [
          ids,
          peer.user?.id,
        ]),
      ).toBe(3);
    });
  });

  describe('GET /api/caseload', () => {
    it('lists the peer’s active clients, overdue first, with recovery days and milestones', async () => {
      const res = await peer.get('/api/caseload');
      expect(res.status).toBe(200);
      const items = res.body.items;
      expect(items.length).toBeGreaterThanOrEqual(12);
      const firstFresh = items.findIndex((i: { overdue: boolean }) => !i.overdue);
      expect(items.slice(firstFresh).every((i: { overdue: boolean }) => !i.overdue)).toBe(true);
      expect(items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
      const withRecovery = items.find((i: { daysInRecovery: number | null }) => i.daysInRecovery !== null);
      expect(withRecovery.nextMilestone).toEqual(expect.objectContaining({ label: expect.any(String) }));
      for (const i of items) {
        if (i.daysSinceContact !== null) expect(i.overdue).toBe(i.daysSinceContact >= i.overdueAfterDays);
      }
      expect((await clinician.get('/api/caseload')).status).toBe(403);
      expect((await admin.get('/api/caseload')).status).toBe(403);
    });

    it('follows the program’s overdue threshold', async () => {
      const c = (await peer.post('/api/clients', intake({ firstName: 'Threshold', lastName: 'Testcase' })))
        .body;
      await peer.post(`/api/clients/${c.id}/contacts`, {
        occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        durationMinutes: 20,
        modality: 'phone',
        contactType: 'check_in',
        successful: true,
        note: 'Checked in by phone.',
        sign: true,
      });
      const entry = async () =>
        (await peer.get('/api/caseload')).body.items.find((i: { clientId: string }) => i.clientId === c.id);
      expect((await entry()).overdue).toBe(false);
      await t.owner.query(`UPDATE programs SET overdue_contact_days = 3 WHERE id = $1`, [program]);
      expect((await entry()).overdue).toBe(true);
      await t.owner.query(`UPDATE programs SET overdue_contact_days = 14 WHERE id = $1`, [program]);
    });
  });
});
