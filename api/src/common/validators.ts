import { registerDecorator, ValidationOptions } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) that really exists, from 1900 up to today. */
export function IsPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date (YYYY-MM-DD) not in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          ISO_DATE.test(value) &&
          new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) === value &&
          value >= '1900-01-01' &&
          value <= todayUtc(),
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
            !Number.isNaN(at) && at <= Date.now() + 5 * 60_000 && at >= Date.parse('2000-01-01T00:00:00Z')
          );
        },
      },
    });
}
