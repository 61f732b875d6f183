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
  ['GET', '/api/users', 'users:read'],
  ['POST', '/api/users', 'users:write'],
  ['GET', '/api/users/:id', 'users:read'],
  ['PATCH', '/api/users/:id', 'users:write'],
  ['GET', '/api/programs', 'programs:read'],
  ['POST', '/api/programs', 'programs:write'],
  ['GET', '/api/audit-events', 'audit:read'],
];

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

  beforeAll(async () => {
    t = await startTestApp();
    for (const [email] of [...CALLERS, ['admin@other.test'], ['manager@other.test'], ['peer@other.test']]) {
      callers.set(email, await t.signIn(email));
    }
    demoPeerId = callers.get('peer@demo.test')?.user?.id as string;
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
        const handler = (instance as Record<string, unknown>)[name] as object;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = ['/api', base, String(sub)]
          .filter((p) => p && p !== '/')
          .join('/')
          .replace(/\/+/g, '/');
        const access = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, wrapper.metatype])
          ? 'public'
          : String(reflector.getAllAndOverride(PERMISSION_KEY, [handler, wrapper.metatype]) ?? 'NONE');
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
    const url = path.replace(':id', demoPeerId);
    const res = await staff.send(method.toLowerCase() as 'get', url, method === 'GET' ? undefined : {});
    const allowed = access === 'signed-in' || can(role, access as Permission);
    if (allowed) {
      // Allowed through the guard: the empty body of a write is then refused as invalid input.
      expect([200, 201, 400, 404]).toContain(res.status);
      if (method !== 'GET') expect(res.status).toBe(400);
    } else {
      expect(res.status).toBe(403);
    }
  });

  it.each(ROUTES.filter(([, path]) => path.includes(':id')))(
    '%s %s answers 404 to callers of another organization',
    async (method, path, access) => {
      for (const email of ['admin@other.test', 'manager@other.test', 'peer@other.test']) {
        const staff = callers.get(email) as Staff;
        const body = method === 'GET' ? undefined : { version: 1, name: 'Cross-tenant' };
        const res = await staff.send(method.toLowerCase() as 'get', path.replace(':id', demoPeerId), body);
        expect(res.status).toBe(can(staff.user?.role as Role, access as Permission) ? 404 : 403);
      }
      const row = await t.owner.query(`SELECT name FROM users WHERE id = $1`, [demoPeerId]);
      expect(row.rows[0].name).not.toBe('Cross-tenant');
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
