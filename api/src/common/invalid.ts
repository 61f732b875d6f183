import { BadRequestException } from '@nestjs/common';
import { problem } from './problem';

/** A 400 about one field, in the same shape the validation pipe gives. */
export function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException(problem(400, message, { errors: [{ field, message }] }));
}
