import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('Idempotency-Key: one user, one route, 24 hours, and the scope of now', () => {
  let t: TestApp;
  let peer: Staff;
  let peer2: Staff;
  let manager: Staff;
  let clients: string[];

  beforeAll(async () => {
    t = await startTestApp();
    [peer, peer2, manager] = await Promise.all(
      ['peer@demo.test', 'peer2@demo.test', 'manager@demo.test'].map((e) => t.signIn(e)),
    );
    clients = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 3`, [
        peer.user?.id,
      ])
    ).rows.map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  const contact = () => ({
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    topics: ['housing'],
    note: 'Idempotency test note (fake).',
  });
  const log = (staff: Staff, clientId: string, key: string) =>
    staff.post(`/api/clients/${clientId}/contacts`, contact(), { 'Idempotency-Key': key });
  const count = async (sql: string, params: unknown[]) =>
    (await t.owner.query(sql, params)).rows[0].n as number;
  const contactsOf = (clientId: string) =>
    count(`SELECT count(*)::int AS n FROM contacts WHERE client_id = $1`, [clientId]);

  it('answers 404 and audits the refusal when the record left the caller scope since the first request', async () => {
    const client = clients[0] as string;
    const key = `moved-${Date.now()}`;
    const first = await log(peer, client, key);
    expect(first.status).toBe(201);
    const moved = await manager.put(`/api/clients/${client}/primary-peer`, { peerId: peer2.user?.id });
    expect(moved.status).toBe(200);
    const deniedBefore = await count(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND client_id = $2 AND outcome = 'denied'`,
      [peer.user?.id, client],
    );
    const contactsBefore = await contactsOf(client);
    const replay = await log(peer, client, key);
    expect(replay.status).toBe(404);
    expect(replay.text).not.toContain('Idempotency test note');
    expect(await contactsOf(client)).toBe(contactsBefore);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND client_id = $2 AND outcome = 'denied'`,
        [peer.user?.id, client],
      ),
    ).toBe(deniedBefore + 1);
    expect((await peer.get(`/api/contacts/${first.body.id}`)).status).toBe(404);
  });

  it('audits an in-scope replay as a read of the record it returns', async () => {
    const client = clients[1] as string;
    const key = `replay-${Date.now()}`;
    const first = await log(peer, client, key);
    const replay = await log(peer, client, key);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND entity_id = $2 AND action = 'contact.read'`,
        [peer.user?.id, first.body.id],
      ),
    ).toBe(1);
  });

  it('forgets a key after 24 hours: the same key then logs a new contact', async () => {
    const client = clients[1] as string;
    const key = `expiry-${Date.now()}`;
    const first = await log(peer, client, key);
    await t.owner.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE user_id = $1 AND key = $2`,
      [peer.user?.id, key],
    );
    const again = await log(peer, client, key);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    const third = await log(peer, client, key);
    expect(third.body.id).toBe(again.body.id);
  });

  it('keeps keys per user and per route', async () => {
    const key = `shared-${Date.now()}`;
    const mine = await log(peer, clients[1] as string, key);
    const peer2Client = (
      await t.owner.query(`SELECT id FROM clients WHERE primary_peer_id = $1 LIMIT 1`, [peer2.user?.id])
    ).rows[0].id;
    const theirs = await log(peer2, peer2Client, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const otherRoute = await log(peer, clients[2] as string, key);
    expect(otherRoute.status).toBe(409);
  });
});
