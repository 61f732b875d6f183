import { clinicDate } from './support/clinic-date';
import { PART2_NOTICE_STATEMENT_1 } from '@peerpath/contracts';
import { isProblem, Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

/** 42 CFR 2.31(a)(4) consent scope, the 2.32 notice and the accounting of disclosures (PRODUCT.md §5). */
describe('consent scope, the referral packet and disclosures', () => {
  let t: TestApp;
  let peer: Staff;
  let manager: Staff;
  let otherPeer: Staff;
  let client: string;
  let clinicId: string;
  let pantryId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [peer, manager, otherPeer] = await Promise.all(
      ['peer@demo.test', 'manager@demo.test', 'peer@other.test'].map((e) => t.signIn(e)),
    );
    client = (
      await t.owner.query(
        `SELECT c.id FROM clients c WHERE c.primary_peer_id = $1 AND c.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.client_id = c.id) ORDER BY c.name_key LIMIT 1`,
        [peer.user?.id],
      )
    ).rows[0].id;
    await t.owner.query(`UPDATE clients SET phone = '555-0199', email = NULL WHERE id = $1`, [client]);
    const clinic = await manager.post('/api/resources', {
      name: 'Scope Test MOUD Clinic (fake)',
      organizationName: 'Scope Test Health (fake)',
      needs: ['moud'],
      phone: '555-0101',
      treatingProvider: true,
    });
    expect(clinic.status).toBe(201);
    expect(clinic.body.treatingProvider).toBe(true);
    clinicId = clinic.body.id;
    const pantry = await manager.post('/api/resources', {
      name: 'Scope Test Food Pantry (fake)',
      needs: ['food'],
      phone: '555-0102',
    });
    expect(pantry.body.treatingProvider).toBe(false);
    pantryId = pantry.body.id;
  });
  afterAll(() => t.close());

  const consent = (over: object) =>
    peer.post(`/api/clients/${client}/consents`, {
      purpose: 'Coordinate care (fake)',
      information: 'Name, phone, the need referred for and the referral note',
      signedAt: clinicDate(),
      expiresAt: '2099-12-31',
      revocationStatementAcknowledged: true,
      ...over,
    });
  const refer = (over: object) =>
    peer.post(`/api/clients/${client}/referrals`, {
      shareInformation: true,
      note: 'Prefers mornings.',
      ...over,
    });
  const denials = async () =>
    (
      await t.owner.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND outcome = 'denied' AND actor_id = $2`,
        [client, peer.user?.id],
      )
    ).rows[0].n as number;

  it('lets a general designation cover a treating provider but refuses a food pantry (409, audited)', async () => {
    const general = await consent({
      generalDesignation: 'my treating providers, health plans and third-party payers',
    });
    expect(general.status).toBe(201);
    expect(general.body).toMatchObject({ signedBy: 'client', revocationStatementAcknowledged: true });

    const toClinic = await refer({ resourceId: clinicId, need: 'moud' });
    expect(toClinic.status).toBe(201);
    expect(toClinic.body.consentId).toBe(general.body.id);

    const before = await denials();
    const toPantry = await refer({ resourceId: pantryId, need: 'food' });
    expect(toPantry.status).toBe(409);
    expect(isProblem(toPantry)).toBe(true);
    expect(toPantry.body.type).toMatch(/consent-required$/);
    expect(await denials()).toBe(before + 1);
  });

  it('still covers a named resource and a named organization', async () => {
    await consent({ recipientResourceId: pantryId, recipientIsCoveredEntity: false });
    expect((await refer({ resourceId: pantryId, need: 'food' })).status).toBe(201);
    await consent({ recipientOrganization: 'Westside Legal Aid (fake)' });
    expect((await refer({ outsideOrganization: 'westside legal aid (FAKE)', need: 'legal' })).status).toBe(
      201,
    );
    expect((await refer({ outsideOrganization: 'Eastside Legal Aid (fake)', need: 'legal' })).status).toBe(
      409,
    );
  });

  it('gives a packet with only the consented elements, the consent scope and the 2024 Statement 1', async () => {
    const narrow = await consent({
      recipientOrganization: 'Narrow Recipient (fake)',
      elements: ['name', 'need'],
    });
    expect(narrow.status).toBe(201);
    const referral = await refer({
      outsideOrganization: 'Narrow Recipient (fake)',
      need: 'housing',
      urgency: 'soon',
    });
    expect(referral.status).toBe(201);
    const packet = await peer.get(`/api/referrals/${referral.body.id}/packet`);
    expect(packet.status).toBe(200);
    expect(packet.body.notice).toBe(PART2_NOTICE_STATEMENT_1);
    expect(Object.keys(packet.body.client)).toEqual(['name']);
    expect(packet.body).toMatchObject({
      need: 'housing',
      urgency: null,
      note: null,
      elements: ['name', 'need'],
    });
    expect(packet.body.consent).toMatchObject({
      id: narrow.body.id,
      purpose: 'Coordinate care (fake)',
      recipient: 'Narrow Recipient (fake)',
      elements: ['name', 'need'],
      recipientIsCoveredEntity: false,
    });

    const disclosures = (await peer.get(`/api/clients/${client}/disclosures`)).body as {
      referralId: string;
      elements: string[];
      channel: string;
      purpose: string;
    }[];
    expect(disclosures.find((d) => d.referralId === referral.body.id)).toMatchObject({
      elements: ['name', 'need'],
      channel: 'referral',
      purpose: 'Coordinate care (fake)',
    });
  });

  it('records exactly the elements a full packet sends', async () => {
    const referral = await refer({ resourceId: clinicId, need: 'medical', urgency: 'urgent' });
    const packet = (await peer.get(`/api/referrals/${referral.body.id}/packet`)).body;
    expect(packet.elements).toEqual(['name', 'phone', 'need', 'urgency', 'note']);
    expect(packet.client).toEqual({ name: expect.any(String), phone: '555-0199' });
    const rows = await t.owner.query(
      `SELECT elements, recipient_contact, channel FROM disclosures WHERE referral_id = $1`,
      [referral.body.id],
    );
    expect(rows.rows).toEqual([
      { elements: packet.elements, recipient_contact: '555-0101', channel: 'referral' },
    ]);
  });

  it('gives a packet without client information for a referral that shares nothing', async () => {
    const referral = await peer.post(`/api/clients/${client}/referrals`, {
      resourceId: pantryId,
      need: 'food',
    });
    const packet = await peer.get(`/api/referrals/${referral.body.id}/packet`);
    expect(packet.body).toMatchObject({ client: null, consent: null, notice: null, elements: [] });
    expect((await otherPeer.get(`/api/referrals/${referral.body.id}/packet`)).status).toBe(404);
  });

  it('records a disclosure made by phone under a covering consent, and refuses one without', async () => {
    const ok = await peer.post(`/api/clients/${client}/disclosures`, {
      recipient: 'Westside Legal Aid (fake)',
      recipientContact: 'Intake desk, 555-0150',
      purpose: 'Confirm the appointment (fake)',
      channel: 'phone',
      elements: ['name', 'need'],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      referralId: null,
      channel: 'phone',
      elements: ['name', 'need'],
      recipientContact: 'Intake desk, 555-0150',
    });

    const before = await denials();
    const refused = await peer.post(`/api/clients/${client}/disclosures`, {
      recipient: 'Unnamed Shelter (fake)',
      recipientContact: 'Front desk',
      purpose: 'Bed availability',
      channel: 'fax',
      elements: ['name'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/consent-required$/);
    expect(await denials()).toBe(before + 1);
    // A general designation does not reach a pantry by phone either.
    const pantryCall = await peer.post(`/api/clients/${client}/disclosures`, {
      recipient: 'Scope Test Food Pantry (fake)',
      recipientResourceId: pantryId,
      recipientContact: 'Front desk',
      purpose: 'Pick-up time',
      channel: 'phone',
      elements: ['name', 'dateOfBirth'],
    });
    expect(pantryCall.status).toBe(409);
    expect(
      (
        await peer.post(`/api/clients/${client}/disclosures`, {
          recipient: 'X',
          recipientContact: 'Y (fake)',
          purpose: 'Zzz',
          channel: 'recipient_link',
          elements: ['name'],
        })
      ).status,
    ).toBe(400);
    expect((await manager.post(`/api/clients/${client}/disclosures`, {})).status).toBe(403);
  });

  it('keeps who signed, and how and why a consent was revoked', async () => {
    const rep = await consent({
      recipientOrganization: 'Guardian Case (fake)',
      signedBy: 'representative',
      representativeName: 'Casey Sample (guardian, fake)',
      recipientIsCoveredEntity: true,
    });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({
      signedBy: 'representative',
      representativeName: 'Casey Sample (guardian, fake)',
      recipientIsCoveredEntity: true,
    });
    expect((await consent({ recipientOrganization: 'X (fake)', signedBy: 'representative' })).status).toBe(
      400,
    );
    expect((await peer.post(`/api/consents/${rep.body.id}/revoke`, {})).status).toBe(400);
    const revoked = await peer.post(`/api/consents/${rep.body.id}/revoke`, {
      method: 'verbal',
      note: 'Said so on the phone (fake).',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      inForce: false,
      revocationMethod: 'verbal',
      revocationNote: 'Said so on the phone (fake).',
    });
  });
});
