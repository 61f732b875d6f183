import request from 'supertest';
import { clinicDate } from './support/clinic-date';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('recipient answers on the peer’s home', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let otherPeer: Staff;
  let client: string;
  let resource: string;

  beforeAll(async () => {
    t = await startTestApp({ recipientLinkPerToken: 50, recipientLinkPerAddress: 10_000 });
    [peer, peer2, manager, otherPeer] = await Promise.all(
      ['peer@demo.test', 'peer2@demo.test', 'manager@demo.test', 'peer@other.test'].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(
        `SELECT c.id FROM clients c WHERE c.primary_peer_id = $1 ORDER BY c.name_key LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    resource = (
      await t.owner.query(
        `SELECT r.id FROM resources r JOIN users u ON u.organization_id = r.organization_id
          WHERE u.id = $1 AND 'housing' = ANY(r.needs) AND r.status = 'active' ORDER BY r.name LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    const consent = await peer.post(`/api/clients/${client}/consents`, {
      recipientResourceId: resource,
      purpose: 'Housing follow-up (fake)',
      information: 'Name, phone and housing need',
      signedAt: clinicDate(),
      expiresAt: '2099-12-31',
      revocationStatementAcknowledged: true,
      elements: ['name', 'phone', 'need', 'note'],
    });
    expect(consent.status).toBe(201);
  });
  afterAll(() => t.close());

  /** A shared referral with a link; the recipient's answers through it. */
  async function answered(...answers: object[]): Promise<string> {
    const referral = await peer.post(`/api/clients/${client}/referrals`, {
      resourceId: resource,
      need: 'housing',
      shareInformation: true,
    });
    expect(referral.status).toBe(201);
    const link = await peer.post(`/api/referrals/${referral.body.id}/recipient-link`);
    const token = String(link.body.url).split('/r/')[1];
    for (const body of answers) {
      expect((await request(t.server).post(`/api/recipient/${token}/answer`).send(body)).status).toBe(200);
    }
    return referral.body.id;
  }

  it('lists the answers on the peer’s caseload, newest first, until marked seen', async () => {
    const referral = await answered(
      { status: 'waitlisted', expectedOn: '2031-02-03', note: 'Two weeks (fake)' },
      { status: 'accepted', note: 'Intake Monday (fake)' },
    );
    const feed = await peer.get('/api/recipient-answers');
    expect(feed.status).toBe(200);
    expect(feed.body.seenAt).toBeNull();
    const mine = feed.body.items.filter((i: { referralId: string }) => i.referralId === referral);
    expect(mine.map((i: { status: string }) => i.status)).toEqual(['accepted', 'waitlisted']);
    expect(mine[0]).toEqual(
      expect.objectContaining({ clientId: client, need: 'housing', note: 'Intake Monday (fake)' }),
    );
    expect(mine[0].clientName).toBeTruthy();
    expect(mine[0].recipient).toBeTruthy();
    const audited = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = 'recipient_answer.list'`,
      [peer.user?.id],
    );
    expect(audited.rows[0].n).toBeGreaterThan(0);

    // Another peer of the same clinic, and another clinic, see none of them.
    const theirs = await peer2.get('/api/recipient-answers');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((i: { referralId: string }) => i.referralId)).not.toContain(referral);
    const other = await otherPeer.get('/api/recipient-answers');
    expect(other.body.items.map((i: { referralId: string }) => i.referralId)).not.toContain(referral);

    const newest = feed.body.items[0].at;
    expect((await peer.post('/api/recipient-answers/seen', { through: newest })).status).toBe(204);
    const after = await peer.get('/api/recipient-answers');
    expect(after.body.items).toEqual([]);
    expect(after.body.seenAt).toBe(newest);

    // An answer that comes in later is new again; marking an earlier instant never moves back.
    const later = await answered({ status: 'no_capacity', note: 'Full (fake)' });
    const again = await peer.get('/api/recipient-answers');
    expect(again.body.items.map((i: { referralId: string }) => i.referralId)).toEqual([later]);
    expect(
      (await peer.post('/api/recipient-answers/seen', { through: '2020-01-01T00:00:00.000Z' })).status,
    ).toBe(204);
    expect((await peer.get('/api/recipient-answers')).body.seenAt).toBe(newest);
  });

  it('never marks seen beyond now, and refuses bad input', async () => {
    expect(
      (await peer2.post('/api/recipient-answers/seen', { through: '2999-01-01T00:00:00.000Z' })).status,
    ).toBe(204);
    const row = await t.owner.query(`SELECT seen_at FROM recipient_answers_seen WHERE user_id = $1`, [
      peer2.user?.id,
    ]);
    expect(new Date(row.rows[0].seen_at).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await peer.post('/api/recipient-answers/seen', {})).status).toBe(400);
    expect((await peer.post('/api/recipient-answers/seen', { through: 'yesterday' })).status).toBe(400);
    expect(
      (
        await peer.post('/api/recipient-answers/seen', {
          through: new Date().toISOString(),
          userId: peer2.user?.id,
        })
      ).status,
    ).toBe(400);
  });

  it('is for peers: other roles are refused, anonymous callers too', async () => {
    expect((await manager.get('/api/recipient-answers')).status).toBe(403);
    expect(
      (await manager.post('/api/recipient-answers/seen', { through: new Date().toISOString() })).status,
    ).toBe(403);
    expect((await request(t.server).get('/api/recipient-answers')).status).toBe(401);
  });
});
