import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Problem } from '@peerpath/contracts';
import type { Response } from 'express';
import { databaseProblem } from './database-errors';
import { TooManyRequests } from './errors';
import { DatabaseUnavailable, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database/unavailable';
import { problem } from './problem';

/** Every error leaves as application/problem+json; unexpected ones say nothing about their cause. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(isDatabaseUnavailable(error) ? new DatabaseUnavailable() : error);
    if (body.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (error instanceof TooManyRequests) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    sendProblem(res, body);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response && 'type' in response) return response as Problem;
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return problem(status, typeof message === 'string' ? message : undefined);
    }
    if (isStatementTimeout(error))
      return problem(503, 'This took too long and was stopped. Please try again in a moment.');
    const fromDatabase = databaseProblem(error);
    if (fromDatabase) return fromDatabase;
    const status = httpStatusOf(error);
    if (status) return problem(status, status === 413 ? 'The request body is larger than 1 MB.' : undefined);
    this.logger.error(describeWithoutInput(error));
    if (process.env['DEBUG_ERRORS']) console.error(error);
    return problem(500, 'Something went wrong on our side. The error was logged.');
  }
}

/** PostgreSQL's query_canceled: the statement timeout, or a client that went away. */
function isStatementTimeout(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: unknown }; code?: unknown } | null) ?? {};
  return (driver.driverError?.code ?? driver.code) === '57014';
}

/** Errors from body parsing carry a numeric status (400 malformed JSON, 413 too large). */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * What an unexpected error logs: its class, a database error code, and where it was thrown. Never
 * its message — PostgreSQL and the validators put the offending input there.
 */
export function describeWithoutInput(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return `${error.constructor.name}${typeof code === 'string' ? ` code=${code}` : ''}\n${frames}`;
}
