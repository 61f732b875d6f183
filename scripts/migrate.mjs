// npm run migrate: apply pending migrations (to DATABASE_URL, or the embedded database).
import { build, loadApi, openDatabase } from './lib/runtime.mjs';

if (process.env.SKIP_BUILD !== 'true') build(['api']);
const api = loadApi();
const db = await openDatabase(api);
try {
  const config = api.loadConfig(db.url);
  const applied = await api.migrate(db.url, config.appRolePassword);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
} finally {
  await db.stop();
}
