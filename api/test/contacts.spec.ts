import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('contacts: logging, signing, addenda, idempotency', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clinician: Staff;
  let admin: Staff;
  let otherPeer: Staff;
  let client: string;

  beforeAll(async () => {
    t = await startTestApp();
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
    client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [peer.user?.id])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  const contactsOf = async (clientId: string) =>
    (await t.owner.query(`SELECT count(*)::int AS n FROM contacts WHERE client_id = $1`, [clientId])).rows[0]
      .n as number;
  const contact = (over: object = {}) => ({
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    location: 'Library (test)',
    topics: ['housing'],
    note: 'Test note: fake.',
    ...over,
  });
  const log = (staff: Staff, body: object, headers?: Record<string, string>) =>
    staff.post(`/api/clients/${client}/contacts`, body, headers);

  it.each([
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [60, 4],
  ])('computes %i minutes as %i H0038 units, ignoring any units the caller sends', async (minutes, units) => {
    const res = await log(peer, contact({ durationMinutes: minutes }));
    expect(res.status).toBe(201);
    expect(res.body.billingUnits).toBe(units);
    const row = await t.owner.query(`SELECT billing_units FROM contacts WHERE id = $1`, [res.body.id]);
    expect(row.rows[0].billing_units).toBe(units);
    expect((await log(peer, { ...contact(), billingUnits: 99 })).status).toBe(400);
  });

  it('bills nothing for an outreach attempt that did not reach the client', async () => {
    const res = await log(
      peer,
      contact({ contactType: 'outreach_attempt', successful: false, durationMinutes: 30 }),
    );
    expect(res.body.billingUnits).toBe(0);
  });

  it.each([
    ['a time in the future', { occurredAt: new Date(Date.now() + 3600_000).toISOString() }, 'occurredAt'],
    ['0 minutes', { durationMinutes: 0 }, 'durationMinutes'],
    ['481 minutes', { durationMinutes: 481 }, 'durationMinutes'],
    ['an unknown modality', { modality: 'carrier_pigeon' }, 'modality'],
    ['an unknown contact type', { contactType: 'lunch' }, 'contactType'],
    ['an unknown topic', { topics: ['astrology'] }, 'topics'],
    ['an unknown field', { mood: 'good' }, 'mood'],
    ['a note over 10,000 characters', { note: 'x'.repeat(10_001) }, 'note'],
    ['a wrong type', { successful: 'yes' }, 'successful'],
    ['minutes as text', { durationMinutes: '15' }, 'durationMinutes'],
    ['a date that is not a time', { occurredAt: 'yesterday' }, 'occurredAt'],
  ])('answers 400 problem+json to %s and writes nothing', async (_what, change, field) => {
    const before = await contactsOf(client);
    const res = await log(peer, contact(change));
    expect(res.status).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await contactsOf(client)).toBe(before);
  });

  it('accepts exactly 10,000 characters and 480 minutes', async () => {
    const res = await log(peer, contact({ note: 'y'.repeat(10_000), durationMinutes: 480 }));
    expect(res.status).toBe(201);
    expect(res.body.billingUnits).toBe(32);
  });

  it('creates one contact for the same Idempotency-Key sent twice, answering the first response', async () => {
    const before = await contactsOf(client);
    const key = `test-${Date.now()}`;
    const first = await log(peer, contact({ note: 'Idempotent (fake)' }), { 'Idempotency-Key': key });
    const second = await log(peer, contact({ note: 'Idempotent (fake)' }), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await contactsOf(client)).toBe(before + 1);
    const other = await log(peer, contact(), { 'Idempotency-Key': `${key}-other` });
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('keeps the client’s last successful contact with the client: later contacts move it, edits recompute it', async () => {
    const fresh = (
      await peer.post('/api/clients', {
        firstName: 'Lastcontact',
        lastName: 'Test',
        dateOfBirth: '1990-01-01',
        programId: peer.user?.programIds[0],
      })
    ).body.id as string;
    const lastContact = async () =>
      (
        (await peer.get('/api/caseload')).body.items.find(
          (e: { clientId: string }) => e.clientId === fresh,
        ) as {
          lastContactAt: string | null;
        }
      ).lastContactAt;
    expect(await lastContact()).toBeNull();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const post = (body: object) => peer.post(`/api/clients/${fresh}/contacts`, contact(body));
    const first = (await post({ occurredAt: at(60) })).body;
    expect(await lastContact()).toBe(first.occurredAt);
    // Older, or not reached: the last successful contact stays.
    const older = (await post({ occurredAt: at(120) })).body;
    expect(
      (await post({ occurredAt: at(5), successful: false, contactType: 'outreach_attempt' })).status,
    ).toBe(201);
    expect(await lastContact()).toBe(first.occurredAt);
    // The newest draft, moved back in time by its author: the next newest takes its place.
    const moved = await peer.patch(`/api/contacts/${first.id}`, {
      version: first.version,
      occurredAt: at(180),
    });
    expect(moved.status).toBe(200);
    expect(await lastContact()).toBe(older.occurredAt);
  });

  it('lets the author edit a draft with its version; a stale version is 409', async () => {
    const draft = (await log(peer, contact({ note: 'Draft (fake)' }))).body;
    expect(draft.signedAt).toBeNull();
    const edited = await peer.patch(`/api/contacts/${draft.id}`, {
      version: draft.version,
      durationMinutes: 45,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ durationMinutes: 45, billingUnits: 3, version: draft.version + 1 });
    const stale = await peer.patch(`/api/contacts/${draft.id}`, {
      version: draft.version,
      durationMinutes: 30,
    });
    expect(stale.status).toBe(409);
    expect(
      (await t.owner.query(`SELECT duration_minutes FROM contacts WHERE id = $1`, [draft.id])).rows[0]
        .duration_minutes,
    ).toBe(45);
  });

  it('refuses any change to a signed contact (409) while addenda append', async () => {
    const draft = (await log(peer, contact({ note: 'To be signed (fake)' }))).body;
    const signed = await peer.post(`/api/contacts/${draft.id}/sign`, { version: draft.version });
    expect(signed.status).toBe(200);
    expect(signed.body.signedAt).toEqual(expect.any(String));
    const change = await peer.patch(`/api/contacts/${draft.id}`, {
      version: signed.body.version,
      note: 'Rewritten',
    });
    expect(change.status).toBe(409);
    expect(change.body.type).toMatch(/signed$/);
    expect((await peer.post(`/api/contacts/${draft.id}/sign`, {})).status).toBe(409);
    const addendum = await peer.post(`/api/contacts/${draft.id}/addenda`, {
      text: 'Correction (fake): it was Tuesday.',
    });
    expect(addendum.status).toBe(201);
    expect(addendum.body.addenda).toEqual([
      expect.objectContaining({
        authorId: peer.user?.id,
        authorName: peer.user?.name,
        text: 'Correction (fake): it was Tuesday.',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      }),
    ]);
    const row = await t.owner.query(`SELECT note FROM contacts WHERE id = $1`, [draft.id]);
    expect(row.rows[0].note).toBe('To be signed (fake)');
    await expect(
      t.owner.query(`UPDATE contacts SET note = 'db edit' WHERE id = $1`, [draft.id]),
    ).rejects.toThrow(/signed contact/);
  });

  it('signs at once when asked, and refuses addenda on drafts', async () => {
    const signed = await log(peer, contact({ sign: true }));
    expect(signed.body.signedAt).toEqual(expect.any(String));
    const draft = (await log(peer, contact())).body;
    expect((await peer.post(`/api/contacts/${draft.id}/addenda`, { text: 'x' })).status).toBe(409);
  });

  it('shows contacts read-only to clinicians and managers of the program', async () => {
    const created = (await log(peer, contact({ note: 'Visible to the program (fake)' }))).body;
    for (const staff of [clinician, manager]) {
      const res = await staff.get(`/api/contacts/${created.id}`);
      expect(res.status).toBe(200);
      expect(res.body.note).toBe('Visible to the program (fake)');
      expect((await staff.patch(`/api/contacts/${created.id}`, { version: 1, note: 'x' })).status).toBe(403);
      expect((await staff.post(`/api/clients/${client}/contacts`, contact())).status).toBe(403);
    }
    expect((await admin.get(`/api/contacts/${created.id}`)).status).toBe(403);
  });

  it('hides contacts of another caseload and another organization (404)', async () => {
    const created = (await log(peer, contact())).body;
    expect((await peer2.get(`/api/contacts/${created.id}`)).status).toBe(404);
    expect((await peer2.post(`/api/clients/${client}/contacts`, contact())).status).toBe(404);
    expect((await otherPeer.get(`/api/contacts/${created.id}`)).status).toBe(404);
    expect((await otherPeer.post(`/api/contacts/${created.id}/addenda`, { text: 'x' })).status).toBe(404);
    expect((await peer2.get(`/api/clients/${client}/timeline`)).status).toBe(404);
  });

  it('lets only the author edit or sign a draft', async () => {
    const draft = (await log(peer, contact())).body;
    await t.owner.query(`UPDATE clients SET primary_peer_id = $2 WHERE id = $1`, [client, peer2.user?.id]);
    try {
      const res = await peer2.patch(`/api/contacts/${draft.id}`, {
        version: draft.version,
        note: 'Not mine',
      });
      expect(res.status).toBe(403);
    } finally {
      await t.owner.query(`UPDATE clients SET primary_peer_id = $2 WHERE id = $1`, [client, peer.user?.id]);
    }
  });

  it('lists contacts newest first with a keyset cursor, and a timeline that starts with the newest', async () => {
    const newest = (await log(peer, contact({ occurredAt: new Date().toISOString(), note: 'Newest (fake)' })))
      .body;
    const page1 = await clinician.get(`/api/clients/${client}/contacts?limit=3`);
    expect(page1.body.items[0].id).toBe(newest.id);
    const page2 = await clinician.get(
      `/api/clients/${client}/contacts?limit=3&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    const times = [...page1.body.items, ...page2.body.items].map((c: { occurredAt: string }) => c.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set([...page1.body.items, ...page2.body.items].map((c: { id: string }) => c.id)).size).toBe(6);
    const timeline = await peer.get(`/api/clients/${client}/timeline?limit=5`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items[0]).toMatchObject({ kind: 'contact', id: newest.id });
    expect(timeline.body.items[0].contact.note).toBe('Newest (fake)');
    expect(
      (
        await t.owner.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'timeline.read' AND client_id = $1`,
          [client],
        )
      ).rows[0].n,
    ).toBeGreaterThan(0);
  });
});
