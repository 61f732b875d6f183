import { computed, signal } from '@angular/core';
import type { Role, SessionUser } from '@peerpath/contracts';

export function sessionUser(role: Role, overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `00000000-0000-4000-8000-00000000000${role.length}`,
    email: `${role}@demo.test`,
    name: `Demo ${role}`,
    role,
    organizationId: '10000000-0000-4000-8000-000000000001',
    organizationName: 'Demo Recovery Clinic',
    timeZone: 'America/New_York',
    programIds: ['20000000-0000-4000-8000-000000000001'],
    ...overrides,
  };
}

/** Stands in for AuthService where a test only needs the signed-in user. */
export function fakeAuth(user: SessionUser | null) {
  const current = signal<SessionUser | null>(user);
  return {
    user: current.asReadonly(),
    signedIn: computed(() => current() !== null),
    ready: () => Promise.resolve(),
    logout: jest.fn(() => Promise.resolve()),
    clear: jest.fn(() => current.set(null)),
    set: (next: SessionUser | null) => current.set(next),
  };
}

/** Lets pending promise continuations (and the requests they start) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Visible text as a screen reader would announce it (aria-hidden parts such as icons left out). */
export function accessibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (element.getAttribute('aria-label') ?? copy.textContent ?? '').trim();
}
