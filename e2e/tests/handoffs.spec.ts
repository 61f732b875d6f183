import { expect, type Page, test, signIn } from './support';

const runId = Date.now().toString(36);

// A whole intake in one test: more steps than the default budget is sized for.
test.describe.configure({ timeout: 60_000 });

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

test('a peer records a warm handoff, claims it, reaches the person and converts it into a client', async ({
  page,
}) => {
  const first = 'Handoff';
  const last = `Person${runId}`;
  await signIn(page, 'peer@demo.test');
  await page.getByRole('link', { name: 'Incoming handoffs' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incoming handoffs' })).toBeVisible();
  // The demo's handoffs are in the queue with their clocks.
  await expect(page.locator('li.handoff').filter({ hasText: 'Sample Handoffone' })).toContainText(
    'since receipt',
  );

  await page.getByRole('link', { name: 'Record a handoff' }).click();
  await page.getByRole('combobox', { name: 'Source' }).click();
  await page.getByRole('option', { name: 'Emergency department' }).click();
  await page.getByLabel('Referring person').fill('ED social worker (e2e, fake)');
  await page.getByLabel('Their phone or email').fill('555-0177');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Phone', { exact: true }).fill('555-0188');
  await page.getByRole('combobox', { name: 'Need' }).click();
  await page.getByRole('option', { name: /^MOUD/ }).click();
  await page.getByRole('button', { name: 'Record handoff' }).click();

  await expect(page).toHaveURL(/\/handoffs$/);
  const card = page.locator('li.handoff').filter({ hasText: `${first} ${last}` });
  await expect(card).toContainText('Emergency department: ED social worker (e2e, fake)');
  await expect(card).toContainText('min since receipt');
  await card.getByRole('button', { name: 'Claim' }).click();
  await expect(card).toContainText('Claimed by');
  await expect(card.getByRole('button', { name: 'Claim' })).toHaveCount(0);

  await card.getByRole('button', { name: 'Log attempt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Yes, we talked' }).click();
  await dialog.getByLabel('Note').fill('Agreed to come in tomorrow (e2e, fake)');
  await dialog.getByRole('button', { name: 'Log attempt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card).toContainText('Reached');

  await card.getByRole('link', { name: 'Start intake' }).click();
  await expect(page.getByTestId('handoff-intake')).toContainText('ED social worker (e2e, fake)');
  await expect(page.getByLabel('Last name')).toHaveValue(last);
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('555-0188');
  await page.getByLabel('Date of birth').fill('1990-06-15');
  await page.getByRole('button', { name: 'Add client' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  // The first contact is on the record as a contact, waiting to be completed and signed.
  await expect(page.getByTestId('contact-card').first()).toContainText('Warm handoff first contact');
});

test('a second peer trying to claim a handoff already claimed is told who has it', async ({
  page,
  browser,
}) => {
  await signIn(page, 'peer@demo.test');
  await page.goto('/handoffs');
  const card = page.locator('li.handoff').filter({ hasText: 'Sample Handofftwo' });
  await expect(card.getByRole('button', { name: 'Claim' })).toBeVisible();

  // peer2 claims it in the meantime, in their own browser.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, 'peer2@demo.test');
  await page2.goto('/handoffs');
  const theirs = page2.locator('li.handoff').filter({ hasText: 'Sample Handofftwo' });
  await theirs.getByRole('button', { name: 'Claim' }).click();
  await expect(theirs).toContainText('Claimed by');
  await other.close();

  await card.getByRole('button', { name: 'Claim' }).click();
  await expect(card.getByRole('alert')).toContainText('claimed this handoff first');
  await expect(card.getByRole('link', { name: 'Start intake' })).toHaveCount(0);
  await signOut(page);
});
