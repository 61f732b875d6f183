import { clinicDate } from './support/clinic-date';
import { REFERRAL_STATUSES, REFERRAL_TRANSITIONS, ReferralStatus } from '@peerpath/contracts';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('referrals, consent and disclosures', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let clinician: Staff;
  let manager: Staff;
  let admin: Staff;
  let otherPeer: Staff;
  let client: string;
  let resource: string;
  let resourceName: string;

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
    // A client with no seeded referrals or consents, so every count below starts from zero.
    client = (
      await t.owner.query(
        `SELECT c.id FROM clients c WHERE c.primary_peer_id = $1
           AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.client_id = c.id) ORDER BY c.name_key LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    const r = await t.owner.query(
      `SELECT r.id, r.name FROM resources r JOIN users u ON u.organization_id = r.organization_id
        WHERE u.id = $1 AND 'housing' = ANY(r.needs) LIMIT 1`,
      [peer.user?.id],
    );
    resource = r.rows[0].id;
    resourceName = r.rows[0].name;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const refer = (staff: Staff, body: object) => staff.post(`/api/clients/${client}/referrals`, body);
  const draft = async (over: object = {}) =>
    (await refer(peer, { resourceId: resource, need: 'housing', status: 'draft', ...over })).body;
  const move = (staff: Staff, id: string, status: string, note?: string) =>
    staff.post(`/api/referrals/${id}/status`, {
      status,
      ...(note ? { note } : {}),
      ...(status === 'declined' ? { declinedBy: 'client', reason: 'not_interested' } : {}),
    });

  /** Walks a fresh referral to `target` along legal moves. */
  async function referralIn(target: ReferralStatus): Promise<string> {
    const id = (await draft()).id as string;
    const path: Record<ReferralStatus, ReferralStatus[]> = {
      draft: [],
      sent: ['sent'],
      waitlisted: ['sent', 'waitlisted'],
      accepted: ['sent', 'accepted'],
      completed: ['sent', 'accepted', 'completed'],
      declined: ['sent', 'declined'],
      no_show: ['sent', 'accepted', 'no_show'],
      cancelled: ['cancelled'],
      unable_to_contact: ['sent', 'unable_to_contact'],
      no_capacity: ['sent', 'no_capacity'],
    };
    for (const s of path[target]) expect((await move(peer, id, s)).status).toBe(200);
    return id;
  }

  describe('the status machine', () => {
    const moves = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.map((to) => [from, to] as const));
    it.each(moves)('%s → %s is allowed only if PRODUCT.md §3 and §5 say so', async (from, to) => {
      const id = await referralIn(from);
      const res = await move(peer, id, to, 'test move');
      const legal = REFERRAL_TRANSITIONS[from].includes(to);
      expect(res.status).toBe(legal ? 200 : 409);
      const row = await t.owner.query(`SELECT status FROM referrals WHERE id = $1`, [id]);
      expect(row.rows[0].status).toBe(legal ? to : from);
      if (!legal) expect(res.body.type).toMatch(/illegal-status-move$/);
    });

    it('keeps every move with who, when and note', async () => {
      const id = await referralIn('accepted');
      const done = await move(peer, id, 'completed', 'Moved in on Monday (fake)');
      expect(done.body.events.map((e: { status: string }) => e.status)).toEqual([
        'draft',
        'sent',
        'accepted',
        'completed',
      ]);
      expect(done.body.events[3]).toEqual(
        expect.objectContaining({
          actorId: peer.user?.id,
          note: 'Moved in on Monday (fake)',
          at: expect.any(String),
        }),
      );
    });

    it('keeps who declined and why, the waitlist date, and refuses a decline without them (400)', async () => {
      const id = await referralIn('sent');
      const bare = await peer.post(`/api/referrals/${id}/status`, { status: 'declined' });
      expect(bare.status).toBe(400);
      const badReason = await peer.post(`/api/referrals/${id}/status`, {
        status: 'declined',
        declinedBy: 'client',
        reason: 'because',
      });
      expect(badReason.status).toBe(400);
      const waiting = await peer.post(`/api/referrals/${id}/status`, {
        status: 'waitlisted',
        expectedOn: '2031-02-30',
      });
      expect(waiting.status).toBe(400);
      const listed = await peer.post(`/api/referrals/${id}/status`, {
        status: 'waitlisted',
        expectedOn: '2031-02-03',
      });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual(
        expect.objectContaining({ status: 'waitlisted', expectedOn: '2031-02-03' }),
      );
      const declined = await peer.post(`/api/referrals/${id}/status`, {
        status: 'declined',
        declinedBy: 'recipient',
        reason: 'not_eligible',
      });
      expect(declined.status).toBe(200);
      expect(declined.body).toEqual(
        expect.objectContaining({
          status: 'declined',
          declinedBy: 'recipient',
          declineReason: 'not_eligible',
        }),
      );
      expect(declined.body.events.at(-1)).toEqual(expect.objectContaining({ actorKind: 'staff' }));
      const report = await manager.get('/api/reports/caseloads');
      expect(report.status).toBe(200);
      expect(report.body.referralDeclines).toEqual(
        expect.arrayContaining([{ declinedBy: 'recipient', reason: 'not_eligible', n: expect.any(Number) }]),
      );
      expect(report.body.referralOutcomes.declined).toBeGreaterThanOrEqual(1);
      const noRoom = await referralIn('no_capacity');
      const unreachable = await referralIn('unable_to_contact');
      const after = await manager.get('/api/reports/caseloads');
      expect(after.body.referralOutcomes).toEqual(
        expect.objectContaining({ no_capacity: expect.any(Number), unable_to_contact: expect.any(Number) }),
      );
      expect((await move(peer, noRoom, 'cancelled')).status).toBe(409);
      expect((await move(peer, unreachable, 'accepted')).status).toBe(409);
    });

    it('sets a follow-up 7 days after sending and flags it overdue once past', async () => {
      const id = await referralIn('sent');
      const res = await peer.get(`/api/referrals/${id}`);
      const expected = clinicDate(7);
      expect(res.body.followUpOn).toBe(expected);
      expect(res.body.overdue).toBe(false);
      // The clinic's yesterday, not the database server's: from 7 pm in New York they differ.
      await t.owner.query(`UPDATE referrals SET follow_up_on = $2 WHERE id = $1`, [id, clinicDate(-1)]);
      expect((await peer.get(`/api/referrals/${id}`)).body.overdue).toBe(true);
      const overdueList = await peer.get(`/api/referrals?overdue=true&limit=100`);
      expect(overdueList.body.items.map((r: { id: string }) => r.id)).toContain(id);
      const caseload = await peer.get('/api/caseload');
      const entry = caseload.body.items.find((i: { clientId: string }) => i.clientId === client);
      expect(entry.overdueReferrals).toBeGreaterThanOrEqual(1);
      expect(entry.openReferrals).toBeGreaterThanOrEqual(entry.overdueReferrals);
      await move(peer, id, 'cancelled');
    });
  });

  describe('42 CFR Part 2 consent', () => {
    it('refuses to share without a consent (409 consent-required), writing nothing, and audits it', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM referrals WHERE client_id = $1`, [client]);
      const res = await refer(peer, { resourceId: resource, need: 'housing', shareInformation: true });
      expect(res.status).toBe(409);
      expect(isProblem(res)).toBe(true);
      expect(res.body.type).toMatch(/consent-required$/);
      expect(await count(`SELECT count(*)::int AS n FROM referrals WHERE client_id = $1`, [client])).toBe(
        before,
      );
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND outcome = 'denied' AND actor_id = $2`,
          [client, peer.user?.id],
        ),
      ).toBeGreaterThanOrEqual(1);
    });

    it('shares once a consent in force covers the recipient, and records exactly one disclosure', async () => {
      const consent = await peer.post(`/api/clients/${client}/consents`, {
        recipientResourceId: resource,
        purpose: 'Housing application follow-up',
        information: 'Name, phone and housing need',
        signedAt: clinicDate(),
        expiresAt: '2099-12-31',
        revocationStatementAcknowledged: true,
      });
      expect(consent.status).toBe(201);
      expect(consent.body.inForce).toBe(true);
      const res = await refer(peer, { resourceId: resource, need: 'housing', shareInformation: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'sent', consentId: consent.body.id, shareInformation: true });
      await move(peer, res.body.id, 'accepted');
      await move(peer, res.body.id, 'completed');
      expect(
        await count(`SELECT count(*)::int AS n FROM disclosures WHERE referral_id = $1`, [res.body.id]),
      ).toBe(1);
      const accounting = await peer.get(`/api/clients/${client}/disclosures`);
      expect(accounting.status).toBe(200);
      expect(accounting.body).toEqual([
        expect.objectContaining({
          referralId: res.body.id,
          consentId: consent.body.id,
          recipient: expect.stringContaining(resourceName),
        }),
      ]);
      expect((await clinician.get(`/api/clients/${client}/disclosures`)).status).toBe(200);
    });

    it('does not disclose anything for a referral that shares nothing', async () => {
      const res = await refer(peer, { outsideOrganization: 'Corner Soup Kitchen (fake)', need: 'food' });
      expect(res.status).toBe(201);
      expect(
        await count(`SELECT count(*)::int AS n FROM disclosures WHERE referral_id = $1`, [res.body.id]),
      ).toBe(0);
    });

    it('does not accept an expired consent, a revoked one, or one naming someone else', async () => {
      const outside = 'Eastside Recovery Cafe (fake)';
      const base = {
        purpose: 'Peer support coordination',
        information: 'Name and phone',
        signedAt: '2025-01-01',
        revocationStatementAcknowledged: true,
      };
      await peer.post(`/api/clients/${client}/consents`, {
        ...base,
        recipientOrganization: outside,
        expiresAt: '2025-06-30',
      });
      await peer.post(`/api/clients/${client}/consents`, {
        ...base,
        recipientOrganization: 'Someone Else (fake)',
        expiresAt: '2099-01-01',
      });
      expect(
        (await refer(peer, { outsideOrganization: outside, need: 'mutual_aid', shareInformation: true }))
          .status,
      ).toBe(409);
      const current = await peer.post(`/api/clients/${client}/consents`, {
        ...base,
        recipientOrganization: outside.toUpperCase(),
        expiryEvent: 'End of treatment',
      });
      const ok = await refer(peer, {
        outsideOrganization: outside,
        need: 'mutual_aid',
        shareInformation: true,
        status: 'draft',
      });
      expect(ok.status).toBe(201);
      const revoked = await peer.post(`/api/consents/${current.body.id}/revoke`, { method: 'written' });
      expect(revoked.status).toBe(200);
      expect(revoked.body.inForce).toBe(false);
      const send = await move(peer, ok.body.id, 'sent');
      expect(send.status).toBe(409);
      expect(send.body.type).toMatch(/consent-required$/);
      expect(
        await count(`SELECT count(*)::int AS n FROM disclosures WHERE referral_id = $1`, [ok.body.id]),
      ).toBe(0);
      expect((await peer.post(`/api/consents/${current.body.id}/revoke`, { method: 'verbal' })).status).toBe(
        409,
      );
    });

    it.each([
      ['no recipient', { recipientOrganization: undefined }],
      ['two recipients', { generalDesignation: 'Any treatment provider' }],
      ['no expiry', { expiresAt: undefined }],
      ['a future signature', { signedAt: '2099-01-01' }],
      ['an unknown field', { witness: 'x' }],
      ['the revocation statement not acknowledged', { revocationStatementAcknowledged: false }],
    ])('refuses a consent with %s (400) and stores nothing', async (_what, change) => {
      const before = await count(`SELECT count(*)::int AS n FROM consents WHERE client_id = $1`, [client]);
      const body = {
        recipientOrganization: 'Valid Org (fake)',
        purpose: 'Coordination',
        information: 'Name',
        signedAt: '2026-01-01',
        expiresAt: '2027-01-01',
        revocationStatementAcknowledged: true,
        ...change,
      };
      const res = await peer.post(`/api/clients/${client}/consents`, body);
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(await count(`SELECT count(*)::int AS n FROM consents WHERE client_id = $1`, [client])).toBe(
        before,
      );
    });
  });

  describe('who may do what', () => {
    it('lets clinicians refer and read program-wide, managers read and move status only, admins nothing', async () => {
      expect(
        (await refer(clinician, { outsideOrganization: 'Clinic Partner (fake)', need: 'medical' })).status,
      ).toBe(201);
      const referral = (await refer(peer, { outsideOrganization: 'Status Only (fake)', need: 'legal' })).body;
      expect((await refer(manager, { outsideOrganization: 'Nope', need: 'legal' })).status).toBe(403);
      expect((await move(manager, referral.id, 'accepted')).status).toBe(200);
      expect((await manager.get(`/api/clients/${client}/referrals`)).status).toBe(200);
      expect((await admin.get(`/api/clients/${client}/referrals`)).status).toBe(403);
      expect((await admin.get('/api/referrals')).status).toBe(403);
      expect((await manager.post(`/api/clients/${client}/consents`, {})).status).toBe(403);
      expect((await manager.get(`/api/clients/${client}/consents`)).status).toBe(200);
    });

    it('hides another caseload’s and another organization’s referrals (404)', async () => {
      const referral = (await refer(peer, { outsideOrganization: 'Private (fake)', need: 'food' })).body;
      expect((await peer2.get(`/api/referrals/${referral.id}`)).status).toBe(404);
      expect((await move(peer2, referral.id, 'cancelled')).status).toBe(404);
      expect((await otherPeer.get(`/api/referrals/${referral.id}`)).status).toBe(404);
      expect((await otherPeer.get(`/api/clients/${client}/consents`)).status).toBe(404);
      expect(
        (
          await otherPeer.post(`/api/clients/${client}/referrals`, {
            outsideOrganization: 'X (fake)',
            need: 'food',
          })
        ).status,
      ).toBe(404);
      const mine = await peer2.get('/api/referrals?limit=100');
      expect(mine.body.items.some((r: { id: string }) => r.id === referral.id)).toBe(false);
    });

    it.each([
      ['both a resource and an outside organization', { outsideOrganization: 'Both (fake)' }],
      ['an unknown need', { need: 'spaceship' }],
      ['an unknown field', { priority: 1 }],
      ['an unknown status', { status: 'completed' }],
      ['a resource id that is not a uuid', { resourceId: 'abc' }],
    ])('answers 400 to %s and writes nothing', async (_what, change) => {
      const before = await count(`SELECT count(*)::int AS n FROM referrals WHERE client_id = $1`, [client]);
      const res = await refer(peer, { resourceId: resource, need: 'housing', ...change });
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(await count(`SELECT count(*)::int AS n FROM referrals WHERE client_id = $1`, [client])).toBe(
        before,
      );
    });

    it('answers 404 to a resource of another organization', async () => {
      const foreign = (
        await t.owner.query(
          `SELECT r.id FROM resources r JOIN users u ON u.organization_id = r.organization_id WHERE u.id = $1 LIMIT 1`,
          [otherPeer.user?.id],
        )
      ).rows[0].id;
      expect((await refer(peer, { resourceId: foreign, need: 'housing' })).status).toBe(404);
    });
  });

  describe('program history and export', () => {
    it('filters by need, status and resource, and exports the same rows as CSV (audited)', async () => {
      const json = await clinician.get(
        `/api/referrals?need=housing&status=completed&resourceId=${resource}&limit=100`,
      );
      expect(json.status).toBe(200);
      expect(json.body.items.length).toBeGreaterThan(0);
      expect(
        json.body.items.every(
          (r: { need: string; resourceId: string }) => r.need === 'housing' && r.resourceId === resource,
        ),
      ).toBe(true);
      const csv = await clinician.get(
        `/api/referrals/export.csv?need=housing&status=completed&resourceId=${resource}`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'id,clientId,clientName,need,urgency,resourceName,outsideOrganization,status,followUpOn,overdue,shareInformation,createdAt',
      );
      expect(lines.length - 1).toBe(json.body.items.length);
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(json.body.items.map((r: { id: string }) => r.id).sort());
      expect(
        await count(
          `SELECT count(DISTINCT request_id)::int AS n FROM audit_events WHERE action = 'referral.export' AND actor_id = $1`,
          [clinician.user?.id],
        ),
      ).toBe(1);
    });
  });
});

describe('the resource directory', () => {
  let t: TestApp;
  let peer: Staff;
  let manager: Staff;
  let admin: Staff;
  let otherAdmin: Staff;
  beforeAll(async () => {
    t = await startTestApp();
    [peer, manager, admin, otherAdmin] = await Promise.all(
      ['peer@demo.test', 'manager@demo.test', 'admin@demo.test', 'admin@other.test'].map((e) => t.signIn(e)),
    );
  });
  afterAll(() => t.close());

  it('searches by text, most relevant first, and by need', async () => {
    const res = await peer.get('/api/resources?q=recovery%20house');
    expect(res.status).toBe(200);
    expect(res.body.items[0].name).toBe('Second Wind Recovery House (demo)');
    const food = await peer.get('/api/resources?need=food');
    expect(food.body.items.length).toBeGreaterThan(0);
    expect(food.body.items.every((r: { needs: string[] }) => r.needs.includes('food'))).toBe(true);
    const all = await peer.get('/api/resources?limit=5');
    const next = await peer.get(`/api/resources?limit=5&cursor=${encodeURIComponent(all.body.nextCursor)}`);
    expect(new Set([...all.body.items, ...next.body.items].map((r: { id: string }) => r.id)).size).toBe(10);
  });

  it('lets managers and admins edit (version checked); peers read only; other clinics never see it', async () => {
    const created = await manager.post('/api/resources', {
      name: 'Test Pantry (fake)',
      needs: ['food'],
      website: 'https://pantry.example.test',
    });
    expect(created.status).toBe(201);
    expect((await peer.post('/api/resources', { name: 'Peer resource' })).status).toBe(403);
    const edited = await admin.patch(`/api/resources/${created.body.id}`, {
      version: created.body.version,
      status: 'temporarily_closed',
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await admin.patch(`/api/resources/${created.body.id}`, {
          version: created.body.version,
          name: 'Stale',
        })
      ).status,
    ).toBe(409);
    expect((await otherAdmin.get(`/api/resources/${created.body.id}`)).status).toBe(404);
    expect(
      (await manager.post('/api/resources', { name: 'Bad', website: 'javascript:alert(1)' })).status,
    ).toBe(400);
    expect((await manager.post('/api/resources', { name: 'Bad', needs: ['unicorns'] })).status).toBe(400);
  });
});
