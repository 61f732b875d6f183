import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@peerpath/contracts';
import { requestNow, requestToday } from '../organizations/clinic-clock';

/** A date-only value (YYYY-MM-DD) that is a real calendar date: 2024-02-30 is refused. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date (YYYY-MM-DD)`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) && value >= '1900-01-01' },
    });
}

/** A calendar date (YYYY-MM-DD) that really exists, from 1900 up to the clinic's local today. */
export function IsPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date (YYYY-MM-DD) not in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) && value >= '1900-01-01' && value <= requestToday(),
      },
    });
}

/** An ISO 8601 instant no later than now (a few minutes of clock skew allowed). */
export function IsNotFutureInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotFutureInstant',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 time, not in the future`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return false;
          const at = Date.parse(value);
          return (
            !Number.isNaN(at) &&
            at <= requestNow().getTime() + 5 * 60_000 &&
            at >= Date.parse('2000-01-01T00:00:00Z')
          );
        },
      },
    });
}

/** A period bound: a real calendar date, or an ISO 8601 time on one, between 1900 and 9999. */
export function IsDateOrInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOrInstant',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date (YYYY-MM-DD) or an ISO 8601 time`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const match = DATE_OR_INSTANT.exec(value);
          return (
            !!match &&
            isCalendarDate(match[1]) &&
            match[1] >= '1900-01-01' &&
            !Number.isNaN(Date.parse(value))
          );
        },
      },
    });
}

const DATE_OR_INSTANT =
  /^(\d{4}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A search term, normalised once for every search: Unicode NFKC (full-width and compatibility forms
 * match their plain letters), control characters dropped, runs of space collapsed, trimmed.
 * NUL and broken surrogates never get here: the input hygiene middleware refuses them.
 */
export function SearchTerm(maxLength: number) {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? value
            .normalize('NFKC')
            .replace(/\p{Cc}/gu, ' ')
            .replace(/\s+/g, ' ')
            .trim()
        : value,
    ),
    IsString(),
    MaxLength(maxLength),
  );
}
