import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problem } from '../common/problem';
import { sendProblem } from '../common/problem.filter';

export const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RECIPIENT_ANSWER = /^\/api\/recipient\/[^/]+\/answer$/;

export function issueXsrfToken(res: Response, secure: boolean): string {
  const token = randomBytes(32).toString('base64url');
  res.cookie(XSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
  return token;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit protection in Angular's convention: the server sets a script-readable XSRF-TOKEN
 * cookie, and every state-changing request must echo it in X-XSRF-TOKEN.
 */
export function xsrfProtection(cookieSecure: (req: Request) => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = parse(req.headers.cookie ?? '')[XSRF_COOKIE];
    if (!token) issueXsrfToken(res, cookieSecure(req));
    if (SAFE_METHODS.has(req.method)) return next();
    // A recipient answers with no session and no cookie: their link's token is the credential.
    if (req.method === 'POST' && RECIPIENT_ANSWER.test(req.path)) return next();
    const header = req.get(XSRF_HEADER);
    if (token && header && same(token, header)) return next();
    sendProblem(res, problem(403, 'Missing or wrong X-XSRF-TOKEN header. Reload the page and try again.'));
  };
}
