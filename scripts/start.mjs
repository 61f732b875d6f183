// npm start: build for production, start PostgreSQL (embedded unless DATABASE_URL), migrate, seed
// the demo on an empty embedded database, and serve the web app and the API on one port.
import { build, loadApi, openDatabase } from './lib/runtime.mjs';

process.env.NODE_ENV ??= 'production';
if (process.env.SKIP_BUILD !== 'true') build(['api', 'web']);
const api = loadApi();
const db = await openDatabase(api);
let running;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping PeerPath…');
  await running?.close().catch((e) => console.error(e));
  await db.stop().catch((e) => console.error(e));
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const seed = db.embedded ? process.env.SEED_DEMO !== 'false' : process.env.SEED_DEMO === 'true';
  running = await api.bootstrap(db.url, { seed });
} catch (error) {
  console.error(error);
  await stop(1);
}
// The API answers 503 while the embedded database is away and recovers once it is back.
db.watch((message) => console.log(`[${new Date().toISOString()}] ${message}`));
console.log(`\nPeerPath is running at ${running.url}`);
console.log(db.embedded ? 'Database: embedded PostgreSQL under .data/' : 'Database: DATABASE_URL');
if (db.embedded || process.env.SEED_DEMO === 'true') {
  console.log(`Demo sign-ins (password: ${api.demoPassword()}):`);
  for (const org of api.DEMO_ORGS) {
    console.log(`  ${org.name}: ${org.staff.map((s) => `${s.email} (${s.role})`).join(', ')}`);
  }
}
console.log('Press Ctrl-C to stop.');
