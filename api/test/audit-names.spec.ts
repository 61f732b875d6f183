import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

interface Row {
  id: string;
  actorId: string | null;
  actorName: string | null;
  clientId: string | null;
  clientName: string | null;
  action: string;
}

describe('audit log names', () => {
  let t: TestApp;
  let peer: Staff;
  let manager: Staff;
  let admin: Staff;
  let peerName: string;
  /** A client of the peer's caseload, in the manager's program. */
  let inScope: { id: string; name: string };
  /** A client of the peer's caseload enrolled in a program the manager does not belong to. */
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, manager, admin] = await Promise.all(
      ['peer@demo.test', 'manager@demo.test', 'admin@demo.test'].map((e) => t.signIn(e)),
    );
    peerName = (await t.owner.query(`SELECT name FROM users WHERE id = $1`, [peer.user?.id])).rows[0].name;
    await t.owner.query(
      `UPDATE clients SET preferred_name = 'Sunny' WHERE id = (
         SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT 1)`,
      [peer.user?.id],
    );
    const row = (
      await t.owner.query(
        `SELECT id, preferred_name || ' ' || last_name AS name FROM clients
          WHERE primary_peer_id = $1 AND preferred_name = 'Sunny'`,
        [peer.user?.id],
      )
    ).rows[0];
    inScope = { id: row.id, name: row.name };
    const [{ id: otherProgram }] = (
      await t.owner.query(
        `INSERT INTO programs (organization_id, name) VALUES ($1, 'Justice-involved outreach (test)') RETURNING id`,
        [peer.user?.organizationId],
      )
    ).rows;
    outsider = (
      await t.owner.query(
        `INSERT INTO clients (organization_id, program_id, primary_peer_id, first_name, last_name, date_of_birth, name_key)
         VALUES ($1, $2, $3, 'Quillon', 'Outsidewell', '1980-01-01', 'quillon outsidewell') RETURNING id`,
        [peer.user?.organizationId, otherProgram, peer.user?.id],
      )
    ).rows[0].id;
    // The peer opens both records: both are on their caseload, so both reads succeed.
    expect((await peer.get(`/api/clients/${inScope.id}`)).status).toBe(200);
    expect((await peer.get(`/api/clients/${outsider}`)).status).toBe(200);
  });
  afterAll(() => t.close());

  const events = async (staff: Staff, query: string): Promise<Row[]> => {
    const res = await staff.get(`/api/audit-events?${query}&limit=100`);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('names the staff member and the client a manager may read, in every row', async () => {
    const rows = await events(manager, `actorId=${peer.user?.id}&clientId=${inScope.id}&action=client.read`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({
        actorId: peer.user?.id,
        actorName: peerName,
        clientId: inScope.id,
        clientName: inScope.name,
      });
    }
  });

  it('shows a manager the event about a client outside their programs, but never that client’s name', async () => {
    const res = await manager.get(`/api/audit-events?clientId=${outsider}&limit=100`);
    expect(res.status).toBe(200);
    const rows: Row[] = res.body.items;
    expect(rows.map((r) => r.action)).toContain('client.read');
    for (const row of rows) {
      expect(row.clientId).toBe(outsider);
      expect(row.clientName).toBeNull();
      expect(row.actorName).toBe(peerName);
    }
    expect(res.text).not.toMatch(/Quillon|Outsidewell/);
    // The manager really cannot read that client.
    expect((await manager.get(`/api/clients/${outsider}`)).status).toBe(404);
  });

  it('gives an admin staff names and no client names at all', async () => {
    const rows = await events(admin, `clientId=${inScope.id}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.clientName === null)).toBe(true);
    expect(rows.find((r) => r.actorId === peer.user?.id)?.actorName).toBe(peerName);
  });

  it('names the account of a failed sign-in, and the CSV export carries the same names', async () => {
    const stranger = await t.anonymous();
    const wrong = { email: 'peer@demo.test', password: 'not-the-password-at-all' };
    expect((await stranger.post('/api/auth/login', wrong)).status).toBe(401);
    const failures = await events(admin, `actorId=${peer.user?.id}&action=auth.sign_in&outcome=failure`);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((r) => r.actorName === peerName && r.clientName === null)).toBe(true);

    const csv = await manager.get(`/api/audit-events/export.csv?actorId=${peer.user?.id}&action=client.read`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toMatch(/,actorName,clientName$/);
    expect(csv.text).toContain(`${peerName},${inScope.name}`);
    expect(csv.text).not.toMatch(/Quillon|Outsidewell/);
  });

  it('still refuses unknown filters and malformed ids with 400', async () => {
    for (const query of ['clientName=Sunny', 'actorName=x', 'clientId=not-a-uuid']) {
      const res = await manager.get(`/api/audit-events?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
