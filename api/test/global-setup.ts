import { Client } from 'pg';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import { readFileSync } from 'node:fs';
import type { EmbeddedDatabase } from '../src/database/embedded';
import { TEST_APP_ROLE_PASSWORD } from './support/constants';

// Global setup runs outside jest's module mapping: resolve the workspace aliases here too.
const root = join(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });
const { startEmbeddedPostgres } =
  require('../src/database/embedded') as typeof import('../src/database/embedded');
const { migrate } = require('../src/database/migrate') as typeof import('../src/database/migrate');
const { withDatabase } = require('../src/database/urls') as typeof import('../src/database/urls');

declare global {
  var __peerpathEmbedded: EmbeddedDatabase | undefined;
}

/**
 * One migrated template database per run; each test file copies it into a fresh database of its
 * own. Without DATABASE_URL an embedded PostgreSQL under .data/ serves the run.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const dir = join(__dirname, '../../.data/test-pg');
    const port = Number(process.env['EMBEDDED_TEST_PG_PORT'] || 54330);
    globalThis.__peerpathEmbedded = await startEmbeddedPostgres(dir, port, 'postgres');
    serverUrl = globalThis.__peerpathEmbedded.url;
  }
  const template = `peerpath_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(serverUrl, template), TEST_APP_ROLE_PASSWORD);
  process.env['PEERPATH_TEST_SERVER_URL'] = serverUrl;
  process.env['PEERPATH_TEST_TEMPLATE'] = template;
}
