import { Writable } from 'node:stream';
import request from 'supertest';
import { clinicDate } from './support/clinic-date';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('the recipient link', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let otherPeer: Staff;
  let client: string;
  let resource: string;
  const lines: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({
      logLevel: 'info',
      logStream,
      recipientLinkPerToken: 12,
      recipientLinkPerAddress: 10_000,
    });
    [peer, peer2, manager, otherPeer] = await Promise.all(
      ['peer@demo.test', 'peer2@demo.test', 'manager@demo.test', 'peer@other.test'].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(
        `SELECT c.id FROM clients c WHERE c.primary_peer_id = $1
           AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.client_id = c.id) ORDER BY c.name_key LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    await t.owner.query(`UPDATE clients SET email = 'fake.client@example.test' WHERE id = $1`, [client]);
    resource = (
      await t.owner.query(
        `SELECT r.id FROM resources r JOIN users u ON u.organization_id = r.organization_id
          WHERE u.id = $1 AND 'housing' = ANY(r.needs) AND r.status = 'active' LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    const consent = await peer.post(`/api/clients/${client}/consents`, {
      recipientResourceId: resource,
      purpose: 'Housing application follow-up',
      information: 'Name, phone and housing need',
      signedAt: clinicDate(),
      expiresAt: '2099-12-31',
      revocationStatementAcknowledged: true,
      elements: ['name', 'phone', 'need', 'note'],
    });
    expect(consent.status).toBe(201);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const anon = () => request(t.server);
  const tokenOf = (url: string) => {
    const token = url.split('/r/')[1];
    tokens.push(token);
    return token;
  };

  async function sharedReferral(): Promise<string> {
    const res = await peer.post(`/api/clients/${client}/referrals`, {
      resourceId: resource,
      need: 'housing',
      urgency: 'soon',
      note: 'Prefers afternoon calls (fake)',
      shareInformation: true,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  async function linkFor(referral: string): Promise<string> {
    const res = await peer.post(`/api/referrals/${referral}/recipient-link`);
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    return tokenOf(res.body.url);
  }

  it('refuses a link for a referral that shares nothing, or is only a draft (409)', async () => {
    const unshared = await peer.post(`/api/clients/${client}/referrals`, {
      outsideOrganization: 'Plain Referral Place (fake)',
      need: 'food',
    });
    const res = await peer.post(`/api/referrals/${unshared.body.id}/recipient-link`);
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/referral-not-shared$/);
    expect(
      await count(`SELECT count(*)::int AS n FROM recipient_links WHERE referral_id = $1`, [
        unshared.body.id,
      ]),
    ).toBe(0);
    expect((await otherPeer.post(`/api/referrals/${unshared.body.id}/recipient-link`)).status).toBe(404);
    expect((await peer2.post(`/api/referrals/${unshared.body.id}/recipient-link`)).status).toBe(404);
    expect((await manager.post(`/api/referrals/${unshared.body.id}/recipient-link`)).status).toBe(403);
  });

  it('stores the token only as its SHA-256, valid 14 days', async () => {
    const referral = await sharedReferral();
    const res = await peer.post(`/api/referrals/${referral}/recipient-link`);
    const token = tokenOf(res.body.url);
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const rows = await t.owner.query(
      `SELECT to_jsonb(l)::text AS row FROM recipient_links l WHERE referral_id = $1`,
      [referral],
    );
    expect(rows.rows[0].row).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows.rows[0].row).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('opens with no session and shows only the consented fields, the scope and the notice', async () => {
    const referral = await sharedReferral();
    const token = await linkFor(referral);
    const res = await anon().get(`/api/recipient/${token}`);
    expect(res.status).toBe(200);
    const { packet } = res.body;
    expect(packet.organization.name).toBeTruthy();
    expect(packet.need).toBe('housing');
    expect(packet.urgency).toBeNull(); // urgency was not among the consented elements
    expect(packet.note).toBe('Prefers afternoon calls (fake)');
    expect(Object.keys(packet.client).sort()).toEqual(
      ['name', 'phone'].filter((k) => k in packet.client).sort(),
    );
    expect(packet.client.dateOfBirth).toBeUndefined();
    expect(packet.client.email).toBeUndefined();
    expect(packet.consent.purpose).toBe('Housing application follow-up');
    expect(packet.notice).toMatch(/42 CFR part 2/i);
    expect(res.body.answers).toEqual([
      'accepted',
      'waitlisted',
      'unable_to_contact',
      'no_capacity',
      'declined',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('fake.client@example.test');
  });

  it('records one disclosure and one audit event per opening', async () => {
    const referral = await sharedReferral();
    const token = await linkFor(referral);
    const disclosures = () =>
      count(
        `SELECT count(*)::int AS n FROM disclosures WHERE referral_id = $1 AND channel = 'recipient_link'`,
        [referral],
      );
    const audits = () =>
      count(
        `SELECT count(*)::int AS n FROM audit_events a JOIN disclosures d ON d.id = a.entity_id
          WHERE d.referral_id = $1 AND d.channel = 'recipient_link' AND a.action = 'disclosure.create'`,
        [referral],
      );
    for (let i = 1; i <= 3; i++) {
      expect((await anon().get(`/api/recipient/${token}`)).status).toBe(200);
      expect(await disclosures()).toBe(i);
      expect(await audits()).toBe(i);
    }
    const row = await t.owner.query(
      `SELECT elements, disclosed_by FROM disclosures WHERE referral_id = $1 AND channel = 'recipient_link' LIMIT 1`,
      [referral],
    );
    expect(row.rows[0].disclosed_by).toBe(peer.user?.id);
    expect(row.rows[0].elements).toEqual(expect.arrayContaining(['name', 'need', 'note']));
    expect(row.rows[0].elements).not.toContain('dateOfBirth');
    const status = await peer.get(`/api/referrals/${referral}/recipient-link`);
    expect(status.body.link).toEqual(expect.objectContaining({ state: 'active' }));
    expect(status.body.link.views).toHaveLength(3);
  });

  it('moves the referral by the recipient’s answers, as events by "recipient"; illegal answers get 409', async () => {
    const referral = await sharedReferral();
    const token = await linkFor(referral);
    const answer = (body: object) => anon().post(`/api/recipient/${token}/answer`).send(body);
    expect((await answer({ status: 'completed' })).status).toBe(409);
    expect((await answer({ status: 'declined' })).status).toBe(400);
    expect((await answer({ status: 'cancelled' })).status).toBe(400);
    expect((await answer({ status: 'waitlisted', expectedOn: '2031-02-30' })).status).toBe(400);
    expect(
      (await answer({ status: 'waitlisted', expectedOn: '2031-02-03', note: 'Two weeks (fake)' })).status,
    ).toBe(200);
    expect((await answer({ status: 'accepted', note: 'Intake Monday (fake)' })).status).toBe(200);
    expect((await answer({ status: 'waitlisted' })).status).toBe(409);
    const seen = await peer.get(`/api/referrals/${referral}`);
    expect(seen.body.status).toBe('accepted');
    expect(seen.body.expectedOn).toBe('2031-02-03');
    const byRecipient = seen.body.events.filter((e: { actorKind: string }) => e.actorKind === 'recipient');
    expect(byRecipient.map((e: { status: string }) => e.status)).toEqual(['waitlisted', 'accepted']);
    expect(byRecipient[1]).toEqual(expect.objectContaining({ actorId: null, note: 'Intake Monday (fake)' }));
    expect((await answer({ status: 'completed' })).status).toBe(200);
    // Completed is final: the link has done its work.
    expect((await anon().get(`/api/recipient/${token}`)).status).toBe(410);

    const other = await sharedReferral();
    const second = await linkFor(other);
    const declined = await anon()
      .post(`/api/recipient/${second}/answer`)
      .send({ status: 'declined', reason: 'not_eligible' });
    expect(declined.status).toBe(200);
    const row = await t.owner.query(
      `SELECT status, declined_by, decline_reason FROM referrals WHERE id = $1`,
      [other],
    );
    expect(row.rows[0]).toEqual({
      status: 'declined',
      declined_by: 'recipient',
      decline_reason: 'not_eligible',
    });
  });

  it('answers 410 once the consent is revoked, the link expired or revoked, or the referral cancelled', async () => {
    const gone = { type: expect.stringMatching(/gone$/), status: 410, title: expect.any(String) };
    // Consent revoked: a consent of its own, so the other tests keep theirs.
    const outside = 'Revocable Recipient (fake)';
    const consent = await peer.post(`/api/clients/${client}/consents`, {
      recipientOrganization: outside,
      purpose: 'Follow-up',
      information: 'Name and need',
      signedAt: clinicDate(),
      expiresAt: '2099-12-31',
      revocationStatementAcknowledged: true,
    });
    const r1 = await peer.post(`/api/clients/${client}/referrals`, {
      outsideOrganization: outside,
      need: 'food',
      shareInformation: true,
    });
    const t1 = await linkFor(r1.body.id);
    expect((await anon().get(`/api/recipient/${t1}`)).status).toBe(200);
    expect(
      (
        await peer.post(`/api/consents/${consent.body.id}/revoke`, {
          method: 'written',
          note: 'Client asked (fake)',
        })
      ).status,
    ).toBe(200);
    const afterRevoke = await anon().get(`/api/recipient/${t1}`);
    expect(afterRevoke.status).toBe(410);

    const r2 = await sharedReferral();
    const t2 = await linkFor(r2);
    await t.owner.query(
      `UPDATE recipient_links SET expires_at = now() - interval '1 second' WHERE referral_id = $1`,
      [r2],
    );
    const expired = await anon().get(`/api/recipient/${t2}`);

    const r3 = await sharedReferral();
    const t3 = await linkFor(r3);
    expect((await peer.delete(`/api/referrals/${r3}/recipient-link`)).status).toBe(204);
    const revoked = await anon().get(`/api/recipient/${t3}`);
    expect((await peer.get(`/api/referrals/${r3}/recipient-link`)).body.link.state).toBe('revoked');

    const r4 = await sharedReferral();
    const t4 = await linkFor(r4);
    await peer.post(`/api/referrals/${r4}/status`, { status: 'cancelled' });
    const cancelled = await anon().get(`/api/recipient/${t4}`);
    const answerCancelled = await anon().post(`/api/recipient/${t4}/answer`).send({ status: 'accepted' });

    // A new link replaces the old one.
    const r5 = await sharedReferral();
    const t5 = await linkFor(r5);
    await linkFor(r5);
    const replaced = await anon().get(`/api/recipient/${t5}`);

    for (const res of [afterRevoke, expired, revoked, cancelled, answerCancelled, replaced]) {
      expect(res.status).toBe(410);
      expect(res.body).toEqual(expect.objectContaining(gone));
      expect(res.body.detail).toBe('This link no longer works.');
    }
  });

  it('gives a wrong token and a malformed one the same 404 without detail, and reaches nothing else', async () => {
    const wrong = await anon().get(`/api/recipient/${'A'.repeat(43)}`);
    const malformed = await anon().get(`/api/recipient/not-a-token`);
    const wrongAnswer = await anon()
      .post(`/api/recipient/${'B'.repeat(43)}/answer`)
      .send({ status: 'accepted' });
    for (const res of [wrong, malformed, wrongAnswer]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        type: expect.any(String),
        title: expect.any(String),
        status: 404,
        detail: 'This link does not work.',
      });
    }
    // Another organization's staff cannot make or see links for this clinic's referrals.
    const referral = await sharedReferral();
    const token = await linkFor(referral);
    expect((await otherPeer.get(`/api/referrals/${referral}/recipient-link`)).status).toBe(404);
    expect((await otherPeer.delete(`/api/referrals/${referral}/recipient-link`)).status).toBe(404);
    // The token opens its own packet and nothing else: no staff route accepts it.
    const withToken = await anon().get(`/api/referrals/${referral}`).set('Authorization', `Bearer ${token}`);
    expect(withToken.status).toBe(401);
  });

  it('limits requests per token (429 with Retry-After)', async () => {
    const referral = await sharedReferral();
    const token = await linkFor(referral);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await anon().get(`/api/recipient/${token}`)).status);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    const limited = await anon().get(`/api/recipient/${token}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Refused requests disclose nothing.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM disclosures WHERE referral_id = $1 AND channel = 'recipient_link'`,
        [referral],
      ),
    ).toBe(12);
  });

  it('never writes a token to the log', async () => {
    expect(tokens.length).toBeGreaterThan(5);
    const log = lines.join('');
    expect(log).toContain('/api/recipient/');
    for (const token of tokens) expect(log).not.toContain(token);
    const audit = await t.owner.query(`SELECT string_agg(to_jsonb(a)::text, '') AS all FROM audit_events a`);
    for (const token of tokens) expect(audit.rows[0].all).not.toContain(token);
  });
});

describe('the recipient link per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ recipientLinkPerAddress: 3 });
  });
  afterAll(() => t.close());

  it('limits requests per address, whatever the token (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await request(t.server).get(`/api/recipient/${String(i).repeat(43)}`)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
