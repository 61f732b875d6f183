// The raw twin: bare node:http + pg with the API's pool size. For each benchmarked case it replays the
// API's own transaction statement for statement (captured from the API: BEGIN, the organization,
// user and timeout, the programs, the work, the audit row, COMMIT) and answers with the API's JSON.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.TWIN_DATABASE_URL, max: 10 });
const cases = new Map();

async function replay(c) {
  const client = await pool.connect();
  try {
    for (const s of c.statements) await client.query(s.values ? { text: s.text, values: s.values } : s.text);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    if (req.url === '/register' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const c = JSON.parse(body);
        cases.set(`/case/${c.name}`, c);
        res.end('{}');
      });
      return;
    }
    const c = cases.get(req.url);
    if (!c) {
      res.statusCode = 404;
      return res.end();
    }
    req.resume();
    replay(c).then(
      () => {
        res.writeHead(c.status, { 'content-type': c.contentType });
        res.end(c.body);
      },
      (error) => {
        res.statusCode = 500;
        res.end(String(error.code ?? 'error'));
      },
    );
  })
  .listen(Number(process.env.TWIN_PORT), '127.0.0.1');
