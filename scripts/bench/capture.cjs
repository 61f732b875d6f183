// Preloaded into the API under benchmark (`node -r`): records every statement the pg driver sends,
// with its connection, while a capture is on, and answers the bench's control requests.
const http = require('node:http');
const pg = require('pg');

let capturing = false;
let captured = [];
let peakRss = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  if (capturing) {
    const text = typeof config === 'string' ? config : config && config.text;
    const params = typeof config === 'string' ? values : config && config.values;
    if (typeof text === 'string')
      captured.push({ pid: this.processID, text, values: Array.isArray(params) ? params : undefined });
  }
  return query.call(this, config, values, callback);
};
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref();

const port = Number(process.env.BENCH_CONTROL_PORT);
if (port) {
  http
    .createServer((req, res) => {
      const send = (body) => res.end(JSON.stringify(body));
      if (req.url === '/capture/start') {
        captured = [];
        capturing = true;
        return send({ ok: true });
      }
      if (req.url === '/capture/stop') {
        capturing = false;
        return send(captured);
      }
      if (req.url === '/memory') return send({ rss: process.memoryUsage().rss, peakRss });
      if (req.url === '/memory/reset') {
        peakRss = process.memoryUsage().rss;
        return send({ ok: true });
      }
      res.statusCode = 404;
      res.end();
    })
    .listen(port, '127.0.0.1')
    .unref();
}
