// npm run create-admin -- --org "Clinic name" --email admin@clinic.example [--name "Full Name"]
// The password comes from ADMIN_PASSWORD or a hidden prompt.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { build, loadApi, openDatabase } from './lib/runtime.mjs';

const { values } = parseArgs({
  options: { org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
});
if (!values.org || !values.email) {
  console.error(
    'Usage: npm run create-admin -- --org "Clinic name" --email admin@clinic.example [--name "Full Name"]',
  );
  process.exit(2);
}

function askHidden(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    rl._writeToOutput = (s) => rl.output.write(s.startsWith(question) ? s : '');
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

const password = process.env.ADMIN_PASSWORD || (await askHidden('Password for the new administrator: '));
if (process.env.SKIP_BUILD !== 'true') build(['api']);
const api = loadApi();
const db = await openDatabase(api);
try {
  await api.migrate(db.url, api.loadConfig(db.url).appRolePassword);
  await api.createOrganizationAdmin(db.url, {
    organization: values.org,
    email: values.email,
    name: values.name ?? 'Administrator',
    password,
  });
  console.log(`Created "${values.org}" with administrator ${values.email}.`);
} catch (error) {
  console.error(`Not created: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.stop();
}
