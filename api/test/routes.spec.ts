import { clinicDate } from './support/clinic-date';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { can, Permission, PERMISSIONS, Role } from '@peerpath/contracts';
import { PERMISSION_KEY, PUBLIC_KEY } from '../src/access/allow.decorator';
import { Staff } from './support/staff';
import { startTestApp, TestApp } from './support/test-app';

type Access = Permission | 'public' | 'signed-in';

/** Every route the API has, and what opens it. A route missing here fails the inventory test. */
const ROUTES: [string, string, Access][] = [
  ['GET', '/api/health', 'public'],
  ['POST', '/api/auth/login', 'public'],
  ['POST', '/api/auth/logout', 'public'],
  ['GET', '/api/auth/me', 'signed-in'],
  ['GET', '/api/auth/session', 'public'],
  ['POST', '/api/auth/change-password', 'signed-in'],
  ['GET', '/api/users', 'users:read'],
  ['POST', '/api/users', 'users:write'],
  ['GET', '/api/users/:id', 'users:read'],
  ['PATCH', '/api/users/:id', 'users:write'],
  ['GET', '/api/programs', 'programs:read'],
  ['POST', '/api/programs', 'programs:write'],
  ['GET', '/api/organization', 'organization:read'],
  ['GET', '/api/billing/claim-lines', 'billing:read'],
  ['GET', '/api/billing/claim-lines.csv', 'billing:read'],
  ['PATCH', '/api/organization', 'organization:write'],
  ['GET', '/api/audit-events', 'audit:read'],
  ['GET', '/api/clients', 'clients:read'],
  ['POST', '/api/clients', 'clients:create'],
  ['GET', '/api/clients/:id', 'clients:read'],
  ['PATCH', '/api/clients/:id', 'clients:write'],
  ['POST', '/api/clients/:id/discharge', 'clients:discharge'],
  ['POST', '/api/clients/:id/readmit', 'clients:discharge'],
  ['PUT', '/api/clients/:id/primary-peer', 'clients:assign'],
  ['GET', '/api/clients/:id/assignments', 'clients:read'],
  ['GET', '/api/clients/:id/timeline', 'contacts:read'],
  ['GET', '/api/clients/:id/contacts', 'contacts:read'],
  ['POST', '/api/clients/:id/contacts', 'contacts:write'],
  ['GET', '/api/contacts/:id', 'contacts:read'],
  ['PATCH', '/api/contacts/:id', 'contacts:write'],
  ['POST', '/api/contacts/:id/sign', 'contacts:write'],
  ['POST', '/api/contacts/:id/addenda', 'contacts:write'],
  ['GET', '/api/caseload', 'caseload:read'],
  ['POST', '/api/caseload-transfers', 'clients:assign'],
  ['GET', '/api/resources', 'resources:read'],
  ['POST', '/api/resources', 'resources:write'],
  ['GET', '/api/resources/:id', 'resources:read'],
  ['PATCH', '/api/resources/:id', 'resources:write'],
  ['GET', '/api/referrals', 'referrals:read'],
  ['GET', '/api/referrals/export.csv', 'referrals:read'],
  ['GET', '/api/referrals/:id', 'referrals:read'],
  ['POST', '/api/referrals/:id/status', 'referrals:status'],
  ['GET', '/api/clients/:id/referrals', 'referrals:read'],
  ['POST', '/api/clients/:id/referrals', 'referrals:write'],
  ['POST', '/api/referrals/:id/recipient-link', 'referrals:write'],
  ['DELETE', '/api/referrals/:id/recipient-link', 'referrals:write'],
  ['GET', '/api/referrals/:id/recipient-link', 'referrals:read'],
  ['GET', '/api/recipient/:token', 'public'],
  ['POST', '/api/recipient/:token/answer', 'public'],
  ['GET', '/api/recipient-answers', 'recipientAnswers:read'],
  ['POST', '/api/recipient-answers/seen', 'recipientAnswers:seen'],
  ['GET', '/api/handoffs', 'handoffs:read'],
  ['GET', '/api/handoffs/times', 'handoffs:read'],
  ['POST', '/api/handoffs', 'handoffs:write'],
  ['GET', '/api/handoffs/:id', 'handoffs:read'],
  ['POST', '/api/handoffs/:id/claim', 'handoffs:work'],
  ['POST', '/api/handoffs/:id/attempts', 'handoffs:work'],
  ['POST', '/api/handoffs/:id/convert', 'handoffs:work'],
  ['POST', '/api/handoffs/:id/close', 'handoffs:write'],
  ['PUT', '/api/programs/:id/handoff-target', 'handoffs:target'],
  ['GET', '/api/clients/:id/consents', 'consents:read'],
  ['POST', '/api/clients/:id/consents', 'consents:write'],
  ['POST', '/api/consents/:id/revoke', 'consents:write'],
  ['GET', '/api/clients/:id/disclosures', 'disclosures:read'],
  ['POST', '/api/clients/:id/disclosures', 'disclosures:write'],
  ['GET', '/api/referrals/:id/packet', 'referrals:read'],
  ['GET', '/api/audit-events/highlights', 'audit:read'],
  ['GET', '/api/audit-events/export.csv', 'audit:read'],
  ['GET', '/api/clients/:id/clinical-notes', 'clinicalNotes:read'],
  ['POST', '/api/clients/:id/clinical-notes', 'clinicalNotes:write'],
  ['GET', '/api/clinical-notes/:id', 'clinicalNotes:read'],
  ['PATCH', '/api/clinical-notes/:id', 'clinicalNotes:write'],
  ['POST', '/api/clinical-notes/:id/sign', 'clinicalNotes:write'],
  ['POST', '/api/clinical-notes/:id/addenda', 'clinicalNotes:write'],
  ['POST', '/api/clients/:id/emergency-access', 'emergencyAccess:request'],
  ['GET', '/api/emergency-access/mine', 'emergencyAccess:request'],
  ['GET', '/api/emergency-access', 'emergencyAccess:review'],
  ['POST', '/api/emergency-access/:id/review', 'emergencyAccess:review'],
  ['GET', '/api/documentation-review/queue', 'documentationReview:write'],
  ['GET', '/api/documentation-review/coverage', 'documentationReview:write'],
  ['POST', '/api/contacts/:id/review', 'documentationReview:write'],
  ['GET', '/api/reports/caseloads', 'reports:read'],
  ['GET', '/api/reports/caseloads.csv', 'reports:read'],
  ['GET', '/api/reports/outcomes', 'reports:read'],
  ['GET', '/api/clients/:id/goals', 'goals:read'],
  ['POST', '/api/clients/:id/goals', 'goals:write'],
  ['PATCH', '/api/goals/:id', 'goals:write'],
  ['GET', '/api/clients/:id/assessments', 'assessments:read'],
  ['POST', '/api/clients/:id/assessments', 'assessments:write'],
  ['GET', '/api/groups', 'groups:read'],
  ['POST', '/api/groups', 'groups:write'],
  ['GET', '/api/groups/:id', 'groups:read'],
  ['PATCH', '/api/groups/:id', 'groups:write'],
  ['GET', '/api/groups/:id/roster', 'groups:read'],
  ['POST', '/api/groups/:id/roster', 'groups:write'],
  ['DELETE', '/api/groups/:id/roster/:clientId', 'groups:write'],
  ['GET', '/api/groups/:id/walk-ins', 'attendance:write'],
  ['GET', '/api/groups/:id/sessions', 'groups:read'],
  ['POST', '/api/groups/:id/sessions', 'sessions:write'],
  ['GET', '/api/groups/:id/rates', 'attendance:read'],
  ['GET', '/api/sessions/:id/attendance', 'attendance:read'],
  ['PUT', '/api/sessions/:id/attendance', 'attendance:write'],
  ['GET', '/api/clients/:id/attendance', 'attendance:read'],
  ['GET', '/api/clients/:id/attendance-rates', 'attendance:read'],
  ['GET', '/api/clients/:id/community-meetings', 'communityMeetings:read'],
  ['POST', '/api/clients/:id/community-meetings', 'communityMeetings:write'],
];

/** Bodies that pass validation, so a cross-organization refusal is about the record, not the input. */
const VALID_BODIES: Record<string, object> = {
  'PATCH /api/users/:id': { version: 1, name: 'Cross-tenant' },
  'PATCH /api/clients/:id': { version: 1, firstName: 'Cross-tenant' },
  'POST /api/clients/:id/discharge': { version: 1, reason: 'Cross-tenant' },
  'POST /api/clients/:id/readmit': { version: 1 },
  'PUT /api/clients/:id/primary-peer': { peerId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/clients/:id/contacts': {
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
  },
  'PATCH /api/contacts/:id': { version: 1, note: 'Cross-tenant' },
  'POST /api/contacts/:id/sign': {},
  'POST /api/contacts/:id/addenda': { text: 'Cross-tenant' },
  'PATCH /api/resources/:id': { version: 1, name: 'Cross-tenant' },
  'POST /api/referrals/:id/status': { status: 'cancelled' },
  'POST /api/handoffs/:id/attempts': { method: 'phone', successful: false },
  'POST /api/handoffs/:id/convert': {},
  'POST /api/handoffs/:id/close': { reason: 'declined' },
  'PUT /api/programs/:id/handoff-target': { hours: 12 },
  'POST /api/clients/:id/referrals': { outsideOrganization: 'Cross-tenant', need: 'food', status: 'draft' },
  'POST /api/clients/:id/consents': {
    recipientOrganization: 'Cross-tenant',
    purpose: 'Cross-tenant test',
    information: 'Everything',
    signedAt: '2026-01-01',
    expiresAt: '2027-01-01',
    revocationStatementAcknowledged: true,
  },
  'POST /api/consents/:id/revoke': { method: 'written' },
  'POST /api/clients/:id/disclosures': {
    recipient: 'Cross-tenant',
    recipientContact: 'Front desk',
    purpose: 'Cross-tenant test',
    channel: 'phone',
    elements: ['name'],
  },
  'POST /api/clients/:id/clinical-notes': { noteType: 'progress', body: 'Cross-tenant' },
  'PATCH /api/clinical-notes/:id': { version: 1, body: 'Cross-tenant' },
  'POST /api/clinical-notes/:id/sign': {},
  'POST /api/clinical-notes/:id/addenda': { text: 'Cross-tenant' },
  'POST /api/clients/:id/emergency-access': {
    password: 'peerpath-demo-2026',
    reason: 'Cross-tenant emergency test',
  },
  'POST /api/emergency-access/:id/review': {},
  'POST /api/contacts/:id/review': { comment: 'Cross-tenant' },
  'POST /api/clients/:id/goals': { domain: 'housing', description: 'Cross-tenant' },
  'PATCH /api/goals/:id': { version: 1, description: 'Cross-tenant' },
  'POST /api/clients/:id/assessments': { instrument: 'barc10', items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
  'PATCH /api/groups/:id': { version: 1, name: 'Cross-tenant' },
  'POST /api/groups/:id/roster': { clientId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/groups/:id/sessions': { date: '2026-01-06', startTime: '18:00', durationMinutes: 60 },
  'PUT /api/sessions/:id/attendance': [
    { clientId: '00000000-0000-4000-8000-000000000000', status: 'present' },
  ],
  'POST /api/clients/:id/community-meetings': {
    meetingType: 'aa',
    date: clinicDate(-1),
  },
};

const ROLE_REFUSAL = 'Your role may not do this.';

const CALLERS: [string, Role][] = [
  ['admin@demo.test', 'admin'],
  ['manager@demo.test', 'manager'],
  ['clinician@demo.test', 'clinician'],
  ['peer@demo.test', 'peer'],
];

describe('route inventory and access matrix', () => {
  let t: TestApp;
  const callers = new Map<string, Staff>();
  let demoPeerId: string;
  const ids: Record<string, string> = {};
  /** A real record of the demo clinic for each kind of :id, so refusals are about scope, not absence. */
  const withId = (path: string) =>
    path.replace(':id', ids[path.split('/')[2]] ?? '00000000-0000-4000-8000-000000000000');

  beforeAll(async () => {
    t = await startTestApp();
    for (const [email] of [...CALLERS, ['admin@other.test'], ['manager@other.test'], ['peer@other.test']]) {
      callers.set(email, await t.signIn(email));
    }
    demoPeerId = callers.get('peer@demo.test')?.user?.id as string;
    const row = await t.owner.query(
      `SELECT c.id AS client_id, (SELECT k.id FROM contacts k WHERE k.client_id = c.id LIMIT 1) AS contact_id
         FROM clients c WHERE c.primary_peer_id = $1 ORDER BY c.name_key LIMIT 1`,
      [demoPeerId],
    );
    ids['users'] = demoPeerId;
    ids['clients'] = row.rows[0].client_id;
    ids['contacts'] = row.rows[0].contact_id;
    const more = await t.owner.query(
      `SELECT (SELECT id FROM resources WHERE organization_id = c.organization_id LIMIT 1) AS resource_id,
              (SELECT id FROM referrals WHERE client_id = c.id LIMIT 1) AS referral_id,
              (SELECT id FROM consents WHERE client_id = c.id LIMIT 1) AS consent_id
         FROM clients c WHERE c.id = $1`,
      [ids['clients']],
    );
    ids['resources'] = more.rows[0].resource_id;
    ids['referrals'] = more.rows[0].referral_id;
    ids['consents'] = more.rows[0].consent_id;
    ids['handoffs'] = (
      await t.owner.query(`SELECT id FROM handoffs WHERE created_by = $1 AND status = 'new' LIMIT 1`, [
        demoPeerId,
      ])
    ).rows[0].id;
    ids['programs'] = callers.get('peer@demo.test')?.user?.programIds[0] as string;
    const group = await t.owner.query(
      `SELECT g.id AS group_id, (SELECT a.session_id FROM attendance a JOIN group_sessions s ON s.id = a.session_id
                                  WHERE s.group_id = g.id LIMIT 1) AS session_id
         FROM groups g JOIN group_facilitators f ON f.group_id = g.id WHERE f.user_id = $1 LIMIT 1`,
      [demoPeerId],
    );
    ids['groups'] = group.rows[0].group_id;
    ids['sessions'] = group.rows[0].session_id;
  });
  afterAll(() => t.close());

  it('lists every controller route in the permission table (deny by default holds)', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const found: [string, string, string][] = [];
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = ['/api', base, String(sub)]
          .filter((p) => p && p !== '/')
          .join('/')
          .replace(/\/+/g, '/');
        const targets = [handler, wrapper.metatype as (...args: unknown[]) => unknown];
        const access = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
          ? 'public'
          : String(reflector.getAllAndOverride<string>(PERMISSION_KEY, targets) ?? 'NONE');
        found.push([method, path, access]);
      }
    }
    const key = (r: string[]) => r.join(' ');
    expect(found.map(key).sort()).toEqual(ROUTES.map(key).sort());
    for (const [, , access] of ROUTES) {
      if (access !== 'public' && access !== 'signed-in') expect(PERMISSIONS).toContain(access);
    }
  });

  const concrete = (path: string) => path.replace(':id', '00000000-0000-4000-8000-000000000000');

  it.each(ROUTES.filter(([, , access]) => access !== 'public'))(
    '%s %s answers 401 to an anonymous caller',
    async (method, path) => {
      const anon = await t.anonymous();
      const res = await anon.send(
        method.toLowerCase() as 'get',
        concrete(path),
        method === 'GET' ? undefined : {},
      );
      expect(res.status).toBe(401);
    },
  );

  const matrix = ROUTES.filter(([, , access]) => access !== 'public').flatMap(([method, path, access]) =>
    CALLERS.map(([email, role]) => [method, path, email, role, access] as const),
  );

  it.each(matrix)('%s %s as %s', async (method, path, email, role, access) => {
    const staff = callers.get(email) as Staff;
    const res = await staff.send(
      method.toLowerCase() as 'get',
      withId(path),
      method === 'GET' ? undefined : {},
    );
    const allowed = access === 'signed-in' || can(role, access as Permission);
    if (allowed) {
      // Through the guard: whatever the handler then answers (invalid empty body, absent record,
      // illegal move…), it is never the guard's refusal and never a server error.
      expect(res.status).toBeLessThan(500);
      expect(res.body?.detail).not.toBe(ROLE_REFUSAL);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(ROLE_REFUSAL);
    }
  });

  it.each(ROUTES.filter(([, path]) => path.includes(':id')))(
    '%s %s answers 404 to callers of another organization',
    async (method, path, access) => {
      for (const email of ['admin@other.test', 'manager@other.test', 'peer@other.test']) {
        const staff = callers.get(email) as Staff;
        const res = await staff.send(
          method.toLowerCase() as 'get',
          withId(path).replace(':clientId', ids['clients']),
          VALID_BODIES[`${method} ${path}`],
        );
        expect(res.status).toBe(can(staff.user?.role as Role, access as Permission) ? 404 : 403);
      }
      const row = await t.owner.query(`SELECT name FROM users WHERE id = $1`, [demoPeerId]);
      expect(row.rows[0].name).not.toBe('Cross-tenant');
      const client = await t.owner.query(`SELECT first_name FROM clients WHERE id = $1`, [ids['clients']]);
      expect(client.rows[0].first_name).not.toBe('Cross-tenant');
    },
  );

  it('lists for another organization never contain this one’s rows', async () => {
    const demoIds = new Set(
      (await callers.get('admin@demo.test')?.get('/api/users?limit=100'))?.body.items.map(
        (u: { id: string }) => u.id,
      ),
    );
    for (const email of ['admin@other.test', 'manager@other.test', 'peer@other.test']) {
      const res = await callers.get(email)?.get('/api/users?limit=100');
      expect(res?.status).toBe(200);
      for (const u of res?.body.items ?? []) expect(demoIds.has(u.id)).toBe(false);
    }
  });
});
