import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** A pinned clock, so the queue's clock and the times to first contact are exact. */
const NOW = new Date('2026-03-10T15:00:00Z');
const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe('handoffs coming in', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let admin: Staff;
  let otherPeer: Staff;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: () => NOW });
    [peer, peer2, manager, clinician, admin, otherPeer] = await Promise.all(
      [
        'peer@demo.test',
        'peer2@demo.test',
        'manager@demo.test',
        'clinician@demo.test',
        'admin@demo.test',
        'peer@other.test',
      ].map((e) => t.signIn(e)),
    );
    programId = peer.user?.programIds[0] as string;
  });
  afterAll(() => t.close());

  let serial = 0;
  const handoff = async (over: object = {}, by: Staff = manager) => {
    serial += 1;
    const res = await by.post('/api/handoffs', {
      programId,
      source: 'emergency_department',
      referrerName: 'Dr. Demo Triage (fake)',
      referrerContact: '555-0100',
      firstName: `Handoff${serial}`,
      lastName: 'Testperson',
      phone: '555-0199',
      dateOfBirth: '1988-05-0' + ((serial % 9) + 1),
      need: 'moud',
      receivedAt: hoursBefore(3),
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; minutesSinceReceipt: number };
  };

  it('shows the program’s queue with the clock since receipt to its peers and managers only', async () => {
    const h = await handoff({ receivedAt: hoursBefore(5) });
    expect(h.status).toBe('new');
    expect(h.minutesSinceReceipt).toBe(300);
    for (const staff of [peer, peer2, manager]) {
      const res = await staff.get('/api/handoffs');
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toContain(h.id);
    }
    expect((await clinician.get('/api/handoffs')).status).toBe(403);
    expect((await admin.get('/api/handoffs')).status).toBe(403);
    expect((await otherPeer.get(`/api/handoffs/${h.id}`)).status).toBe(404);
    const theirs = (await otherPeer.get('/api/handoffs')).body.items.map((i: { id: string }) => i.id);
    expect(theirs).not.toContain(h.id);
    expect((await otherPeer.post(`/api/handoffs/${h.id}/claim`)).status).toBe(404);
    const audit = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'handoff.create' AND entity_id = $1`,
      [h.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('refuses a future receipt, an unknown source, unknown fields and another organization’s program (400)', async () => {
    const base = {
      programId,
      source: 'hospital',
      referrerName: 'Nurse (fake)',
      firstName: 'A',
      lastName: 'B',
      need: 'housing',
    };
    expect((await manager.post('/api/handoffs', { ...base, source: 'mall' })).status).toBe(400);
    expect(
      (await manager.post('/api/handoffs', { ...base, receivedAt: '2099-01-01T00:00:00Z' })).status,
    ).toBe(400);
    expect((await manager.post('/api/handoffs', { ...base, secret: 1 })).status).toBe(400);
    const other = otherPeer.user?.programIds[0] as string;
    expect((await manager.post('/api/handoffs', { ...base, programId: other })).status).toBe(400);
  });

  it('lets exactly one of two peers claiming at once win', async () => {
    const h = await handoff();
    const results = await Promise.all([
      peer.post(`/api/handoffs/${h.id}/claim`),
      peer2.post(`/api/handoffs/${h.id}/claim`),
      peer.post(`/api/handoffs/${h.id}/claim`),
      peer2.post(`/api/handoffs/${h.id}/claim`),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200);
    const row = await t.owner.query(`SELECT claimed_by, status FROM handoffs WHERE id = $1`, [h.id]);
    expect(row.rows[0]).toEqual({ claimed_by: winner?.body.claimedBy, status: 'claimed' });
    const claims = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'handoff.claim' AND entity_id = $1`,
      [h.id],
    );
    expect(claims.rows[0].n).toBe(1);
    expect((await manager.post(`/api/handoffs/${h.id}/claim`)).status).toBe(403);
  });

  it('logs attempts with their times; only the claimer works the handoff', async () => {
    const h = await handoff({ receivedAt: hoursBefore(10) });
    expect(
      (await peer.post(`/api/handoffs/${h.id}/attempts`, { method: 'phone', successful: false })).status,
    ).toBe(409);
    await peer.post(`/api/handoffs/${h.id}/claim`);
    expect(
      (await peer2.post(`/api/handoffs/${h.id}/attempts`, { method: 'phone', successful: false })).status,
    ).toBe(409);
    const early = await peer.post(`/api/handoffs/${h.id}/attempts`, {
      method: 'phone',
      successful: false,
      at: hoursBefore(11),
    });
    expect(early.status).toBe(400);
    await peer.post(`/api/handoffs/${h.id}/attempts`, {
      method: 'phone',
      successful: false,
      at: hoursBefore(8),
    });
    const reached = await peer.post(`/api/handoffs/${h.id}/attempts`, {
      method: 'text',
      successful: true,
      at: hoursBefore(6),
      note: 'Agreed to meet (fake)',
    });
    expect(reached.status).toBe(201);
    expect(reached.body).toEqual(
      expect.objectContaining({ firstAttemptAt: hoursBefore(8), firstContactAt: hoursBefore(6) }),
    );
    expect(reached.body.attempts.map((a: { successful: boolean }) => a.successful)).toEqual([false, true]);
    // Attempts are history: the app's role can neither change nor remove them.
    await expect(
      t.owner.query(`SET ROLE peerpath_app; DELETE FROM handoff_attempts WHERE handoff_id = '${h.id}'`),
    ).rejects.toThrow();
    await t.owner.query('RESET ROLE');
  });

  it('converts through the normal intake, with its duplicate check, onto the claimer’s caseload', async () => {
    const h = await handoff({ dateOfBirth: undefined, firstName: 'Quinn', lastName: 'Convertible' });
    await peer.post(`/api/handoffs/${h.id}/claim`);
    const noDob = await peer.post(`/api/handoffs/${h.id}/convert`, {});
    expect(noDob.status).toBe(400);
    const done = await peer.post(`/api/handoffs/${h.id}/convert`, { dateOfBirth: '1990-01-02' });
    expect(done.status).toBe(201);
    const client = await peer.get(`/api/clients/${done.body.clientId}`);
    expect(client.status).toBe(200);
    expect(client.body).toEqual(
      expect.objectContaining({ firstName: 'Quinn', primaryPeerId: peer.user?.id }),
    );
    const after = await peer.get(`/api/handoffs/${h.id}`);
    expect(after.body).toEqual(
      expect.objectContaining({ status: 'converted', clientId: done.body.clientId }),
    );
    expect((await peer.post(`/api/handoffs/${h.id}/convert`, {})).status).toBe(409);

    // The same person handed off again: the intake's duplicate check answers 409 and nothing is written.
    const again = await handoff({ firstName: 'Quinn', lastName: 'Convertible', dateOfBirth: '1990-01-02' });
    await peer.post(`/api/handoffs/${again.id}/claim`);
    const dup = await peer.post(`/api/handoffs/${again.id}/convert`, {});
    expect(dup.status).toBe(409);
    expect(dup.body.type).toMatch(/possible-duplicate$/);
    expect(dup.body.duplicateClientId).toBe(done.body.clientId);
    expect((await peer.get(`/api/handoffs/${again.id}`)).body.status).toBe('claimed');
    const closed = await peer.post(`/api/handoffs/${again.id}/close`, { reason: 'already_client' });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual(
      expect.objectContaining({ status: 'closed', closedReason: 'already_client' }),
    );
    expect((await peer.get('/api/handoffs')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      again.id,
    );
  });

  it('takes the intake form’s details at conversion and carries the attempts onto the record as contacts', async () => {
    const h = await handoff({ firstName: 'Rory', lastName: 'Intakeform', receivedAt: hoursBefore(9) });
    await peer.post(`/api/handoffs/${h.id}/claim`);
    await peer.post(`/api/handoffs/${h.id}/attempts`, {
      method: 'phone',
      successful: false,
      at: hoursBefore(8),
    });
    await peer.post(`/api/handoffs/${h.id}/attempts`, {
      method: 'in_person',
      successful: true,
      at: hoursBefore(7),
      note: 'Met at the clinic door (fake)',
    });
    expect((await peer.post(`/api/handoffs/${h.id}/convert`, { programId })).status).toBe(400);
    const done = await peer.post(`/api/handoffs/${h.id}/convert`, {
      lastName: 'Intake-Form',
      preferredName: 'Ro',
      email: 'rory@example.test',
      preferredContactMethod: 'text',
    });
    expect(done.status).toBe(201);
    const client = await peer.get(`/api/clients/${done.body.clientId}`);
    expect(client.body).toEqual(
      expect.objectContaining({
        firstName: 'Rory',
        lastName: 'Intake-Form',
        preferredName: 'Ro',
        email: 'rory@example.test',
        phone: '555-0199',
        programId,
      }),
    );
    const contacts = await peer.get(`/api/clients/${done.body.clientId}/contacts`);
    expect(contacts.status).toBe(200);
    const logged = contacts.body.items.map(
      (c: {
        occurredAt: string;
        modality: string;
        successful: boolean;
        contactType: string;
        signedAt: string | null;
      }) => ({
        occurredAt: c.occurredAt,
        modality: c.modality,
        successful: c.successful,
        contactType: c.contactType,
        signedAt: c.signedAt,
      }),
    );
    expect(logged).toHaveLength(2);
    expect(logged).toEqual(
      expect.arrayContaining([
        {
          occurredAt: hoursBefore(8),
          modality: 'phone',
          successful: false,
          contactType: 'outreach_attempt',
          signedAt: null,
        },
        {
          occurredAt: hoursBefore(7),
          modality: 'in_person',
          successful: true,
          contactType: 'outreach_attempt',
          signedAt: null,
        },
      ]),
    );
  });

  it('closes as unreachable only after attempts; other peers may not close it', async () => {
    const h = await handoff();
    await peer.post(`/api/handoffs/${h.id}/claim`);
    expect((await peer.post(`/api/handoffs/${h.id}/close`, { reason: 'unreachable' })).status).toBe(409);
    expect((await peer2.post(`/api/handoffs/${h.id}/close`, { reason: 'declined' })).status).toBe(409);
    expect((await peer.post(`/api/handoffs/${h.id}/close`, { reason: 'bored' })).status).toBe(400);
    await peer.post(`/api/handoffs/${h.id}/attempts`, { method: 'phone', successful: false });
    const res = await peer.post(`/api/handoffs/${h.id}/close`, { reason: 'unreachable' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
  });

  it('gives median hours to first attempt and first contact per source against the program target', async () => {
    // A window of its own, far from the other tests' handoffs.
    const base = new Date('2026-01-05T12:00:00Z').getTime();
    const at = (h: number) => new Date(base + h * 3_600_000).toISOString();
    const fixture: { source: string; attempt?: number; contact?: number }[] = [
      { source: 'jail_reentry', attempt: 1, contact: 2 },
      { source: 'jail_reentry', attempt: 3, contact: 30 },
      { source: 'jail_reentry', attempt: 5 },
      { source: 'drug_court', attempt: 10, contact: 10 },
      { source: 'drug_court' },
    ];
    for (const f of fixture) {
      const h = await handoff({ source: f.source, receivedAt: at(0) });
      await peer.post(`/api/handoffs/${h.id}/claim`);
      if (f.attempt !== undefined)
        await peer.post(`/api/handoffs/${h.id}/attempts`, {
          method: 'phone',
          successful: f.contact === f.attempt,
          at: at(f.attempt),
        });
      if (f.contact !== undefined && f.contact !== f.attempt)
        await peer.post(`/api/handoffs/${h.id}/attempts`, {
          method: 'phone',
          successful: true,
          at: at(f.contact),
        });
    }
    const res = await manager.get(
      `/api/handoffs/times?programId=${programId}&from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(1))}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.targetHours).toBe(24);
    expect(res.body.sources).toEqual([
      {
        source: 'jail_reentry',
        handoffs: 3,
        attempted: 3,
        contacted: 2,
        medianHoursToFirstAttempt: 3,
        medianHoursToFirstContact: 16,
        contactedWithinTarget: 0.33,
      },
      {
        source: 'drug_court',
        handoffs: 2,
        attempted: 1,
        contacted: 1,
        medianHoursToFirstAttempt: 10,
        medianHoursToFirstContact: 10,
        contactedWithinTarget: 0.5,
      },
    ]);
    expect((await peer.put(`/api/programs/${programId}/handoff-target`, { hours: 48 })).status).toBe(403);
    expect((await manager.put(`/api/programs/${programId}/handoff-target`, { hours: 0 })).status).toBe(400);
    expect((await manager.put(`/api/programs/${programId}/handoff-target`, { hours: 36 })).status).toBe(200);
    const again = await manager.get(
      `/api/handoffs/times?programId=${programId}&from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(1))}`,
    );
    expect(again.body.targetHours).toBe(36);
    expect(again.body.sources[0].contactedWithinTarget).toBe(0.67);
  });
});
