import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  type CreateUserRequest,
  type Page,
  type UpdateUserRequest,
  type User,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getAll, getPage, unwrap } from './page';

/** Staff accounts: GET/POST /api/users, GET/PATCH /api/users/:id. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null = null, limit = 100): Promise<Page<User>> {
    return getPage<User>(this.http, API.users, { limit, cursor });
  }

  listAll(): Promise<User[]> {
    return getAll<User>(this.http, API.users);
  }

  get(id: string): Promise<User> {
    return unwrap(firstValueFrom(this.http.get<User>(`${API.users}/${encodeURIComponent(id)}`)), 'user');
  }

  create(request: CreateUserRequest): Promise<User> {
    return unwrap(firstValueFrom(this.http.post<User>(API.users, request)), 'user');
  }

  update(id: string, request: UpdateUserRequest): Promise<User> {
    return unwrap(
      firstValueFrom(this.http.patch<User>(`${API.users}/${encodeURIComponent(id)}`, request)),
      'user',
    );
  }
}
