// npm run import:hsds -- <folder> [--org "Clinic name"]   import an HSDS 3.0 tabular package
// npm run export:hsds -- <folder> [--org "Clinic name"]   write the directory as one
// Without --org the demo clinic is used. DATABASE_URL, or the embedded database, as npm start.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { build, loadApi, openDatabase } from './lib/runtime.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { org: { type: 'string' } } });
const [command, folder] = positionals;
if (!['import', 'export'].includes(command) || !folder) {
  console.error(
    'Usage: npm run import:hsds -- <folder> [--org "Clinic name"]  |  npm run export:hsds -- <folder> [--org …]',
  );
  process.exit(2);
}
if (process.env.SKIP_BUILD !== 'true') build(['api']);
const api = loadApi();
const db = await openDatabase(api);
const organization = values.org ?? 'Demo Recovery Clinic';
try {
  await api.migrate(db.url, api.loadConfig(db.url).appRolePassword);
  if (command === 'import') {
    const report = await api.importDirectory(db.url, organization, resolve(folder));
    console.log(
      `Imported into "${organization}": ${report.created} new, ${report.updated} updated, ${report.rejected.length} rejected.`,
    );
    for (const r of report.rejected) console.log(`  rejected ${r.file} ${r.id}: ${r.reason}`);
  } else {
    const count = await api.exportDirectory(db.url, organization, resolve(folder));
    console.log(`Exported ${count} resources of "${organization}" to ${resolve(folder)}.`);
  }
} catch (error) {
  console.error(`Failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.stop();
}
