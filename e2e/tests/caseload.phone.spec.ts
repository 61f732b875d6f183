import { expect, type Locator, type Page, test, signIn } from './support';

/** Signs the peer in and waits for "My caseload" with its overdue clients. */
async function openCaseload(page: Page): Promise<Locator> {
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  const overdue = page.getByTestId('caseload-row').filter({ hasText: 'Overdue' }).first();
  await expect(overdue).toBeVisible();
  return overdue;
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // The page scrolls inside the shell's content box, so check that box as well as the document.
  const overflow = await page.evaluate(() => {
    const content = document.querySelector('.shell-content');
    return Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      content ? content.scrollWidth - content.clientWidth : 0,
    );
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The contact the server just created is the first entry of the client's timeline. */
async function expectAtTopOfTimeline(page: Page, contactId: string): Promise<void> {
  const first = page.getByTestId('contact-card').first();
  await expect(first).toHaveAttribute('data-contact-id', contactId);
  await expect(first).toContainText('Check-in');
  await expect(first).toContainText('In person');
  await expect(first).toContainText('15 min');
  await expect(first).toContainText('H0038: 1 unit');
  // No note yet: a contact that bills waits as a draft until its note is written (PRODUCT.md §5).
  await expect(first).toContainText('Draft');
}

/**
 * The contact just saved, as the server lists it: the newest of the client's contacts. (The POST's
 * own body cannot be read reliably: the app navigates away as soon as it arrives.)
 */
async function newestContactId(page: Page): Promise<string> {
  const clientId = new URL(page.url()).pathname.split('/')[2];
  const answer = await page.request.get(`/api/clients/${clientId}/contacts?limit=1`);
  return ((await answer.json()) as { items: { id: string }[] }).items[0].id;
}

test('a peer opens an overdue client and logs a contact with the defaults', async ({ page }) => {
  const overdue = await openCaseload(page);
  await expectNoSidewaysScroll(page);
  const name = (await overdue.locator('.row-name').innerText()).trim();
  await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();

  const started = Date.now();
  let taps = 0;
  await overdue.locator('.row-link').tap();
  taps++;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Log contact' }).tap();
  taps++;
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expect(page.getByText('H0038 units: 1')).toBeVisible();
  await expect(page.getByTestId('billing-verdict')).toContainText('needs a note to sign');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/clients\/[^/]+\/contacts$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Save contact' }).tap();
  taps++;
  const response = await created;
  expect(response.status()).toBe(201);
  expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAtTopOfTimeline(page, await newestContactId(page));
  const seconds = (Date.now() - started) / 1000;

  console.log(`Open client then log default contact: ${taps} taps, ${seconds.toFixed(2)} s`);
  expect(taps).toBeLessThanOrEqual(3);
  await expectNoSidewaysScroll(page);
});

test('the log button on the caseload row logs a default contact in two taps', async ({ page }) => {
  const overdue = await openCaseload(page);
  const name = (await overdue.locator('.row-name').innerText()).trim();

  const started = Date.now();
  let taps = 0;
  await overdue.getByRole('link', { name: `Log contact for ${name}` }).tap();
  taps++;
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/clients\/[^/]+\/contacts$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Save contact' }).tap();
  taps++;
  expect((await created).status()).toBe(201);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAtTopOfTimeline(page, await newestContactId(page));
  const seconds = (Date.now() - started) / 1000;

  console.log(`Caseload log button then Save: ${taps} taps, ${seconds.toFixed(2)} s`);
  expect(taps).toBeLessThanOrEqual(3);
});

test('a dropped connection puts the contact in the outbox and it is recorded once', async ({ page }) => {
  const overdue = await openCaseload(page);
  const name = (await overdue.locator('.row-name').innerText()).trim();
  await overdue.getByRole('link', { name: `Log contact for ${name}` }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();
  const clientId = new URL(page.url()).pathname.split('/')[2];

  // The server receives and saves the first attempt, but the answer never reaches the phone.
  const keys: string[] = [];
  let firstId = '';
  await page.route('**/api/clients/*/contacts', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      const lost = await route.fetch();
      firstId = ((await lost.json()) as { id: string }).id;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(
    page.getByText('No connection — the contact is in your outbox and will send itself.'),
  ).toBeVisible();

  // The outbox names no client, and sending it again records the same contact once.
  await page.getByRole('link', { name: 'Outbox: 1 unsent' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.locator('.item')).toHaveCount(1);
  await expect(page.locator('.item')).not.toContainText(name.split(' ')[0]);
  await page.getByRole('button', { name: 'Send now' }).tap();
  await expect(
    page.getByText('Nothing waiting: everything saved on this device has been sent.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /^Outbox:/ })).toHaveCount(0);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const contacts = await page.request.get(`/api/clients/${clientId}/contacts?limit=5`);
  const items = ((await contacts.json()) as { items: { id: string; occurredAt: string }[] }).items;
  const latest = items.filter((c) => c.occurredAt === items[0].occurredAt);
  expect(latest.map((c) => c.id)).toEqual([firstId]);
});
