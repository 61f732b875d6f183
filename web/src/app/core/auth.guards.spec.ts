import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  provideRouter,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser } from '../../testing/session-users';
import { permissionGuard } from './auth.guards';
import { AuthService } from './auth.service';

async function run(role: Role | null, guard: ReturnType<typeof permissionGuard>) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: AuthService, useValue: fakeAuth(role ? sessionUser(role) : null) },
    ],
  });
  const result = await TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
  );
  return result instanceof UrlTree ? result.toString() : result;
}

describe('permissionGuard', () => {
  it('lets an administrator into the audit log and keeps a peer out', async () => {
    expect(await run('admin', permissionGuard('audit:read'))).toBe(true);
    TestBed.resetTestingModule();
    expect(await run('peer', permissionGuard('audit:read'))).toBe('/');
  });

  it('opens the staff list only to program or org scope of users:read', async () => {
    const staff = permissionGuard('users:read', ['program', 'org']);
    expect(await run('manager', staff)).toBe(true);
    TestBed.resetTestingModule();
    expect(await run('clinician', staff)).toBe('/');
  });

  it('sends a signed-out visitor to sign in', async () => {
    expect(await run(null, permissionGuard('programs:read'))).toBe('/sign-in');
  });
});
