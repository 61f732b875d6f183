import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadRequestException } from '@nestjs/common';
import { isCalendarDate, Page } from '@peerpath/contracts';
import { isCleanText } from './input-hygiene';
import { isUuid } from './uuid-param';
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

/** What our time cursors carry: a date, or an ISO 8601 time with or without zone, from 1900 on. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isCursorInstant(at: string): boolean {
  const match = INSTANT.exec(at);
  return !!match && isCalendarDate(match[1]) && match[1] >= '1900-01-01' && !Number.isNaN(Date.parse(at));
}

/**
 * `kind` says what the sort value is: an instant (checked as one) or free text such as a name key.
 * Only a shape every query can bind without a database error passes: `[sort value, uuid]`.
 */
export function decodeCursor(cursor?: string, kind: 'time' | 'text' = 'time'): Keyset | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      const [at, id] = parsed as [string, string];
      const atOk = kind === 'text' ? at.length <= 1000 && isCleanText(at) : isCursorInstant(at);
      if (isUuid(id) && atOk) return { at, id };
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
