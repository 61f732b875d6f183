import { HttpException } from '@nestjs/common';
import { problem } from '../common/problem';

/** How long a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// Connection refused/reset/closed, server shutting down or starting, too many connections, and
// pg-pool's acquisition timeout: the database is away, not the request wrong.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'the database system is',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | null,
      depth = 0;
    e && depth < 4;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300')
      return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (MESSAGES.some((m) => message.includes(m))) return true;
    e = (e.driverError ?? e.cause ?? null) as typeof e;
  }
  return false;
}

/** 503 problem+json; the problem filter adds Retry-After to every 503. */
export class DatabaseUnavailable extends HttpException {
  constructor(
    detail = 'The database is not reachable just now. Please try again shortly.',
    extra: object = {},
  ) {
    super({ ...problem(503, detail), ...extra }, 503);
  }
}
