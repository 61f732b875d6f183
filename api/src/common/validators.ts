import { registerDecorator, ValidationOptions } from 'class-validator';
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
