import { ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { problem, problemType } from './problem';

/** A 409 carrying a problem type of its own, e.g. `…/stale-version` or `…/consent-required`. */
export class ConflictProblem extends ConflictException {
  constructor(slug: string, detail: string, extra: Record<string, unknown> = {}) {
    super({ ...problem(409, detail), type: problemType(slug), ...extra });
  }
}

export class StaleVersion extends ConflictProblem {
  constructor() {
    super('stale-version', 'This record was changed by someone else. Reload it and try again.');
  }
}

/** Out of scope and absent look the same to the caller: existence is never revealed. */
export class NotFound extends NotFoundException {
  constructor(
    what = 'record',
    /** The client the refused request was about, for the audit event of the refusal. */
    readonly clientId: string | null = null,
  ) {
    super(problem(404, `No such ${what}.`));
  }
}

export class TooManyRequests extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(problem(429, detail), HttpStatus.TOO_MANY_REQUESTS);
  }
}
