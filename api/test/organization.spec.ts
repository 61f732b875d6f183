import { DEFAULT_BILLING_PROFILE } from '@peerpath/contracts';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

describe('organization settings: the clinic clock and billing profile', () => {
  let t: TestApp;
  let admin: Staff;
  let peer: Staff;
  let manager: Staff;
  let otherAdmin: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, peer, manager, otherAdmin] = await Promise.all(
      ['admin@demo.test', 'peer@demo.test', 'manager@demo.test', 'admin@other.test'].map((e) => t.signIn(e)),
    );
  });
  afterAll(() => t.close());

  it('shows every signed-in staff member their own clinic, in New York time with the default profile', async () => {
    for (const staff of [admin, peer, manager]) {
      const res = await staff.get('/api/organization');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Demo Recovery Clinic',
        timeZone: 'America/New_York',
        billingProfile: DEFAULT_BILLING_PROFILE,
        version: 1,
      });
    }
    expect((await otherAdmin.get('/api/organization')).body.name).toBe('Other Clinic');
    expect((await (await t.anonymous()).get('/api/organization')).status).toBe(401);
  });

  it('lets an admin change the zone and part of the billing profile, with the version', async () => {
    const before = (await admin.get('/api/organization')).body;
    const res = await admin.patch('/api/organization', {
      version: before.version,
      timeZone: 'America/Los_Angeles',
      billingProfile: { dailyUnitCap: 12, billableModalities: ['in_person', 'video'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/Los_Angeles');
    expect(res.body.billingProfile).toEqual({
      ...DEFAULT_BILLING_PROFILE,
      dailyUnitCap: 12,
      billableModalities: ['in_person', 'video'],
    });
    expect(res.body.version).toBe(before.version + 1);
    const row = await t.owner.query(`SELECT time_zone FROM organizations WHERE id = $1`, [before.id]);
    expect(row.rows[0].time_zone).toBe('America/Los_Angeles');
    const audit = await t.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'organization.update' AND entity_id = $1`,
      [before.id],
    );
    expect(audit.rows[0].n).toBe(1);
    const stale = await admin.patch('/api/organization', { version: before.version, timeZone: 'UTC' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/stale-version$/);
    // Other Clinic is untouched.
    expect((await otherAdmin.get('/api/organization')).body.timeZone).toBe('America/New_York');
  });

  it('refuses an unknown zone, a bad profile and unknown fields with 400, changing nothing', async () => {
    const { version } = (await admin.get('/api/organization')).body;
    for (const body of [
      { version, timeZone: 'Mars/Olympus_Mons' },
      { version, timeZone: 'EST5EDT; DROP TABLE' },
      { version, billingProfile: { billableModalities: ['telepathy'] } },
      { version, billingProfile: { dailyUnitCap: 0 } },
      { version, billingProfile: { modifiers: { video: ['GT-long'] } } },
      { version, billingProfile: { placeOfService: { carrier_pigeon: '10' } } },
      { version, billingProfile: { surprise: true } },
      { version, color: 'blue' },
    ]) {
      const res = await admin.patch('/api/organization', body);
      expect(res.status).toBe(400);
      expect(isProblem(res)).toBe(true);
    }
    expect((await admin.get('/api/organization')).body.version).toBe(version);
  });

  it('keeps changes to administrators', async () => {
    const { version } = (await peer.get('/api/organization')).body;
    for (const staff of [peer, manager]) {
      const res = await staff.patch('/api/organization', { version, timeZone: 'UTC' });
      expect(res.status).toBe(403);
    }
  });
});
