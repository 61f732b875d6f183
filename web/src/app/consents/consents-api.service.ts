import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type Consent,
  type CreateConsentRequest,
  type CreateDisclosureRequest,
  type Disclosure,
  type RevokeConsentRequest,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

const clientUrl = (clientId: string, rest: string) => `${API.clients}/${encodeURIComponent(clientId)}${rest}`;

/** 42 CFR Part 2 consents and the accounting of disclosures. */
@Injectable({ providedIn: 'root' })
export class ConsentsApi {
  private readonly http = inject(HttpClient);

  list(clientId: string): Promise<Consent[]> {
    return firstValueFrom(this.http.get<Consent[]>(clientUrl(clientId, '/consents')));
  }

  create(clientId: string, request: CreateConsentRequest): Promise<Consent> {
    return firstValueFrom(this.http.post<Consent>(clientUrl(clientId, '/consents'), request));
  }

  revoke(id: string, request: RevokeConsentRequest): Promise<Consent> {
    return firstValueFrom(
      this.http.post<Consent>(`${API.consents}/${encodeURIComponent(id)}/revoke`, request),
    );
  }

  /** A disclosure made outside a referral (phone, fax, paper); the server checks consent (409). */
  recordDisclosure(clientId: string, request: CreateDisclosureRequest): Promise<Disclosure> {
    return firstValueFrom(this.http.post<Disclosure>(clientUrl(clientId, '/disclosures'), request));
  }

  disclosures(clientId: string): Promise<Disclosure[]> {
    return firstValueFrom(this.http.get<Disclosure[]>(clientUrl(clientId, '/disclosures')));
  }
}
