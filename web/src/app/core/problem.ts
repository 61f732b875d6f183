import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@peerpath/contracts';

/** What the screen shows for a failed request: one message plus messages per form field. */
export interface ProblemView {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
}

const GENERIC = 'Something went wrong. Please try again.';

export const STALE_RECORD_MESSAGE = 'Someone else changed this record; reload to see their changes.';

/**
 * No answer at all: the device has no link, as opposed to the server saying no. Without a worker
 * that is status 0; Angular's service worker answers a failed network fetch with an empty 504.
 */
export function isNoConnection(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status === 0 || (error.status === 504 && (error.error === null || error.error === ''));
}

/** Status 0 means no connection, whether the browser or Angular's service worker reported it. */
export function readProblem(error: unknown, fallback = GENERIC): ProblemView {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, message: fallback, fieldErrors: {} };
  }
  if (isNoConnection(error)) {
    return {
      status: 0,
      message: 'PeerPath cannot be reached. Check your connection and try again.',
      fieldErrors: {},
    };
  }
  const problem = asProblem(error.error);
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of problem?.errors ?? []) {
    const key = field.split(/[.[]/)[0] || field;
    fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${message}` : message;
  }
  if (error.status === 429) {
    return { status: 429, message: throttledMessage(error.headers.get('Retry-After')), fieldErrors };
  }
  const message = problem?.detail || problem?.title || statusMessage(error.status) || fallback;
  return { status: error.status, message, fieldErrors };
}

export function throttledMessage(retryAfter: string | null, now = Date.now()): string {
  const seconds = retryAfterSeconds(retryAfter, now);
  if (seconds === null) {
    return 'Too many attempts. Please wait a moment and try again.';
  }
  return `Too many attempts. Please wait ${describeWait(seconds)} and try again.`;
}

function retryAfterSeconds(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - now) / 1000));
}

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

function statusMessage(status: number): string | null {
  switch (status) {
    case 401:
      return 'Please sign in.';
    case 403:
      return 'You do not have permission to do that.';
    case 404:
      return 'That record was not found.';
    case 409:
      return STALE_RECORD_MESSAGE;
    case 413:
      return 'That is too much text to save at once.';
    default:
      return status >= 500 ? 'PeerPath had a problem. Please try again in a moment.' : null;
  }
}

function asProblem(body: unknown): Problem | null {
  if (!body || typeof body !== 'object') {
    if (typeof body === 'string') {
      try {
        return asProblem(JSON.parse(body));
      } catch {
        return null;
      }
    }
    return null;
  }
  return body as Problem;
}

/** The last part of a problem's type, e.g. `possible-duplicate`, `stale-version` or `signed`. */
export function problemSlug(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const type = asProblem(error.error)?.type;
  return typeof type === 'string' ? (type.split('/').pop() ?? null) : null;
}

/** An extra member of the problem body, such as `duplicateClientId`. */
export function problemField(error: unknown, field: string): unknown {
  if (!(error instanceof HttpErrorResponse)) return undefined;
  const body = asProblem(error.error) as Record<string, unknown> | null;
  return body?.[field];
}
