import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import { AppConfig } from '../config';

export const SESSION_COOKIE = 'peerpath.sid';

/**
 * Server-side sessions in PostgreSQL: the cookie holds only a signed id. Each request pushes the
 * idle expiry forward (rolling); the store refuses a session whose expiry has passed.
 */
export function sessionMiddleware(pool: Pool, config: AppConfig): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new PgStore({
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
