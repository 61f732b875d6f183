import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type Need,
  type Page,
  type Resource,
  type ResourceRequest,
  type ResourceStatus,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getAll, getPage } from '../core/page';

export interface ResourceQuery {
  q?: string;
  need?: Need | null;
  status?: ResourceStatus | null;
  cursor?: string | null;
  limit?: number;
}

const resourceUrl = (id: string) => `${API.resources}/${encodeURIComponent(id)}`;

/** The clinic's resource directory: GET/POST /api/resources, GET/PATCH /api/resources/:id. */
@Injectable({ providedIn: 'root' })
export class ResourcesApi {
  private readonly http = inject(HttpClient);

  search(query: ResourceQuery = {}): Promise<Page<Resource>> {
    return getPage<Resource>(this.http, API.resources, { limit: 30, ...query });
  }

  /** The whole directory (a clinic's directory is short), e.g. for a filter list or names by id. */
  listAll(): Promise<Resource[]> {
    return getAll<Resource>(this.http, API.resources);
  }

  get(id: string): Promise<Resource> {
    return firstValueFrom(this.http.get<Resource>(resourceUrl(id)));
  }

  create(request: ResourceRequest): Promise<Resource> {
    return firstValueFrom(this.http.post<Resource>(API.resources, request));
  }

  update(id: string, request: Partial<ResourceRequest> & { version: number }): Promise<Resource> {
    return firstValueFrom(this.http.patch<Resource>(resourceUrl(id), request));
  }
}
