import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('emergency access, documentation review and access review', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let otherPeer: Staff;
  let peerClient: string;
  let otherOrgClient: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, manager, otherPeer] = await Promise.all(
      ['peer@demo.test', 'peer2@demo.test', 'manager@demo.test', 'peer@other.test'].map((e) => t.signIn(e)),
    );
    peerClient = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1`, [
        peer.user?.id,
      ])
    ).rows[0].id;
    otherOrgClient = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [otherPeer.user?.id])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const breakGlass = (
    staff: Staff,
    clientId: string,
    password = 'peerpath-demo-2026',
    reason = 'Client in crisis at the front desk (test)',
  ) => staff.post(`/api/clients/${clientId}/emergency-access`, { password, reason });

  describe('emergency access', () => {
    it('is granted only with the right password and a reason, and refused across organizations', async () => {
      expect((await peer2.get(`/api/clients/${peerClient}`)).status).toBe(404);
      expect((await breakGlass(peer2, peerClient, 'wrong-password-here')).status).toBe(403);
      expect((await breakGlass(peer2, peerClient, 'peerpath-demo-2026', 'short')).status).toBe(400);
      expect((await breakGlass(otherPeer, peerClient)).status).toBe(404);
      expect((await breakGlass(peer, peerClient)).status).toBe(409);
      expect(
        await count(`SELECT count(*)::int AS n FROM emergency_access WHERE client_id = $1`, [peerClient]),
      ).toBe(0);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND outcome = 'denied' AND client_id = $2`,
          [peer2.user?.id, peerClient],
        ),
      ).toBeGreaterThanOrEqual(2);
    });

    it('opens that one client for reading for 60 minutes, audits every access as emergency, and lists it for review', async () => {
      const grant = await breakGlass(peer2, peerClient);
      expect(grant.status).toBe(201);
      const minutes = (Date.parse(grant.body.expiresAt) - Date.parse(grant.body.grantedAt)) / 60000;
      expect(minutes).toBe(60);
      expect((await peer2.get(`/api/clients/${peerClient}`)).status).toBe(200);
      expect((await peer2.get(`/api/clients/${peerClient}/timeline`)).status).toBe(200);
      const contact = {
        occurredAt: new Date().toISOString(),
        durationMinutes: 15,
        modality: 'phone',
        contactType: 'crisis_support',
        successful: true,
      };
      expect((await peer2.post(`/api/clients/${peerClient}/contacts`, contact)).status).toBe(404);
      const another = (
        await t.owner.query(
          `SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key DESC LIMIT 1`,
          [peer.user?.id],
        )
      ).rows[0].id;
      expect((await peer2.get(`/api/clients/${another}`)).status).toBe(404);
      const flagged = await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND client_id = $2 AND emergency AND outcome = 'success'`,
        [peer2.user?.id, peerClient],
      );
      expect(flagged).toBeGreaterThanOrEqual(2);
      const mine = await peer2.get('/api/emergency-access/mine');
      expect(mine.body.map((g: { clientId: string }) => g.clientId)).toEqual([peerClient]);
      const queue = await manager.get('/api/emergency-access');
      expect(queue.status).toBe(200);
      expect(queue.body.map((g: { id: string }) => g.id)).toContain(grant.body.id);
      const reviewed = await manager.post(`/api/emergency-access/${grant.body.id}/review`, {
        comment: 'Appropriate (test).',
      });
      expect(reviewed.status).toBe(200);
      expect(
        (await manager.get('/api/emergency-access')).body.map((g: { id: string }) => g.id),
      ).not.toContain(grant.body.id);
      expect((await manager.post(`/api/emergency-access/${grant.body.id}/review`, {})).status).toBe(409);
      expect((await peer.get('/api/emergency-access')).status).toBe(403);
    });

    it('ends when the 60 minutes are over', async () => {
      const client = (
        await t.owner.query(
          `SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key OFFSET 2 LIMIT 1`,
          [peer.user?.id],
        )
      ).rows[0].id;
      const grant = await breakGlass(peer2, client);
      expect((await peer2.get(`/api/clients/${client}`)).status).toBe(200);
      await t.owner.query(
        `UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [grant.body.id],
      );
      expect((await peer2.get(`/api/clients/${client}`)).status).toBe(404);
    });

    it('is not available to managers or admins, nor across organizations', async () => {
      expect((await breakGlass(manager, otherOrgClient)).status).toBe(403);
      expect((await breakGlass(peer2, otherOrgClient)).status).toBe(404);
    });
  });

  describe('documentation review', () => {
    it('queues sampled, long and late contacts; a review comment reaches the peer; coverage counts it', async () => {
      const long = await peer.post(`/api/clients/${peerClient}/contacts`, {
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        durationMinutes: 150,
        modality: 'in_person',
        contactType: 'transportation',
        successful: true,
        note: 'Drove to the county clinic and back.',
        sign: true,
      });
      const queue = await manager.get('/api/documentation-review/queue');
      expect(queue.status).toBe(200);
      const item = queue.body.find((q: { contactId: string }) => q.contactId === long.body.id);
      expect(item.reasons).toContain('over_120_minutes');
      expect(queue.body.every((q: { reasons: string[] }) => q.reasons.length > 0)).toBe(true);
      const before = (await manager.get('/api/documentation-review/coverage')).body.find(
        (c: { peerId: string }) => c.peerId === peer.user?.id,
      );
      const review = await manager.post(`/api/contacts/${long.body.id}/review`, {
        comment: 'Good detail on the ride (test).',
      });
      expect(review.status).toBe(201);
      expect((await manager.post(`/api/contacts/${long.body.id}/review`, {})).status).toBe(409);
      const seen = await peer.get(`/api/contacts/${long.body.id}`);
      expect(seen.body.review).toEqual({
        contactId: long.body.id,
        comment: 'Good detail on the ride (test).',
        reviewerId: manager.user?.id,
        reviewerName: manager.user?.name,
        reviewedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      const after = (await manager.get('/api/documentation-review/coverage')).body.find(
        (c: { peerId: string }) => c.peerId === peer.user?.id,
      );
      expect(after.reviewed).toBe(before.reviewed + 1);
      expect(
        (await manager.get('/api/documentation-review/queue')).body.some(
          (q: { contactId: string }) => q.contactId === long.body.id,
        ),
      ).toBe(false);
      expect((await peer.get('/api/documentation-review/queue')).status).toBe(403);
    });
  });

  describe('access review', () => {
    it('highlights refusals and emergency access, and exports the same events as CSV, audited', async () => {
      const highlights = await manager.get('/api/audit-events/highlights');
      expect(highlights.status).toBe(200);
      const kinds = highlights.body.map((h: { kind: string }) => h.kind);
      expect(kinds).toEqual(expect.arrayContaining(['denied', 'emergency_access']));
      const denied = highlights.body.find(
        (h: { kind: string; actorId: string }) => h.kind === 'denied' && h.actorId === peer2.user?.id,
      );
      expect(denied.count).toBeGreaterThan(0);
      const json = await manager.get(`/api/audit-events?actorId=${peer2.user?.id}&limit=100`);
      const csv = await manager.get(`/api/audit-events/export.csv?actorId=${peer2.user?.id}`);
      expect(csv.status).toBe(200);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'id,at,actorId,actorRole,action,entityType,entityId,clientId,outcome,emergency,ip,actorName,clientName',
      );
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(json.body.items.map((e: { id: string }) => e.id).sort());
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'audit.export' AND actor_id = $1`,
          [manager.user?.id],
        ),
      ).toBe(1);
      const emergencyOnly = await manager.get('/api/audit-events?emergency=true');
      expect(emergencyOnly.body.items.length).toBeGreaterThan(0);
      expect(emergencyOnly.body.items.every((e: { emergency: boolean }) => e.emergency)).toBe(true);
    });

    it('flags a peer who reads many clients outside their caseload', async () => {
      const others = (
        await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key`, [
          peer2.user?.id,
        ])
      ).rows;
      for (const row of others.slice(0, 11)) {
        await t.owner.query(
          `INSERT INTO audit_events (organization_id, actor_id, actor_role, action, entity_type, client_id, outcome)
           VALUES ($1, $2, 'peer', 'client.read', 'client', $3, 'success')`,
          [peer.user?.organizationId, peer.user?.id, row.id],
        );
      }
      const highlights = await manager.get('/api/audit-events/highlights');
      const many = highlights.body.find(
        (h: { kind: string; actorId: string }) =>
          h.kind === 'many_clients_outside_caseload' && h.actorId === peer.user?.id,
      );
      expect(many).toBeDefined();
      expect(many.count).toBeGreaterThanOrEqual(11);
    });
  });
});
