import { HttpClient, HttpErrorResponse, HttpXsrfTokenExtractor } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  API,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type SessionResponse,
  type SessionUser,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { setClinicTimeZone } from './clinic-clock';
import { forgetOfflineCopies, keepOfflineCopy, offlineSessionCopy } from './offline-copy';
import { isNoConnection } from './problem';

/** The signed-in staff member, kept in memory only; the session itself is an httpOnly cookie. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly xsrf = inject(HttpXsrfTokenExtractor);
  private readonly current = signal<SessionUser | null>(null);
  private loading: Promise<void> | null = null;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);

  /** Loads the session once (GET /api/auth/session); later calls share the same answer. */
  ready(): Promise<void> {
    this.loading ??= this.refresh();
    return this.loading;
  }

  async refresh(): Promise<void> {
    try {
      const { user } = await firstValueFrom(this.http.get<SessionResponse>(API.session));
      if (!user) forgetOfflineCopies();
      this.signedInAs(user);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      // No signal: the phone reopens as the person it last confirmed, within the idle window.
      this.signedInAs(isNoConnection(error) ? offlineSessionCopy<SessionUser>() : null, false);
    }
  }

  async login(request: LoginRequest): Promise<SessionUser> {
    await this.ensureXsrfCookie();
    const { user } = await firstValueFrom(this.http.post<LoginResponse>(API.login, request));
    forgetDeviceData(user.id);
    this.signedInAs(user);
    this.loading = Promise.resolve();
    return user;
  }

  /** POST /api/auth/change-password: the staff member replaces a password an administrator chose. */
  async changePassword(request: ChangePasswordRequest): Promise<SessionUser> {
    const { user } = await firstValueFrom(this.http.post<LoginResponse>(API.changePassword, request));
    this.signedInAs(user);
    return user;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(API.logout, null));
    } finally {
      this.clear();
      forgetDeviceData();
    }
  }

  /** Forgets the user locally, e.g. when the server says the session expired. */
  clear(): void {
    this.current.set(null);
    this.loading = Promise.resolve();
    forgetOfflineCopies();
  }

  private signedInAs(user: SessionUser | null, confirmedByServer = true): void {
    this.current.set(user);
    if (!user) return;
    setClinicTimeZone(user.timeZone);
    if (confirmedByServer) keepOfflineCopy(user.id, 'session', user);
  }

  /** The server sets XSRF-TOKEN on any response; fetch one first if the cookie is missing. */
  private async ensureXsrfCookie(): Promise<void> {
    if (this.xsrf.getToken() !== null) return;
    await firstValueFrom(this.http.get(API.session));
  }
}

/**
 * Client information kept on the device (unsent contacts) lives under `peerpath.` keys. Signing out
 * removes all of it, and signing in removes other staff members' — a shared phone keeps nothing
 * for the next person. An expired session keeps it, so the same person can sign in and send it.
 */
export function forgetDeviceData(keepUserId?: string): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    for (const key of keys) {
      if (key.startsWith('peerpath.') && !(keepUserId && key.includes(`.${keepUserId}.`)))
        localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
}
