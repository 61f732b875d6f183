import { addDays, localDate, startOfLocalDay } from '@peerpath/contracts';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/**
 * "Today" is the clinic's calendar day, whatever the UTC date is: checked with the clock pinned
 * half an hour either side of local midnight in the zones furthest ahead of and behind UTC.
 */
describe('the clinic clock', () => {
  let t: TestApp;
  let now = new Date();
  let admin: Staff;
  let peer: Staff;
  let manager: Staff;
  let client: string;
  let resource: string;
  let group: string;

  beforeAll(async () => {
    t = await startTestApp({ now: () => now });
    [admin, peer, manager] = await Promise.all(
      ['admin@demo.test', 'peer@demo.test', 'manager@demo.test'].map((e) => t.signIn(e)),
    );
    const program = manager.user?.programIds[0] as string;
    const created = await peer.post('/api/clients', {
      firstName: 'Tess',
      lastName: 'Clocktest',
      dateOfBirth: '1988-05-05',
      programId: program,
    });
    expect(created.status).toBe(201);
    client = created.body.id;
    resource = (
      await t.owner.query(
        `SELECT r.id FROM resources r JOIN organizations o ON o.id = r.organization_id
          WHERE o.name = 'Demo Recovery Clinic' ORDER BY r.name LIMIT 1`,
      )
    ).rows[0].id;
    const g = await manager.post('/api/groups', {
      programId: program,
      name: 'Clock fixture (test)',
      type: 'peer_led',
      facilitatorId: peer.user?.id,
      schedule: 'Daily 23:00',
    });
    expect(g.status).toBe(201);
    group = g.body.id;
    expect((await manager.post(`/api/groups/${group}/roster`, { clientId: client })).status).toBe(201);
  });
  afterAll(() => t.close());

  async function setZone(timeZone: string) {
    const { version } = (await admin.get('/api/organization')).body;
    expect((await admin.patch('/api/organization', { version, timeZone })).status).toBe(200);
  }

  // Each case its own local day; `utc` is that instant's UTC date, which naive code would use.
  const cases = [
    { zone: 'Pacific/Kiritimati', offset: '+14:00', clock: '23:30', today: '2026-12-01', utc: '2026-12-01' },
    { zone: 'Pacific/Kiritimati', offset: '+14:00', clock: '00:30', today: '2026-12-02', utc: '2026-12-01' },
    { zone: 'Pacific/Pago_Pago', offset: '−11:00', clock: '23:30', today: '2026-12-03', utc: '2026-12-04' },
    { zone: 'Pacific/Pago_Pago', offset: '−11:00', clock: '00:30', today: '2026-12-04', utc: '2026-12-04' },
  ].map((c) => ({ ...c, minutes: c.clock === '23:30' ? 23 * 60 + 30 : 30 }));

  it.each(cases)(
    'in $zone (UTC$offset) at $clock local, the local today rules',
    async ({ zone, minutes, today, utc }) => {
      await setZone(zone);
      now = new Date(startOfLocalDay(today, zone).getTime() + minutes * 60_000);
      expect(localDate(now, zone)).toBe(today);
      expect(localDate(now, 'UTC')).toBe(utc);

      // A consent signed and expiring on the local today is in force and covers a referral.
      const consent = await peer.post(`/api/clients/${client}/consents`, {
        recipientResourceId: resource,
        purpose: 'Clock test',
        information: 'Name and need',
        signedAt: today,
        expiresAt: today,
        revocationStatementAcknowledged: true,
      });
      expect(consent.status).toBe(201);
      expect(consent.body.inForce).toBe(true);
      const referral = await peer.post(`/api/clients/${client}/referrals`, {
        resourceId: resource,
        need: 'housing',
        shareInformation: true,
        followUpOn: today,
      });
      expect(referral.status).toBe(201);
      expect(referral.body.consentId).toBe(consent.body.id);

      // A follow-up due on the local today is not overdue yet; a default one is 7 local days out.
      const read = await peer.get(`/api/referrals/${referral.body.id}`);
      expect(read.body).toMatchObject({ followUpOn: today, overdue: false });
      const later = await peer.post(`/api/clients/${client}/referrals`, {
        resourceId: resource,
        need: 'food',
      });
      expect(later.body.followUpOn).toBe(addDays(today, 7));
      const caseload = await peer.get('/api/caseload');
      const entry = caseload.body.items.find((e: { clientId: string }) => e.clientId === client);
      expect(entry.overdueReferrals).toBe(0);

      // A session dated the local today takes attendance; tomorrow's does not yet.
      const session = await peer.post(`/api/groups/${group}/sessions`, {
        date: today,
        startTime: minutes < 60 ? '00:15' : '23:00',
        durationMinutes: 30,
      });
      expect(session.status).toBe(201);
      const taken = await peer.put(`/api/sessions/${session.body.id}/attendance`, [
        { clientId: client, status: 'present' },
      ]);
      expect(taken.status).toBe(200);
      const tomorrow = await peer.post(`/api/groups/${group}/sessions`, {
        date: addDays(today, 1),
        startTime: '12:00',
        durationMinutes: 30,
      });
      const early = await peer.put(`/api/sessions/${tomorrow.body.id}/attendance`, [
        { clientId: client, status: 'present' },
      ]);
      expect(early.status).toBe(409);

      // A date of birth on the local today is not in the future; tomorrow's is.
      const edit = (dateOfBirth: string) =>
        peer.post('/api/clients', {
          firstName: 'Newborn',
          lastName: `Clocktest ${zone} ${minutes}`,
          dateOfBirth,
          programId: manager.user?.programIds[0],
        });
      expect((await edit(addDays(today, 1))).status).toBe(400);

      // Past the local expiry day the consent no longer covers.
      now = new Date(startOfLocalDay(addDays(today, 1), zone).getTime() + 30 * 60_000);
      const consents = await peer.get(`/api/clients/${client}/consents`);
      expect(consents.body.find((c: { id: string }) => c.id === consent.body.id).inForce).toBe(false);
      const overdue = await peer.get(`/api/referrals/${referral.body.id}`);
      expect(overdue.body.overdue).toBe(true);
      for (const id of [referral.body.id, later.body.id]) {
        expect((await peer.post(`/api/referrals/${id}/status`, { status: 'cancelled' })).status).toBe(200);
      }
    },
  );
});
