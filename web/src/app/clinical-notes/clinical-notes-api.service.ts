import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ClinicalNote, ClinicalNoteType, CreateClinicalNoteRequest } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

const noteUrl = (id: string, rest = '') => `/api/clinical-notes/${encodeURIComponent(id)}${rest}`;

/** Clinical notes: list and write per client, edit an unsigned note, sign, add addenda. */
@Injectable({ providedIn: 'root' })
export class ClinicalNotesApi {
  private readonly http = inject(HttpClient);

  list(clientId: string): Promise<ClinicalNote[]> {
    return firstValueFrom(
      this.http.get<ClinicalNote[]>(`/api/clients/${encodeURIComponent(clientId)}/clinical-notes`),
    );
  }

  create(clientId: string, request: CreateClinicalNoteRequest): Promise<ClinicalNote> {
    return firstValueFrom(
      this.http.post<ClinicalNote>(`/api/clients/${encodeURIComponent(clientId)}/clinical-notes`, request),
    );
  }

  update(note: ClinicalNote, changes: { noteType?: ClinicalNoteType; body?: string }): Promise<ClinicalNote> {
    return firstValueFrom(
      this.http.patch<ClinicalNote>(noteUrl(note.id), { version: note.version, ...changes }),
    );
  }

  sign(note: ClinicalNote): Promise<ClinicalNote> {
    return firstValueFrom(this.http.post<ClinicalNote>(noteUrl(note.id, '/sign'), { version: note.version }));
  }

  addAddendum(id: string, text: string): Promise<ClinicalNote> {
    return firstValueFrom(this.http.post<ClinicalNote>(noteUrl(id, '/addenda'), { text }));
  }
}
