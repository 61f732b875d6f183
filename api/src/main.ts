import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig } from './config';
import { createApp } from './app.factory';
import { migrate } from './database/migrate';
import { seedDemoIfEmpty } from './seed/demo-seed';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** Migrates, seeds when asked, and serves the API and the built web app on one port. */
export async function bootstrap(databaseUrl?: string, options: { seed?: boolean } = {}): Promise<RunningApp> {
  const config = loadConfig(databaseUrl);
  await migrate(config.databaseUrl, config.appRolePassword);
  if (options.seed ?? process.env['SEED_DEMO'] === 'true') await seedDemoIfEmpty(config.databaseUrl);
  const webRoot = resolve(process.env['WEB_ROOT'] ?? 'dist/web/browser');
  const app = await createApp(config, webRoot);
  await app.listen(config.port);
  return { url: `http://localhost:${config.port}`, close: () => app.close() };
}

if (require.main === module) {
  bootstrap().then(
    (running) => {
      console.log(`PeerPath is running at ${running.url}`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
