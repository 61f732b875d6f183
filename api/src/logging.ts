import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from './config';

/**
 * Structured JSON logs with a request id. Only method, path (without query) and status are logged:
 * no cookies, tokens, bodies, names or notes ever reach the log.
 */
export function logOptions(config: AppConfig): Params {
  const options: Options = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url ?? ''),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers', 'err.config'], remove: true },
    customSuccessMessage: (req, res) => `${req.method} ${loggedPath(req.url ?? '')} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${loggedPath(req.url ?? '')} ${res.statusCode}`,
  };
  return { pinoHttp: config.logStream ? [options, config.logStream as DestinationStream] : options };
}

/**
 * The path without its query, and any segment that is not a plain word or id shown as `…`: never
 * input. A recipient link's token is a credential: its routes show `:token`, never the token.
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '')
    .replace(/^\/api\/recipient\/[^/]+/, '/api/recipient/:token')
    .replace(/^\/r\/[^/]+/, '/r/:token')
    .split('/')
    .map((segment) => (/^[\w.-]{0,80}$/.test(segment) ? segment : '…'))
    .join('/');
}
