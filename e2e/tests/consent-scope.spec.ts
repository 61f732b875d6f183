import { expect, type Page, test, signIn } from './support';

const runId = Date.now().toString(36);
const PANTRY = 'Northside Food Pantry (demo)';
const CLINIC = 'Bridge Clinic MOUD Program (demo)';

const exactly = (name: string) => new RegExp(name.replace(/[()]/g, '\\$&'));

async function chooseResource(page: Page, search: string, name: string): Promise<void> {
  await page.getByLabel('Search the directory').fill(search);
  await page.getByRole('button', { name: exactly(name) }).click();
  await expect(page.getByTestId('chosen-resource')).toContainText(name);
}

test('a general designation covers a treating provider but not a food pantry, and the summary carries Statement 1', async ({
  page,
}) => {
  const first = `Scope${runId}`;
  await signIn(page, 'peer@demo.test');
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill('Example');
  await page.getByLabel('Date of birth').fill('1985-02-03');
  await page.getByLabel('Phone').fill('555-0177');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first} Example` })).toBeVisible();
  const clientUrl = new URL(page.url()).pathname;

  // Refer to the pantry, sharing: record a consent that only names "my treating providers".
  await page.getByRole('link', { name: 'Refer', exact: true }).click();
  await chooseResource(page, 'Northside', PANTRY);
  await page.getByRole('switch', { name: 'Share client information with the recipient' }).click();
  await page.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'General designation' }).click();
  await dialog.getByLabel('General designation').fill('my treating providers');
  await dialog.getByLabel('Purpose of the disclosure').fill('Coordinate care (fake)');
  await dialog.getByLabel('Information that may be disclosed (how much and what kind)').fill('Name and need');
  await dialog.getByLabel('Expires on').fill('2099-12-31');
  await dialog.getByRole('checkbox', { name: /signed this consent/ }).check();
  await dialog.getByRole('button', { name: 'Save consent' }).click();
  await expect(dialog).toHaveCount(0);

  const coverage = page.getByTestId('consent-coverage');
  await expect(coverage).toContainText('No consent covers this recipient');
  await expect(coverage).toContainText('covers only treating providers');

  // The same consent covers a treating provider; the referral goes and its summary is the packet.
  await page.getByTestId('chosen-resource').getByRole('button', { name: 'Change' }).click();
  await chooseResource(page, 'Bridge Clinic', CLINIC);
  await expect(coverage).toContainText('Covered by consent signed');
  await page.getByRole('combobox', { name: 'Need' }).click();
  await page.getByRole('option', { name: /^MOUD/ }).click();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page).toHaveURL(new RegExp(`${clientUrl}#referrals$`));
  await page.getByTestId('client-referral').first().getByRole('link', { name: 'Summary' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Referral summary' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notice of prohibition on redisclosure' })).toBeVisible();
  const notice = page.getByTestId('redisclosure-notice');
  await expect(notice).toContainText('unless at least one of the following applies');
  await expect(notice).toContainText('45 CFR part 164, subparts A and E');
  await expect(page.getByTestId('summary-consent')).toContainText('my treating providers');
  await expect(page.getByTestId('summary-client')).toContainText(`${first} Example`);
});
