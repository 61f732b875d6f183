import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { AppModule } from './app.module';
import { absoluteExpiry, sessionMiddleware } from './auth/session';
import { xsrfProtection } from './auth/csrf';
import { problem } from './common/problem';
import { httpStatusOf, sendProblem } from './common/problem.filter';
import { validationPipe } from './common/validation';
import { AppConfig } from './config';
import { DB_POOL } from './database/database.module';
import { mountApiDocs } from './docs';

/** Builds the whole app (tests use exactly this); `webRoot` serves the built Angular app when present. */
export async function createApp(config: AppConfig, webRoot?: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, webRoot), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(xsrfProtection((req) => req.secure));
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use(bodyErrors);
  app.use(sessionMiddleware(app.get<Pool>(DB_POOL), config));
  app.use(absoluteExpiry(config));
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(validationPipe());
  mountApiDocs(app);
  await app.init();
  return app;
}

/** Malformed JSON is a 400 and an oversized body a 413, as problem+json like every other error. */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = httpStatusOf(error);
  if (!status) return next(error);
  const detail =
    status === 413 ? 'The request body is larger than 1 MB.' : 'The request body is not valid JSON.';
  sendProblem(res, problem(status, detail));
}
