import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { can, type EmergencyAccessGrant, type Permission, type Role } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

export const MIN_EMERGENCY_REASON = 10;

/**
 * Break the glass: the caller's live emergency-access grants (GET /api/emergency-access/mine) and
 * the request itself. A client opened this way is read-only; screens ask `allows(role, permission, clientId)`.
 */
@Injectable({ providedIn: 'root' })
export class EmergencyAccess {
  private readonly http = inject(HttpClient);
  private readonly grants = signal<EmergencyAccessGrant[]>([]);

  readonly live = this.grants.asReadonly();

  /** POST /api/clients/:id/emergency-access {password, reason}; the grant lasts 60 minutes. */
  async request(clientId: string, password: string, reason: string): Promise<EmergencyAccessGrant> {
    const grant = await firstValueFrom(
      this.http.post<EmergencyAccessGrant>(`/api/clients/${encodeURIComponent(clientId)}/emergency-access`, {
        password,
        reason: reason.trim(),
      }),
    );
    this.grants.update((grants) => [grant, ...grants.filter((g) => g.id !== grant.id)]);
    return grant;
  }

  async refresh(): Promise<void> {
    this.grants.set(
      await firstValueFrom(this.http.get<EmergencyAccessGrant[]>('/api/emergency-access/mine')),
    );
  }

  /**
   * The grant that opened this client to the caller, if any. An expired one still counts until the
   * next refresh, so the page stays read-only after the time is up.
   */
  grantFor(clientId: string): EmergencyAccessGrant | null {
    return this.grants().find((g) => g.clientId === clientId) ?? null;
  }

  /** Whether a role's permission applies to this client: emergency access opens it for reading only. */
  allows(role: Role | undefined, permission: Permission, clientId: string): boolean {
    if (this.grantFor(clientId) && !permission.endsWith(':read')) return false;
    return can(role, permission);
  }
}
