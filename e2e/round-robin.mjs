// The browser tests' front: one port that hands each request to the next of the API processes in
// turn, passing the request and the answer through unchanged (status, headers such as set-cookie,
// content-encoding and cache-control, and the body as bytes). For the tests only, each answer says
// which process gave it in X-E2E-Process (1, 2, …), and a request carrying that header goes there.
import { createServer, request } from 'node:http';
import { pipeline } from 'node:stream';

export const PROCESS_HEADER = 'x-e2e-process';
// Hop-by-hop: they describe one connection, so each side sets its own.
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

export function roundRobin(ports) {
  let turn = 0;
  return createServer((req, res) => {
    const pinned = Number(req.headers[PROCESS_HEADER]);
    const which = pinned >= 1 && pinned <= ports.length ? pinned : (turn++ % ports.length) + 1;
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP.has(name)));
    const upstream = request(
      // A connection per request (agent: false): a pooled one may be closed by the app's keep-alive
      // timeout just as it is reused, which would fail a request for the front's sake.
      { host: '127.0.0.1', port: ports[which - 1], method: req.method, path: req.url, headers, agent: false },
      (answer) => {
        const raw = answer.rawHeaders.filter((_, i, all) => !HOP.has(all[i - (i % 2)].toLowerCase()));
        res.writeHead(answer.statusCode, answer.statusMessage, [...raw, PROCESS_HEADER, String(which)]);
        pipeline(answer, res, () => undefined);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    res.on('close', () => res.writableFinished || upstream.destroy());
    req.pipe(upstream);
  });
}
