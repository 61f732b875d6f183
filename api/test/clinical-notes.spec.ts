import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('clinical notes', () => {
  let t: TestApp;
  let clinician: Staff;
  let manager: Staff;
  let peer: Staff;
  let admin: Staff;
  let otherManager: Staff;
  let client: string;
  const BODY = 'Clinical body (fake): PHQ-9 discussed, plan adjusted.';

  beforeAll(async () => {
    t = await startTestApp();
    [clinician, manager, peer, admin, otherManager] = await Promise.all(
      [
        'clinician@demo.test',
        'manager@demo.test',
        'peer@demo.test',
        'admin@demo.test',
        'manager@other.test',
      ].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [peer.user?.id])
    ).rows[0].id;
  });
  afterAll(() => t.close());

  it('lets a clinician write, edit, sign and amend a note; signed notes refuse change', async () => {
    const draft = await clinician.post(`/api/clients/${client}/clinical-notes`, {
      noteType: 'progress',
      body: BODY,
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ body: BODY, signedAt: null, authorId: clinician.user?.id });
    const edited = await clinician.patch(`/api/clinical-notes/${draft.body.id}`, {
      version: draft.body.version,
      body: BODY + ' Edited.',
    });
    expect(edited.status).toBe(200);
    const signed = await clinician.post(`/api/clinical-notes/${draft.body.id}/sign`, {
      version: edited.body.version,
    });
    expect(signed.status).toBe(200);
    expect(
      (
        await clinician.patch(`/api/clinical-notes/${draft.body.id}`, {
          version: signed.body.version,
          body: 'x',
        })
      ).status,
    ).toBe(409);
    const amended = await clinician.post(`/api/clinical-notes/${draft.body.id}/addenda`, {
      text: 'Addendum (fake).',
    });
    expect(amended.status).toBe(201);
    expect(amended.body.addenda).toHaveLength(1);
  });

  it('never gives a manager a body: not in the list, not in a single read, not in addenda', async () => {
    const note = (
      await clinician.post(`/api/clients/${client}/clinical-notes`, {
        noteType: 'assessment',
        body: BODY,
        sign: true,
      })
    ).body;
    await clinician.post(`/api/clinical-notes/${note.id}/addenda`, { text: 'Secret addendum (fake).' });
    const list = await manager.get(`/api/clients/${client}/clinical-notes`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body[0]).toMatchObject({
      authorId: clinician.user?.id,
      noteType: expect.any(String),
      createdAt: expect.any(String),
      body: null,
    });
    const one = await manager.get(`/api/clinical-notes/${note.id}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify(list.body) + JSON.stringify(one.body)).not.toContain('Clinical body');
    expect(JSON.stringify(one.body)).not.toContain('Secret addendum');
    expect(
      (await manager.post(`/api/clients/${client}/clinical-notes`, { noteType: 'progress', body: 'x' }))
        .status,
    ).toBe(403);
  });

  it('refuses peers and admins with 403 everywhere, and another organization with 404', async () => {
    const note = (
      await clinician.post(`/api/clients/${client}/clinical-notes`, { noteType: 'progress', body: BODY })
    ).body;
    for (const staff of [peer, admin]) {
      expect((await staff.get(`/api/clients/${client}/clinical-notes`)).status).toBe(403);
      expect((await staff.get(`/api/clinical-notes/${note.id}`)).status).toBe(403);
      expect(
        (await staff.post(`/api/clients/${client}/clinical-notes`, { noteType: 'progress', body: 'x' }))
          .status,
      ).toBe(403);
    }
    expect((await otherManager.get(`/api/clients/${client}/clinical-notes`)).status).toBe(404);
    expect((await otherManager.get(`/api/clinical-notes/${note.id}`)).status).toBe(404);
  });

  it('validates input: unknown type, empty body, unknown field (400, nothing written)', async () => {
    const before = (await t.owner.query(`SELECT count(*)::int AS n FROM clinical_notes`)).rows[0].n;
    for (const body of [
      { noteType: 'gossip', body: 'x' },
      { noteType: 'progress', body: '' },
      { noteType: 'progress', body: 'x', mood: 1 },
    ]) {
      const res = await clinician.post(`/api/clients/${client}/clinical-notes`, body);
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
    }
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM clinical_notes`)).rows[0].n).toBe(before);
  });
});
