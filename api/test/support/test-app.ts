import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Server } from 'node:http';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config';
import { withDatabase } from '../../src/database/urls';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed';
import { TEST_APP_ROLE_PASSWORD } from './constants';
import { Staff } from './staff';

export interface TestApp {
  app: INestApplication;
  server: Server;
  /** The database owner's connection, for looking at rows the way an auditor would. */
  owner: Client;
  ownerUrl: string;
  config: AppConfig;
  signIn(email: string, password?: string): Promise<Staff>;
  anonymous(): Promise<Staff>;
  close(): Promise<void>;
}

/** A fresh database copied from the migrated template, seeded with the demo, and the real Nest app. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, webRoot?: string): Promise<TestApp> {
  const serverUrl = required('PEERPATH_TEST_SERVER_URL');
  const template = required('PEERPATH_TEST_TEMPLATE');
  const name = `peerpath_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(serverUrl, name, template);
  const ownerUrl = withDatabase(serverUrl, name);
  await seedDemoIfEmpty(ownerUrl);
  // The request ceiling has a test of its own; elsewhere tests send bursts no person could.
  const config = {
    ...loadConfig(ownerUrl),
    appRolePassword: TEST_APP_ROLE_PASSWORD,
    logLevel: 'silent',
    requestsPerMinute: 100_000,
    ...overrides,
  };
  const app = await createApp(config, webRoot);
  const server = app.getHttpServer() as Server;
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  return {
    app,
    server,
    owner,
    ownerUrl,
    config,
    signIn: (email, password) => Staff.signIn(server, email, password),
    anonymous: () => Staff.anonymous(server),
    close: async () => {
      await app.close();
      await owner.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through jest's global setup`);
  return value;
}

async function createFromTemplate(serverUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      // Two files copying the template at the same moment: wait and try again.
      if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await admin.end();
    }
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
}
