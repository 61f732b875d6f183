import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Angular's output names fingerprinted files NAME-HASH.ext (hash: 8 upper-case letters or digits). */
const FINGERPRINTED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/** Text worth compressing; fonts (woff2) and images are compressed already. */
const TEXT = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
  '.xml',
]);

interface StaticFile {
  path: string;
  immutable: boolean;
  br: boolean;
  gzip: boolean;
}

function walk(root: string, dir = root, found = new Map<string, StaticFile>()): Map<string, StaticFile> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, found);
    else if (!entry.name.endsWith('.br') && !entry.name.endsWith('.gz')) {
      const text = TEXT.has(extname(entry.name));
      found.set('/' + relative(root, path).split(sep).join('/'), {
        path,
        immutable: FINGERPRINTED.test(entry.name),
        br: text && existsSync(path + '.br'),
        gzip: text && existsSync(path + '.gz'),
      });
    }
  }
  return found;
}

/** The encoding to send: Brotli when accepted, else gzip, else none (q=0 refuses one). */
export function negotiate(
  acceptEncoding: string | undefined,
  file: { br: boolean; gzip: boolean },
): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (file.br && ok('br')) return 'br';
  if (file.gzip && ok('gzip')) return 'gzip';
  return null;
}

/**
 * Serves the built web app: fingerprinted files cached for a year as immutable, everything else
 * (index.html, the service worker and its manifest) revalidated on each use; the Brotli or gzip
 * copy written at build time (scripts/precompress.mjs) when the browser accepts it; and index.html
 * for any other GET outside /api, so deep links work (the Angular router takes over).
 */
export function staticWeb(root: string): RequestHandler {
  const files = walk(root);
  const index = files.get('/index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path === '/api' ||
      req.path.startsWith('/api/')
    ) {
      return next();
    }
    let file = files.get(req.path);
    if (!file) {
      // A missing file with an extension is a 404 (a stale chunk must not turn into index.html).
      if (extname(req.path) || !index) return next();
      file = index;
    }
    const encoding = negotiate(req.get('accept-encoding'), file);
    res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (file.br || file.gzip) res.vary('Accept-Encoding');
    const sent = encoding ? `${file.path}.${encoding === 'br' ? 'br' : 'gz'}` : file.path;
    res.type(extname(file.path));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.sendFile(sent, { cacheControl: false, lastModified: true, etag: true, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}

/** Whether `root` holds a built web app to serve. */
export function hasWebBuild(root: string | undefined): root is string {
  return !!root && existsSync(root) && statSync(root).isDirectory() && existsSync(join(root, 'index.html'));
}
