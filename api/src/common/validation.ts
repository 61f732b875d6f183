import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { problem } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelist every body and query; unknown fields and wrong types answer 400 with per-field errors. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationProblem,
  });
}

export function validationProblem(errors: ValidationError[]): BadRequestException {
  const list = flatten(errors);
  return new BadRequestException(
    problem(400, list.map((e) => e.message).join('; ') || 'The request is not valid.', { errors: list }),
  );
}
