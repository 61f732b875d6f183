import { expect, type Locator, type Page, test, DEMO_PASSWORD, signIn } from './support';

const OFFLINE_BANNER = 'Offline — showing what was last loaded';
const IN_OUTBOX = 'No connection — the contact is in your outbox and will send itself.';
const SENT = 'Your unsent item was sent.';
const CONTACTS = /\/api\/clients\/[^/]+\/contacts$/;

/** Signs the peer in and returns the first overdue row of "My caseload". */
async function overdueRow(page: Page): Promise<Locator> {
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  const row = page.getByTestId('caseload-row').filter({ hasText: 'Overdue' }).first();
  await expect(row).toBeVisible();
  return row;
}

/** From the caseload, opens "Log contact" for an overdue client; returns the client's name and id. */
async function openLogContact(page: Page): Promise<{ name: string; clientId: string }> {
  const row = await overdueRow(page);
  const name = (await row.locator('.row-name').innerText()).trim();
  await row.getByRole('link', { name: `Log contact for ${name}` }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();
  return { name, clientId: new URL(page.url()).pathname.split('/')[2] };
}

/** The ids of the client's newest contacts (other tests may log for the same client that minute). */
async function contactIds(page: Page, clientId: string): Promise<string[]> {
  const res = await page.request.get(`/api/clients/${clientId}/contacts?limit=20`);
  return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
}

/** The contacts recorded for the client since `before` was read. */
async function newContactIds(page: Page, clientId: string, before: string[]): Promise<string[]> {
  return (await contactIds(page, clientId)).filter((id) => !before.includes(id));
}

test('saved with no signal: said where the finger is, counted, and sent once when the link returns', async ({
  page,
  context,
}) => {
  const { clientId } = await openLogContact(page);
  const before = await contactIds(page, clientId);
  const keys: string[] = [];
  let created = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && CONTACTS.test(r.url())) keys.push(r.headers()['idempotency-key'] ?? '');
  });
  // Statuses only: Chromium may drop a response body before a listener gets to read it.
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && CONTACTS.test(r.url()) && r.status() === 201) created++;
  });

  await context.setOffline(true);
  await expect(page.getByText(OFFLINE_BANNER)).toBeInViewport();
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByText(IN_OUTBOX)).toBeInViewport();
  await expect(page.getByRole('link', { name: 'Outbox: 1 unsent' })).toBeInViewport();
  expect(created).toBe(0);

  // The link returns: no tap, the outbox sends it by itself, once.
  await context.setOffline(false);
  await expect(page.getByText(SENT)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Outbox:/ })).toHaveCount(0);
  await expect(page.getByText(OFFLINE_BANNER)).toHaveCount(0);
  await expect.poll(() => created).toBe(1);
  expect(new Set(keys).size).toBe(1);
  expect(await newContactIds(page, clientId, before)).toHaveLength(1);
});

test('signing out with an unsent contact offers Send now, Keep for me and Discard', async ({ page }) => {
  const { clientId } = await openLogContact(page);
  const before = await contactIds(page, clientId);
  // The connection drops for contacts only, so signing out itself still reaches the server.
  await page.route('**/api/clients/*/contacts', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('link', { name: 'Outbox: 1 unsent' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Unsent items on this device' });
  await expect(dialog).toContainText('1 item has not been sent yet');
  for (const choice of ['Send now', 'Keep for me', 'Discard'])
    await expect(dialog.getByRole('button', { name: choice })).toBeInViewport();

  // Kept for the same peer: after signing in again it sends itself.
  await dialog.getByRole('button', { name: 'Keep for me' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.unroute('**/api/clients/*/contacts');
  await signIn(page, 'peer@demo.test');
  await expect(page.getByText(SENT)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Outbox:/ })).toHaveCount(0);
  expect(await newContactIds(page, clientId, before)).toHaveLength(1);
});

test('a client link opened while signed out returns to the client after sign-in', async ({ page }) => {
  const row = await overdueRow(page);
  const name = (await row.locator('.row-name').innerText()).trim();
  const href = await row.locator('.row-link').getAttribute('href');
  expect(href).toMatch(/^\/clients\//);
  await page.getByRole('button', { name: 'Sign out' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await page.goto(`${href}?section=referrals`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill('peer@demo.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).tap();
  // argon2id takes seconds on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`${href}\\?section=referrals$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Referrals' })).toBeInViewport();
});

test('after saving a contact the timeline shows it in view; the section bar stays at hand', async ({
  page,
}) => {
  const { clientId } = await openLogContact(page);
  const before = await contactIds(page, clientId);
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}\\?section=timeline$`));
  const [contactId] = await newContactIds(page, clientId, before);
  const entry = page.locator(`[data-contact-id="${contactId}"]`);
  await expect(entry).toBeInViewport();

  const bar = page.getByRole('navigation', { name: 'Sections of the client page' });
  await bar.getByRole('link', { name: 'Consents' }).tap();
  await expect(page).toHaveURL(/\?section=consents$/);
  await expect(bar).toBeInViewport();
  await expect(page.getByRole('heading', { level: 2, name: 'Consents', exact: true })).toBeInViewport();
  await bar.getByRole('link', { name: 'Timeline' }).tap();
  await expect(entry).toBeInViewport();
});

/** Waits until the service worker controls the page and has cached the whole app shell. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker?.controller) return 'no worker yet';
          const state = await (await fetch('/ngsw/state')).text();
          return /Latest manifest hash: [0-9a-f]{40}/.test(state) ? 'ready' : 'caching';
        }),
      { timeout: 30_000 },
    )
    .toBe('ready');
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a phone that opened PeerPath once opens it again with no signal, marked offline', async ({
    page,
    context,
  }) => {
    await signIn(page, 'peer@demo.test');
    await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
    const rows = page.getByTestId('caseload-row');
    await expect(rows.first()).toBeVisible();
    const names = await rows.locator('.row-name').allInnerTexts();
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.webmanifest');
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText(OFFLINE_BANNER)).toBeInViewport();
    // The app itself answers, not the browser's "no internet" page: the caseload it last loaded.
    await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
    await expect(rows.locator('.row-name')).toHaveText(names);
    await expect(page).toHaveTitle(/PeerPath/);

    await context.setOffline(false);
    await expect(page.getByText(OFFLINE_BANNER)).toHaveCount(0);
  });

  test('a contact saved with no signal goes to the outbox even though the worker, not the browser, answers', async ({
    page,
    context,
  }) => {
    const { clientId } = await openLogContact(page);
    await waitForOfflineReady(page);
    const before = await contactIds(page, clientId);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Save contact' }).tap();
    await expect(page.getByText(IN_OUTBOX)).toBeInViewport();
    await expect(page.getByRole('link', { name: 'Outbox: 1 unsent' })).toBeInViewport();

    // The page may hear 'online' before the worker's network is back: the outbox tries again by itself.
    await context.setOffline(false);
    await expect(page.getByText(SENT)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: /^Outbox:/ })).toHaveCount(0);
    await expect.poll(async () => (await newContactIds(page, clientId, before)).length).toBe(1);
  });
});
