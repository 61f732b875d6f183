import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API, type Contact, type CreateContactRequest, type UpdateContactRequest } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

const contactUrl = (id: string, rest = '') => `${API.contacts}/${encodeURIComponent(id)}${rest}`;

/** Contacts: log, edit a draft, sign, add an addendum. */
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);

  /** A repeat with the same Idempotency-Key returns the first answer and creates nothing new. */
  create(clientId: string, request: CreateContactRequest, idempotencyKey: string): Promise<Contact> {
    return firstValueFrom(
      this.http.post<Contact>(`${API.clients}/${encodeURIComponent(clientId)}/contacts`, request, {
        headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
      }),
    );
  }

  get(id: string): Promise<Contact> {
    return firstValueFrom(this.http.get<Contact>(contactUrl(id)));
  }

  update(id: string, request: UpdateContactRequest): Promise<Contact> {
    return firstValueFrom(this.http.patch<Contact>(contactUrl(id), request));
  }

  sign(contact: Contact): Promise<Contact> {
    return firstValueFrom(
      this.http.post<Contact>(contactUrl(contact.id, '/sign'), { version: contact.version }),
    );
  }

  addAddendum(id: string, text: string): Promise<Contact> {
    return firstValueFrom(this.http.post<Contact>(contactUrl(id, '/addenda'), { text }));
  }
}
