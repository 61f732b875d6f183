import { HttpStatus } from '@nestjs/common';
import { Problem } from '@peerpath/contracts';

const TYPE_BASE = 'https://peerpath.example/problems/';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

export function problemType(slug: string): string {
  return TYPE_BASE + slug;
}

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: problemType(SLUGS[status] ?? 'error'),
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}
