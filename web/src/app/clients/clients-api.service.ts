import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type AssignmentEntry,
  type CaseloadEntry,
  type Client,
  type ClientStatus,
  type CreateClientRequest,
  type Page,
  type TimelineEntry,
  type UpdateClientRequest,
  type User,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getPage, toParams } from '../core/page';

export interface ClientQuery {
  q?: string;
  status?: ClientStatus;
  cursor?: string | null;
  limit?: number;
}

const clientUrl = (id: string, rest = '') => `${API.clients}/${encodeURIComponent(id)}${rest}`;

/** Clients, caseloads and assignment: the /api/clients, /api/caseload and /api/caseload-transfers calls. */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);

  caseload(peerId?: string): Promise<Page<CaseloadEntry>> {
    return firstValueFrom(this.http.get<Page<CaseloadEntry>>(API.caseload, { params: toParams({ peerId }) }));
  }

  list(query: ClientQuery = {}): Promise<Page<Client>> {
    return getPage<Client>(this.http, API.clients, { limit: 50, ...query });
  }

  get(id: string): Promise<Client> {
    return firstValueFrom(this.http.get<Client>(clientUrl(id)));
  }

  create(request: CreateClientRequest): Promise<Client> {
    return firstValueFrom(this.http.post<Client>(API.clients, request));
  }

  update(id: string, request: UpdateClientRequest): Promise<Client> {
    return firstValueFrom(this.http.patch<Client>(clientUrl(id), request));
  }

  discharge(client: Client, reason: string): Promise<Client> {
    return firstValueFrom(
      this.http.post<Client>(clientUrl(client.id, '/discharge'), { version: client.version, reason }),
    );
  }

  readmit(client: Client, reason?: string): Promise<Client> {
    const body = { version: client.version, ...(reason ? { reason } : {}) };
    return firstValueFrom(this.http.post<Client>(clientUrl(client.id, '/readmit'), body));
  }

  assignPeer(clientId: string, peerId: string, reason?: string): Promise<Client> {
    const body = { peerId, ...(reason ? { reason } : {}) };
    return firstValueFrom(this.http.put<Client>(clientUrl(clientId, '/primary-peer'), body));
  }

  transfer(clientIds: string[], peerId: string, reason?: string): Promise<{ items: Client[] }> {
    const body = { clientIds, peerId, ...(reason ? { reason } : {}) };
    return firstValueFrom(this.http.post<{ items: Client[] }>(API.caseloadTransfers, body));
  }

  assignments(id: string): Promise<AssignmentEntry[]> {
    return firstValueFrom(this.http.get<AssignmentEntry[]>(clientUrl(id, '/assignments')));
  }

  timeline(id: string, cursor: string | null = null, limit = 20): Promise<Page<TimelineEntry>> {
    return getPage<TimelineEntry>(this.http, clientUrl(id, '/timeline'), { limit, cursor });
  }

  /** Active peer specialists a manager may assign (GET /api/users?role=peer). */
  async peers(programId?: string): Promise<User[]> {
    const page = await getPage<User>(this.http, API.users, { role: 'peer', limit: 100 });
    return page.items.filter((u) => u.active && (!programId || u.programIds.includes(programId)));
  }
}
