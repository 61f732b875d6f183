import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '@peerpath/contracts';

export const PERMISSION_KEY = 'peerpath:permission';
export const PUBLIC_KEY = 'peerpath:public';
export const PASSWORD_CHANGE_KEY = 'peerpath:password-change';

/** Opens a route to the roles the permission table grants `permission`; every other route stays shut. */
export function Allow(permission: Permission) {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Role may not use ${permission}` }),
  );
}

/** Opens a route to anyone, signed in or not (health, sign-in, docs). */
export function Public() {
  return SetMetadata(PUBLIC_KEY, true);
}

/** Open to every signed-in staff member whatever their role (their own session). */
export function SignedIn() {
  return SetMetadata(PERMISSION_KEY, 'signed-in');
}

/** Still open while the staff member must replace an administrator's password (who am I, change it). */
export function WhilePasswordChangeDue() {
  return SetMetadata(PASSWORD_CHANGE_KEY, true);
}
