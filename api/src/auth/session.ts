import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import type { Problem } from '@peerpath/contracts';
import { sendProblem } from '../common/problem.filter';
import { AppConfig } from '../config';
import { DatabaseUnavailable, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database/unavailable';

export const SESSION_COOKIE = 'peerpath.sid';

/** How far the stored idle expiry may lag behind the rolling one before a request writes it. */
export const SESSION_TOUCH_MS = 60_000;

/**
 * Server-side sessions in PostgreSQL: the cookie holds only a signed id. Each request pushes the
 * idle expiry forward (rolling), written to the store at most once a minute per session and
 * process, not on every request; the store refuses a session whose expiry has passed.
 */
export function sessionMiddleware(pool: Pool, config: AppConfig): RequestHandler {
  const PgStore = connectPgSimple(session);
  class ThrottledStore extends PgStore {
    private readonly touched = new Map<string, number>();
    override touch(sid: string, sess: session.SessionData, done?: (err?: unknown) => void): void {
      const now = Date.now();
      const last = this.touched.get(sid);
      if (last !== undefined && now - last < SESSION_TOUCH_MS) return done?.();
      if (this.touched.size > 50_000) {
        for (const [id, at] of this.touched) if (now - at >= SESSION_TOUCH_MS) this.touched.delete(id);
      }
      this.touched.set(sid, now);
      super.touch(sid, sess, done);
    }
  }
  const inner = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new ThrottledStore({
      pool,
      tableName: 'user_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
    }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      maxAge: config.sessionIdleMinutes * 60 * 1000,
    },
  });
  // The store failing must not fall through to the router (a 404 reads as "gone"): when the
  // database is away the request ends here as 503 problem+json.
  return (req, res, next) =>
    inner(req, res, (error?: unknown) => {
      if (!error) return next();
      if (!res.headersSent && isDatabaseUnavailable(error)) {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return sendProblem(res, new DatabaseUnavailable().getResponse() as Problem);
      }
      next(error);
    });
}

/** A session older than the absolute limit ends however active it has been. */
export function absoluteExpiry(config: AppConfig): RequestHandler {
  const limitMs = config.sessionAbsoluteHours * 60 * 60 * 1000;
  return (req: Request, _res: Response, next: NextFunction) => {
    const staff = req.session?.staff;
    if (!staff || Date.now() - staff.signedInAt <= limitMs) return next();
    req.session.destroy(() => next());
  };
}
