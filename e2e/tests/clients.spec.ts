import { expect, type Page, test, signIn } from './support';

const runId = Date.now().toString(36);

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

test('a clinician sees a peer’s new contact but no edit, sign or addendum controls', async ({ page }) => {
  const note = `E2E check-in ${runId}`;
  await signIn(page, 'peer2@demo.test');
  const overdue = page.getByTestId('caseload-row').filter({ hasText: 'Overdue' }).first();
  const name = (await overdue.locator('.row-name').innerText()).trim();
  await overdue.getByRole('link', { name: `Log contact for ${name}` }).click();
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const clientUrl = new URL(page.url()).pathname;
  const mine = page.getByTestId('contact-card').first();
  await expect(mine).toContainText(note);
  // The author may amend their signed contact: the control exists for the right people.
  await expect(mine.getByRole('button', { name: 'Add addendum' })).toBeVisible();
  await signOut(page);

  await signIn(page, 'clinician@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Program clients' })).toBeVisible();
  await page.goto(clientUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const seen = page.getByTestId('contact-card').first();
  await expect(seen).toContainText(note);
  await expect(seen).toContainText('Signed');
  await expect(page.getByTestId('contact-card').nth(1)).toBeVisible();
  for (const control of ['Edit', 'Sign', 'Add addendum', 'Log contact', 'Edit profile']) {
    await expect(page.getByRole('button', { name: control, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: control, exact: true })).toHaveCount(0);
  }
});

test('peer2 typing the address of peer’s client gets the not-found page', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  const row = page.getByTestId('caseload-row').first();
  const name = (await row.locator('.row-name').innerText()).trim();
  const href = await row.locator('.row-link').getAttribute('href');
  expect(href).toMatch(/^\/clients\/[0-9a-f-]{36}$/);
  await signOut(page);

  await signIn(page, 'peer2@demo.test');
  await page.goto(href ?? '/clients/missing');
  await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await page.goto(`${href}/log-contact`);
  await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible();
  const api = await page.request.get(`/api${href}`);
  expect(api.status()).toBe(404);
});

test('a manager moves a client to peer2 on the caseload assignment screen', async ({ page }) => {
  const first = `Mover${runId}`;
  const fullName = `${first} Example`;
  await signIn(page, 'peer@demo.test');
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill('Example');
  await page.getByLabel('Date of birth').fill('1991-02-03');
  await page.getByLabel('Phone').fill('555-0199');
  await expect(page.getByRole('combobox', { name: 'Program' })).toContainText('Recovery Support Services');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByText('Assigned to Pat Peer (demo)')).toBeVisible();
  const clientUrl = new URL(page.url()).pathname;
  await signOut(page);

  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Program overview' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Caseload assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload assignment' })).toBeVisible();
  const from = page.getByRole('combobox', { name: 'From peer' });
  await expect(from).toBeEnabled();
  await from.click();
  await page.getByRole('option', { name: 'Pat Peer (demo)' }).click();
  await page.getByRole('checkbox', { name: fullName }).check();
  await page.getByRole('combobox', { name: 'To peer' }).click();
  await page.getByRole('option', { name: 'Robin Peer (demo)' }).click();
  await page.getByRole('button', { name: 'Move 1 client' }).click();
  await expect(page.getByText('Moved 1 client to Robin Peer (demo).')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: fullName })).toHaveCount(0);

  await page.goto(clientUrl);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByText('Assigned to Robin Peer (demo)')).toBeVisible();
  await signOut(page);

  await signIn(page, 'peer2@demo.test');
  await expect(page.getByTestId('caseload-row').filter({ hasText: fullName })).toHaveCount(1);
});

test('a peer edits their draft contact and signs it', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  const withDraft = page.getByTestId('caseload-row').filter({ hasText: '1 draft' }).first();
  const name = (await withDraft.locator('.row-name').innerText()).trim();
  await withDraft.locator('.row-link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const draft = page.getByTestId('contact-card').filter({ hasText: 'Draft' }).first();
  const contactId = await draft.getAttribute('data-contact-id');
  await draft.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit contact' })).toBeVisible();
  await page.getByRole('radio', { name: 'Yes' }).click();
  // The demo's draft may be a text, which never bills: the peer corrects it to a meeting in person.
  await page.getByRole('radio', { name: 'In person' }).click();
  await page.getByRole('spinbutton', { name: 'Minutes' }).fill('50');
  await expect(page.getByText('H0038 units: 3')).toBeVisible();
  await page.getByLabel('Note').fill(`Edited draft ${runId}`);
  await page.getByRole('checkbox', { name: 'Sign after saving' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const saved = page.locator(`[data-contact-id="${contactId}"]`);
  await expect(saved).toContainText('Signed');
  await expect(saved).toContainText('50 min');
  await expect(saved).toContainText(`Edited draft ${runId}`);
  await expect(saved.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(saved.getByRole('button', { name: 'Add addendum' })).toBeVisible();
});

test('the clients page has a real heading', async ({ page }) => {
  await signIn(page, 'manager@demo.test');
  await page.goto('/clients');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
});
