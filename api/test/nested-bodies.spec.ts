import { clinicDate } from './support/clinic-date';
import { MAX_ATTENDANCE_ROWS } from '@peerpath/contracts';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** Objects inside a body are held to the same rules as the body: unknown keys and wrong shapes are 400. */
describe('nested objects in a body', () => {
  let t: TestApp;
  let admin: Staff;
  let manager: Staff;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, manager] = await Promise.all(['admin@demo.test', 'manager@demo.test'].map((e) => t.signIn(e)));
    programId = (await admin.get('/api/programs')).body.items[0].id;
  });
  afterAll(() => t.close());

  it.each([
    [
      'an unknown key in the billing profile',
      { dailyUnitCap: 12, surprise: true },
      'billingProfile.surprise',
    ],
    ['a billing profile given as a list', [{ dailyUnitCap: 12 }], 'billingProfile'],
    ['a billing profile given as text', 'dailyUnitCap=12', 'billingProfile'],
    ['modifiers given as a list', { modifiers: [['95']] }, 'billingProfile.modifiers'],
    ['place of service given as a list', { placeOfService: ['10'] }, 'billingProfile.placeOfService'],
  ])('refuses %s with 400 naming the field, changing nothing', async (_name, billingProfile, field) => {
    const before = (await admin.get('/api/organization')).body;
    const res = await admin.patch('/api/organization', { version: before.version, billingProfile });
    expect(res.status).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect((await admin.get('/api/organization')).body).toEqual(before);
  });

  it('refuses a prototype key inside the billing profile', async () => {
    const before = (await admin.get('/api/organization')).body;
    const res = await admin.send(
      'patch',
      '/api/organization',
      `{"version":${before.version},"billingProfile":{"__proto__":{"dailyUnitCap":1}}}`,
      { 'Content-Type': 'application/json' },
    );
    expect(res.status).toBe(400);
    expect((await admin.get('/api/organization')).body).toEqual(before);
  });

  it.each([
    ['an unknown key in a credential', { type: 'CPRS', number: 'A-1', expiresOn: '2030-01-31', issuer: 'x' }],
    ['a credential given as a list', [{ type: 'CPRS', number: 'A-1', expiresOn: '2030-01-31' }]],
  ])('refuses %s on a new staff member', async (_name, credential) => {
    const res = await admin.post('/api/users', {
      email: 'nested@demo.test',
      name: 'Nested Test',
      role: 'peer',
      programIds: [programId],
      password: 'lantern-orchard-velvet-9',
      credential,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^credential/) })]),
    );
    const { rows } = await t.owner.query(
      `SELECT count(*)::int AS n FROM users WHERE email = 'nested@demo.test'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses an unknown key in an attendance row', async () => {
    const { rows } = await t.owner.query(
      `SELECT s.id, a.client_id FROM group_sessions s JOIN attendance a ON a.session_id = s.id
        WHERE s.date <= $1 LIMIT 1`,
      [clinicDate()],
    );
    const res = await manager.put(`/api/sessions/${rows[0].id}/attendance`, [
      { clientId: rows[0].client_id, status: 'present', excused: true },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'attendance.0.excused' })]),
    );
  });

  it('refuses a list longer than its limit before touching a row', async () => {
    const { rows } = await t.owner.query(
      `SELECT s.id, a.client_id FROM group_sessions s JOIN attendance a ON a.session_id = s.id
        WHERE s.date <= $1 LIMIT 1`,
      [clinicDate()],
    );
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const attendance = Array.from({ length: MAX_ATTENDANCE_ROWS + 1 }, (_, i) => ({
      clientId: uuid(i),
      status: 'present',
    }));
    const tooMany = await manager.put(`/api/sessions/${rows[0].id}/attendance`, attendance);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'attendance' })]),
    );
    const transfer = await manager.post('/api/caseload-transfers', {
      clientIds: Array.from({ length: 501 }, (_, i) => uuid(i)),
      peerId: uuid(0),
    });
    expect(transfer.status).toBe(400);
    expect(transfer.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'clientIds' })]),
    );
  });
});
