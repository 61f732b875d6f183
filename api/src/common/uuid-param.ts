import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { problem } from './problem';

/** Ids are UUIDs; anything else is a 400 naming the parameter, never a database error. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException(
      problem(400, 'id must be a UUID', { errors: [{ field: 'id', message: 'id must be a UUID' }] }),
    ),
});
