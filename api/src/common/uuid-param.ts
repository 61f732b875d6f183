import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { problem } from './problem';

/** Ids are UUIDs; anything else is a 400 naming the parameter, never a database error. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException(
      problem(400, 'id must be a UUID', { errors: [{ field: 'id', message: 'id must be a UUID' }] }),
    ),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shape PostgreSQL's uuid type accepts from us: anything looser fails inside a query. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
