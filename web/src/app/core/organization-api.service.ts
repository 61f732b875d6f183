import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ORGANIZATION_API,
  type OrganizationSettings,
  type UpdateOrganizationRequest,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

/** The caller's own clinic: GET/PATCH /api/organization. */
@Injectable({ providedIn: 'root' })
export class OrganizationApi {
  private readonly http = inject(HttpClient);

  get(): Promise<OrganizationSettings> {
    return firstValueFrom(this.http.get<OrganizationSettings>(ORGANIZATION_API));
  }

  update(request: UpdateOrganizationRequest): Promise<OrganizationSettings> {
    return firstValueFrom(this.http.patch<OrganizationSettings>(ORGANIZATION_API, request));
  }
}
