import type { NextFunction, Request, Response } from 'express';
import { problem } from './problem';
import { sendProblem } from './problem.filter';

/** Deeper JSON than this is refused before it is parsed: no DTO of ours nests past a few levels. */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype, refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A 400 raised while reading input; carries the field it is about, never the value. */
export class InputRefused extends Error {
  readonly status = 400;
  constructor(
    readonly detail: string,
    readonly field: string,
  ) {
    super(detail);
  }
  toProblem() {
    return problem(400, this.detail, { errors: [{ field: this.field, message: this.detail }] });
  }
}

/**
 * body-parser `verify` hook: counts `{`/`[` nesting outside strings in one pass over the raw bytes,
 * so a 5,000-deep body is refused before JSON.parse or the validator recurse into it.
 */
export function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new InputRefused(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, 'body');
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/** No NUL (PostgreSQL text cannot hold it) and no unpaired UTF-16 surrogate (not valid Unicode). */
export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(field: string): InputRefused {
  return new InputRefused(`${field} must not contain NUL characters or unpaired surrogates.`, field);
}

/** Walks a parsed body or query without recursion; throws on the first unclean string or key. */
export function checkValue(root: unknown, rootLabel: 'body' | 'query'): void {
  const stack: { value: unknown; field: string }[] = [{ value: root, field: '' }];
  while (stack.length) {
    const { value, field: path } = stack.pop() as { value: unknown; field: string };
    const field = path || rootLabel;
    if (typeof value === 'string') {
      if (!isCleanText(value)) throw badText(field);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, field: `${field}[${i}]` }));
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (!isCleanText(key))
          throw new InputRefused(`${field} has a field name that is not valid text.`, field);
        const child = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) throw new InputRefused(`${child} is not an allowed field.`, child);
        stack.push({ value: (value as Record<string, unknown>)[key], field: child });
      }
    }
  }
}

/** Every path segment must decode to clean text; the segment's position names it. */
export function checkPath(path: string): void {
  path.split('/').forEach((segment, i) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new InputRefused('The path is not valid URL encoding.', `path segment ${i}`);
    }
    if (!isCleanText(decoded)) throw badText(`path segment ${i}`);
  });
}

/**
 * Input hygiene in one place, after body parsing and before any route, guard or validation pipe:
 * refuses NUL, unpaired surrogates and prototype keys in the path, the query and the body.
 */
export function inputHygiene(req: Request, res: Response, next: NextFunction): void {
  try {
    checkPath(req.path);
    checkValue(req.query, 'query');
    if (req.body !== undefined) checkValue(req.body, 'body');
  } catch (error) {
    if (error instanceof InputRefused) return sendProblem(res, error.toProblem());
    return next(error);
  }
  next();
}
