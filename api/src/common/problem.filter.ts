import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Problem } from '@peerpath/contracts';
import type { Response } from 'express';
import { TooManyRequests } from './errors';
import { problem } from './problem';

/** Every error leaves as application/problem+json; unexpected ones say nothing about their cause. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error);
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
    const status = httpStatusOf(error);
    if (status) return problem(status, status === 413 ? 'The request body is larger than 1 MB.' : undefined);
    this.logger.error(error instanceof Error ? error.stack : String(error));
    if (process.env['DEBUG_ERRORS']) console.error(error);
    return problem(500, 'Something went wrong on our side. The error was logged.');
  }
}

/** Errors from body parsing carry a numeric status (400 malformed JSON, 413 too large). */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
