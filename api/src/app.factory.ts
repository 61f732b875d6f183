import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { AppModule } from './app.module';
import { absoluteExpiry, sessionMiddleware } from './auth/session';
import { xsrfProtection } from './auth/csrf';
import { InputRefused, inputHygiene, refuseDeepJson } from './common/input-hygiene';
import { problem } from './common/problem';
import { httpStatusOf, sendProblem } from './common/problem.filter';
import { validationPipe } from './common/validation';
import { AppConfig } from './config';
import { DB_POOL } from './database/database.module';
import { mountApiDocs } from './docs';
import { hasWebBuild, staticWeb } from './web/static-web';

/** Builds the whole app (tests use exactly this); `webRoot` serves the built Angular app when present. */
export async function createApp(config: AppConfig, webRoot?: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // X-Forwarded-For counts only behind a proxy the operator names; otherwise the sign-in limit per address could be rotated.
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(xsrfProtection((req) => req.secure));
  app.use('/api', noStore);
  // Brotli or gzip for every text response the app writes (API JSON, CSV); static files come
  // precompressed and carry their Content-Encoding, which compression() leaves alone.
  app.use(compression({ threshold: 1024 }));
  if (hasWebBuild(webRoot)) app.use(staticWeb(webRoot));
  app.useBodyParser('json', {
    limit: '1mb',
    type: ['application/json', 'application/*+json'],
    verify: refuseDeepJson,
  });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use(bodyErrors);
  app.use(inputHygiene);
  app.use(sessionMiddleware(app.get<Pool>(DB_POOL), config));
  app.use(absoluteExpiry(config));
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(validationPipe());
  mountApiDocs(app);
  await app.init();
  return app;
}

/** API answers hold client records: no browser or proxy may keep them (no ETag either, above). */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Malformed JSON is a 400 and an oversized body a 413, as problem+json like every other error. */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (error instanceof InputRefused) return sendProblem(res, error.toProblem());
  const status = httpStatusOf(error);
  if (!status) return next(error);
  const detail =
    status === 413 ? 'The request body is larger than 1 MB.' : 'The request body is not valid JSON.';
  sendProblem(res, problem(status, detail));
}
