import type { Page } from '@peerpath/contracts';
import { HttpClient, HttpParams } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

export type QueryValues = Record<string, string | number | null | undefined>;

export function toParams(values: QueryValues): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}

export function getPage<T>(http: HttpClient, url: string, query: QueryValues): Promise<Page<T>> {
  return firstValueFrom(http.get<Page<T>>(url, { params: toParams(query) }));
}

/** Follows nextCursor until the end; for short reference lists such as programs. */
export async function getAll<T>(http: HttpClient, url: string, limit = 100, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: Page<T> = await getPage<T>(http, url, { limit, cursor });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Accepts both a bare record and one wrapped as `{ user: … }` / `{ program: … }`. */
export async function unwrap<T extends object>(response: Promise<T>, key: string): Promise<T> {
  const body = (await response) as T & Record<string, unknown>;
  const wrapped = body && !('id' in body) ? body[key] : undefined;
  return wrapped && typeof wrapped === 'object' ? (wrapped as T) : body;
}
