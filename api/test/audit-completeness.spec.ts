import type { AuditEvent } from '@peerpath/contracts';
import type { Response } from 'supertest';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** The client ids a list or export put in front of the caller. */
type Shown = (res: Response) => string[];
const items: Shown = (res) => {
  const body = res.body as { items?: { clientId?: string; id?: string }[] } | { clientId: string }[];
  const rows = Array.isArray(body) ? body : (body.items ?? []);
  return rows.map((r) => ('clientId' in r ? r.clientId : r.id) as string).filter(Boolean);
};
const csvSecondColumn: Shown = (res) =>
  res.text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1]);

describe('audit completeness: a client’s access history names every list that showed them', () => {
  let t: TestApp;
  let manager: Staff;
  let admin: Staff;
  let groupId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.signIn('manager@demo.test');
    admin = await t.signIn('admin@demo.test');
    const groups = (await manager.get('/api/groups')).body.items as { id: string }[];
    for (const g of groups) {
      const sessions = (await t.owner.query(
        `SELECT s.id FROM group_sessions s WHERE s.group_id = $1 AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) LIMIT 1`,
        [g.id],
      )) as { rows: { id: string }[] };
      if (sessions.rows.length) {
        groupId = g.id;
        sessionId = sessions.rows[0].id;
        break;
      }
    }
    // A handoff becomes a client, so the handoff list names that client from then on.
    const peer = await t.signIn('peer@demo.test');
    const open = (await peer.get('/api/handoffs')).body.items as { id: string; status: string }[];
    const fresh = open.find((h) => h.status === 'new') as { id: string };
    expect((await peer.post(`/api/handoffs/${fresh.id}/claim`)).status).toBe(200);
    expect((await peer.post(`/api/handoffs/${fresh.id}/convert`, { dateOfBirth: '1979-04-05' })).status).toBe(
      201,
    );
  });
  afterAll(() => t.close());

  async function history(clientId: string, action: string): Promise<AuditEvent[]> {
    const res = await admin.get(
      `/api/audit-events?clientId=${clientId}&action=${encodeURIComponent(action)}`,
    );
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const views: [string, string, () => string, Shown][] = [
    ['the client list', 'client.list', () => '/api/clients?limit=100', items],
    ['the caseload', 'caseload.read', () => '/api/caseload', items],
    ['the referral list', 'referral.list', () => '/api/referrals?limit=100', items],
    ['the referral export', 'referral.export', () => '/api/referrals/export.csv', csvSecondColumn],
    ['a group roster', 'group.roster.read', () => `/api/groups/${groupId}/roster`, items],
    ['the walk-in search', 'group.walk_in.search', () => `/api/groups/${groupId}/walk-ins`, items],
    [
      'a group’s attendance rates',
      'group.rates.read',
      () => `/api/groups/${groupId}/rates`,
      (res) => res.body.clients.map((c: { clientId: string }) => c.clientId),
    ],
    ['a session’s attendance', 'attendance.read', () => `/api/sessions/${sessionId}/attendance`, items],
    [
      'the documentation review queue',
      'documentation_review.queue',
      () => '/api/documentation-review/queue',
      items,
    ],
    [
      'the emergency access review list',
      'emergency_access.list',
      () => '/api/emergency-access?state=all',
      items,
    ],
    ['the handoff list', 'handoff.list', () => '/api/handoffs?status=all', items],
    ['the claim lines', 'billing.claim_lines', () => '/api/billing/claim-lines', items],
  ];

  it.each(views)('%s records each client it showed', async (_name, action, path, shown) => {
    const res = await manager.get(path());
    expect(res.status).toBe(200);
    const ids = [...new Set(shown(res))];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of [ids[0], ids[ids.length - 1]]) {
      const events = await history(id, action);
      expect(events.some((e) => e.actorId === manager.user?.id && e.outcome === 'success')).toBe(true);
    }
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT client_id)::int AS clients FROM audit_events
        WHERE action = $1 AND actor_id = $2 AND request_id = (
          SELECT request_id FROM audit_events WHERE action = $1 AND actor_id = $2 ORDER BY at DESC LIMIT 1)`,
      [action, manager.user?.id],
    );
    expect(rows[0]).toEqual({ n: ids.length, clients: ids.length });
  });

  it('records only the page it showed, and one event naming no client for an empty list', async () => {
    const page = await manager.get('/api/clients?limit=2');
    const next = await manager.get(`/api/clients?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    const notYetShown = next.body.items[0].id as string;
    const before = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.list' AND client_id = $1`,
      [notYetShown],
    );
    await manager.get('/api/clients?limit=2');
    const after = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.list' AND client_id = $1`,
      [notYetShown],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const empty = await manager.get('/api/clients?q=nobody-is-called-this');
    expect(empty.body.items).toEqual([]);
    const { rows } = await t.owner.query(
      `SELECT client_id FROM audit_events WHERE action = 'client.list' AND actor_id = $1 ORDER BY at DESC LIMIT 1`,
      [manager.user?.id],
    );
    expect(rows).toEqual([{ client_id: null }]);
  });

  it('writes the audit event in the request’s own transaction: a refused request leaves no event of its work', async () => {
    const { rows: peers } = await t.owner.query(
      `SELECT id, email FROM users WHERE email IN ('peer@demo.test', 'peer2@demo.test')`,
    );
    const peerId = (email: string) => peers.find((p) => p.email === email).id as string;
    const ids = (
      await t.owner.query(
        `SELECT id FROM clients WHERE primary_peer_id = $1 AND status = 'active' ORDER BY id LIMIT 2`,
        [peerId('peer2@demo.test')],
      )
    ).rows.map((r) => r.id as string);
    const foreign = (
      await t.owner.query(
        `SELECT c.id FROM clients c JOIN organizations o ON o.id = c.organization_id WHERE o.name = 'Other Clinic' LIMIT 1`,
      )
    ).rows[0].id;
    const assigned = () =>
      t.owner
        .query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.assign' AND client_id = ANY($1)`,
          [ids],
        )
        .then((r) => r.rows[0].n);
    // The first two moves are made and audited before the third is refused; all of it rolls back.
    const refused = await manager.post('/api/caseload-transfers', {
      clientIds: [...ids, foreign],
      peerId: peerId('peer@demo.test'),
    });
    expect(refused.status).toBe(404);
    expect(await assigned()).toBe(0);
    const ok = await manager.post('/api/caseload-transfers', {
      clientIds: ids,
      peerId: peerId('peer@demo.test'),
    });
    expect(ok.status).toBe(200);
    expect(await assigned()).toBe(2);
  });
});
