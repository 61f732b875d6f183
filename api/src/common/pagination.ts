import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadRequestException } from '@nestjs/common';
import { Page } from '@peerpath/contracts';
import { problem } from './problem';

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

/** A keyset position: the sort value and id of the last row a page returned. */
export interface Keyset {
  at: string;
  id: string;
}

/** `kind` says what the sort value is: an instant (checked as one) or free text such as a name key. */
export function decodeCursor(cursor?: string, kind: 'time' | 'text' = 'time'): Keyset | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const [at, id] = parsed as [string, string];
      if (/^[0-9a-f-]{36}$/i.test(id) && (kind === 'text' || !Number.isNaN(Date.parse(at))))
        return { at, id };
    }
  } catch {
    // fall through: an unreadable cursor is the caller's mistake
  }
  throw new BadRequestException(
    problem(400, 'The cursor is not valid.', {
      errors: [{ field: 'cursor', message: 'cursor is not valid' }],
    }),
  );
}

export function encodeCursor(at: Date | string, id: string): string {
  const iso = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify([iso, id])).toString('base64url');
}

/** Turns `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => Keyset,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(map),
    nextCursor: more && last ? encodeCursor(keyOf(last).at, keyOf(last).id) : null,
  };
}

export const DEFAULT_LIMIT = 50;
