import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { readProblem, throttledMessage } from './problem';

function httpError(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers) });
}

describe('readProblem', () => {
  it('shows the problem detail and maps field errors by field', () => {
    const view = readProblem(
      httpError(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Some fields need attention.',
        errors: [
          { field: 'email', message: 'Email is already in use.' },
          { field: 'programIds.0', message: 'Unknown program.' },
        ],
      }),
    );
    expect(view.message).toBe('Some fields need attention.');
    expect(view.fieldErrors).toEqual({ email: 'Email is already in use.', programIds: 'Unknown program.' });
  });

  it('tells the user how long to wait on 429 from Retry-After', () => {
    const view = readProblem(
      httpError(429, { status: 429, detail: 'Too many requests' }, { 'Retry-After': '42' }),
    );
    expect(view.status).toBe(429);
    expect(view.message).toContain('42 seconds');
  });

  it('handles Retry-After as an HTTP date and as minutes', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(throttledMessage('Thu, 01 Jan 2026 00:05:00 GMT', now)).toContain('5 minutes');
    expect(throttledMessage(null)).toContain('wait a moment');
  });

  it('explains a network failure', () => {
    expect(readProblem(httpError(0, null)).message).toContain('cannot be reached');
  });

  it('reads the service worker’s empty 504 for a failed fetch as no connection, so the outbox keeps the item', () => {
    const problem = readProblem(httpError(504, null));
    expect(problem.status).toBe(0);
    expect(problem.message).toContain('cannot be reached');
    // A gateway that answers with a problem is the server speaking, not a lost link.
    const gateway = readProblem(
      httpError(504, { type: 'about:blank', title: 'Gateway Timeout', status: 504, detail: 'Try again.' }),
    );
    expect(gateway.status).toBe(504);
  });
});
