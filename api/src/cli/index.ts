/** What the root scripts (npm start, migrate, create-admin) use from the compiled API. */
export { bootstrap } from '../main';
export { migrate } from '../database/migrate';
export { startEmbeddedPostgres } from '../database/embedded';
export { createOrganizationAdmin } from './create-admin';
export { DEMO_ORGS, demoPassword } from '../seed/demo-seed';
export { loadConfig } from '../config';
export { importDirectory, exportDirectory } from './hsds';
