import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CloseHandoffRequest,
  ConvertHandoffRequest,
  CreateHandoffRequest,
  Handoff,
  HandoffAttemptRequest,
  HandoffStatus,
  HandoffTimes,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { toParams } from '../core/page';

export const HANDOFFS_URL = '/api/handoffs';

/** `open` = new or claimed (the queue's default); `all` = every status. */
export type HandoffFilter = HandoffStatus | 'open' | 'all';

export interface HandoffQuery {
  programId?: string;
  status?: HandoffFilter;
}

/** Warm handoffs coming in: /api/handoffs and the program's first-contact target. */
@Injectable({ providedIn: 'root' })
export class HandoffsApi {
  private readonly http = inject(HttpClient);

  async list(query: HandoffQuery = {}): Promise<Handoff[]> {
    const params = toParams({ programId: query.programId, status: query.status });
    return (await firstValueFrom(this.http.get<{ items: Handoff[] }>(HANDOFFS_URL, { params }))).items;
  }

  get(id: string): Promise<Handoff> {
    return firstValueFrom(this.http.get<Handoff>(`${HANDOFFS_URL}/${id}`));
  }

  create(request: CreateHandoffRequest): Promise<Handoff> {
    return firstValueFrom(this.http.post<Handoff>(HANDOFFS_URL, request));
  }

  claim(id: string): Promise<Handoff> {
    return firstValueFrom(this.http.post<Handoff>(`${HANDOFFS_URL}/${id}/claim`, {}));
  }

  attempt(id: string, request: HandoffAttemptRequest): Promise<Handoff> {
    return firstValueFrom(this.http.post<Handoff>(`${HANDOFFS_URL}/${id}/attempts`, request));
  }

  convert(id: string, request: ConvertHandoffRequest): Promise<{ clientId: string }> {
    return firstValueFrom(this.http.post<{ clientId: string }>(`${HANDOFFS_URL}/${id}/convert`, request));
  }

  close(id: string, request: CloseHandoffRequest): Promise<Handoff> {
    return firstValueFrom(this.http.post<Handoff>(`${HANDOFFS_URL}/${id}/close`, request));
  }

  times(programId?: string): Promise<HandoffTimes> {
    const params = toParams({ programId });
    return firstValueFrom(this.http.get<HandoffTimes>(`${HANDOFFS_URL}/times`, { params }));
  }

  setTarget(programId: string, hours: number): Promise<{ programId: string; hours: number }> {
    return firstValueFrom(
      this.http.put<{ programId: string; hours: number }>(`/api/programs/${programId}/handoff-target`, {
        hours,
      }),
    );
  }
}
