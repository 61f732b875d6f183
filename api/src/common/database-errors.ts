import { Problem } from '@peerpath/contracts';
import { problem, problemType } from './problem';

/**
 * PostgreSQL errors that are the request's fault, in one place (SQLSTATE codes, PostgreSQL
 * appendix A). The answer names no constraint, column or value: those would echo input.
 */
const BY_CODE: Record<string, [number, string]> = {
  '23505': [409, 'A record with these details already exists.'], // unique_violation (e.g. a racing create)
  '23503': [400, 'The request refers to a record that does not exist.'], // foreign_key_violation
  '22P02': [400, 'A value in the request has the wrong form.'], // invalid_text_representation
  '22007': [400, 'A date or time in the request is not valid.'], // invalid_datetime_format
  '22008': [400, 'A date or time in the request is out of range.'], // datetime_field_overflow
  '22001': [400, 'A value in the request is too long.'], // string_data_right_truncation
  '22003': [400, 'A number in the request is out of range.'], // numeric_value_out_of_range
  '22021': [400, 'The request contains text that is not valid UTF-8.'], // character_not_in_repertoire
};

/** The SQLSTATE of a pg error, directly or wrapped in TypeORM's QueryFailedError. */
export function sqlState(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function databaseProblem(error: unknown): Problem | null {
  const code = sqlState(error);
  const known = code ? BY_CODE[code] : undefined;
  if (!known) return null;
  const [status, detail] = known;
  return problem(status, detail, status === 409 ? { type: problemType('duplicate') } : {});
}
