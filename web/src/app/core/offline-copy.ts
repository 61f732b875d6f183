import { SESSION_IDLE_MINUTES } from '@peerpath/contracts';

/**
 * The last answer of a screen a phone needs when it opens with no signal (who is signed in, the
 * caseload), under `peerpath.offline.{userId}.{name}` so sign-out and another person's sign-in
 * remove it with the rest of the device's data (`forgetDeviceData`). A copy is offered only within
 * the server's idle window since the server last answered: a session the server would have
 * ended for inactivity (HIPAA automatic logoff, 45 CFR 164.312(a)(2)(iii)) does not reopen
 * offline.
 */
const PREFIX = 'peerpath.offline.';
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;

export function keepOfflineCopy(userId: string, name: string, value: unknown): void {
  try {
    localStorage.setItem(`${PREFIX}${userId}.${name}`, JSON.stringify(value));
    confirmOnline(userId);
  } catch {
    // Storage full or disabled: the screen simply will not open offline.
  }
}

/** The server answered this staff member: the idle window restarts. */
export function confirmOnline(userId: string): void {
  try {
    localStorage.setItem(`${PREFIX}${userId}.confirmed`, String(Date.now()));
  } catch {
    // Nothing kept.
  }
}

export function offlineCopy<T>(userId: string, name: string): T | null {
  try {
    const confirmed = Number(localStorage.getItem(`${PREFIX}${userId}.confirmed`));
    if (!confirmed || Date.now() - confirmed > IDLE_MS) return null;
    return JSON.parse(localStorage.getItem(`${PREFIX}${userId}.${name}`) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** The staff member whose session this device last confirmed, if still within the idle window. */
export function offlineSessionCopy<T>(): T | null {
  const key = offlineKeys().find((k) => k.endsWith('.session'));
  return key ? offlineCopy<T>(key.slice(PREFIX.length, -'.session'.length), 'session') : null;
}

/** The session ended: nothing may reopen offline. */
export function forgetOfflineCopies(): void {
  try {
    for (const key of offlineKeys()) localStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

function offlineKeys(): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) =>
      k.startsWith(PREFIX),
    );
  } catch {
    return [];
  }
}
