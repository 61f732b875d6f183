import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API, type CreateProgramRequest, type Page, type Program } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getAll, getPage, unwrap } from './page';

/** Programs of the clinic: GET/POST /api/programs. */
@Injectable({ providedIn: 'root' })
export class ProgramsApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null = null, limit = 100): Promise<Page<Program>> {
    return getPage<Program>(this.http, API.programs, { limit, cursor });
  }

  listAll(): Promise<Program[]> {
    return getAll<Program>(this.http, API.programs);
  }

  create(request: CreateProgramRequest): Promise<Program> {
    return unwrap(firstValueFrom(this.http.post<Program>(API.programs, request)), 'program');
  }
}
