import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { negotiate } from '../src/web/static-web';
import { startTestApp, TestApp } from './support/test-app';

const INDEX =
  '<!doctype html><html><body><pp-root></pp-root><script src="main-ABCD1234.js"></script></body></html>';
const MAIN = `console.log(${JSON.stringify('PeerPath '.repeat(500))});`;

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('Static web app: compression and cache headers', () => {
  let t: TestApp;
  let root: string;
  let port: number;

  function get(path: string, acceptEncoding?: string): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { port, path, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'peerpath-web-'));
    for (const [name, text] of [
      ['index.html', INDEX],
      ['main-ABCD1234.js', MAIN],
    ]) {
      writeFileSync(join(root, name), text);
      writeFileSync(join(root, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(root, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'ngsw.json'), '{"configVersion":1}');
    writeFileSync(join(root, 'ngsw-worker.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"PeerPath"}');
    t = await startTestApp({}, root);
    await new Promise<void>((resolve) => t.server.listen(0, resolve));
    port = (t.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends a fingerprinted script as Brotli, cached for a year as immutable', async () => {
    const res = await get('/main-ABCD1234.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(MAIN);
  });

  it('falls back to gzip, and to the plain file when nothing is accepted', async () => {
    const gz = await get('/main-ABCD1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(MAIN);
    const plain = await get('/main-ABCD1234.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(MAIN);
    const refused = await get('/main-ABCD1234.js', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('revalidates index.html on every use, also when it answers a deep link', async () => {
    for (const path of ['/', '/index.html', '/clients/2b1c6f1e-0000-4000-8000-000000000000']) {
      const res = await get(path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      // A validator lets the browser revalidate cheaply (304) instead of downloading it again.
      expect(res.headers['etag'] ?? res.headers['last-modified']).toBeDefined();
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
  });

  it('revalidates the service worker and its manifest, so a new release reaches the phone', async () => {
    for (const path of ['/ngsw.json', '/ngsw-worker.js']) {
      const res = await get(path, 'identity');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/ngsw-worker.js', 'identity')).headers['content-type']).toMatch(/javascript/);
    const manifest = await get('/manifest.webmanifest', 'identity');
    expect(manifest.headers['content-type']).toMatch(/application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with 404, not with the app, and leaves /api to the API', async () => {
    expect((await get('/chunk-ZZZZ9999.js', 'br')).status).toBe(404);
    const api = await get('/api/nothing-here', 'identity');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });

  it('compresses API responses too', async () => {
    const res = await get('/api/docs/openapi.json', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toHaveProperty('openapi');
  });

  it('negotiates by the q-values the browser sends', () => {
    const both = { br: true, gzip: true };
    expect(negotiate('gzip, deflate, br, zstd', both)).toBe('br');
    expect(negotiate('br;q=0, gzip;q=0.8', both)).toBe('gzip');
    expect(negotiate('*', both)).toBe('br');
    expect(negotiate(undefined, both)).toBeNull();
    expect(negotiate('br', { br: false, gzip: true })).toBeNull();
  });
});
