import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';
import { can, type Permission, type Scope, scopeOf } from '@peerpath/contracts';
import { AuthService } from './auth.service';

/**
 * Matches only while someone is signed in (used on the shell route); a staff member who must
 * replace an administrator's password goes to that screen first (the API refuses the rest).
 */
export const signedInMatch: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  if (auth.user()?.mustChangePassword) return router.createUrlTree(['/change-password']);
  return auth.signedIn();
};

/** The change-password screen: only for a signed-in staff member who must change it. */
export const passwordChangeDueGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  if (!auth.signedIn()) return router.createUrlTree(['/sign-in']);
  return auth.user()?.mustChangePassword ? true : router.createUrlTree(['/']);
};

/** Sends a signed-out visitor to the sign-in page. */
export const signedInGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  return auth.signedIn() ? true : router.createUrlTree(['/sign-in']);
};

/** The sign-in page is only for signed-out visitors. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  return auth.signedIn() ? router.createUrlTree(['/']) : true;
};

/** Allows the route when the user's role holds the permission (optionally with one of the given scopes). */
export function permissionGuard(permission: Permission, scopes?: readonly Scope[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    await auth.ready();
    const role = auth.user()?.role;
    if (!role) return router.createUrlTree(['/sign-in']);
    const scope = scopeOf(role, permission);
    const allowed = scopes ? scope !== null && scopes.includes(scope) : can(role, permission);
    return allowed ? true : router.createUrlTree(['/']);
  };
}
