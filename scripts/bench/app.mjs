// The full API as `npm start` runs it (session, guard, validation, RLS transaction, audit), without the web build.
import { loadApi } from '../lib/runtime.mjs';

const running = await loadApi().bootstrap(process.env.DATABASE_URL, { seed: false });
process.on('SIGTERM', () => running.close().then(() => process.exit(0)));
