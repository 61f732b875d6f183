import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@peerpath/migrations';
import { APP_ROLE } from './urls';

/** Applies pending migrations as the owner, then lets the restricted app role sign in. */
export async function migrate(ownerUrl: string, appRolePassword: string): Promise<string[]> {
  const owner = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
  });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations();
    await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${appRolePassword.replace(/'/g, "''")}'`);
    return applied.map((m) => m.name);
  } finally {
    await owner.destroy();
  }
}
