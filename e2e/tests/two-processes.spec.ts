import { expect, type Page, test, signIn } from './support';

/**
 * The browser tests run two API processes behind a front that alternates requests between them
 * (e2e/serve.mjs). The front names the process that answered in this header, and sends a request
 * carrying it to that process.
 */
const PROCESS = 'x-e2e-process';
const CONTACTS = /\/api\/clients\/[^/]+\/contacts$/;

/** Whether the session is signed in, asked of one process. */
async function signedInOn(page: Page, process: '1' | '2'): Promise<number> {
  const res = await page.request.get('/api/auth/me', { headers: { [PROCESS]: process } });
  expect(res.headers()[PROCESS]).toBe(process);
  return res.status();
}

test('requests alternate between two API processes; the session, XSRF and an idempotent retry hold across them', async ({
  page,
}) => {
  const answered: { path: string; status: number; process: string }[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) answered.push({ path, status: r.status(), process: r.headers()[PROCESS] });
  });

  // Signed in through one process, the session is known to both.
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  expect(await signedInOn(page, '1')).toBe(200);
  expect(await signedInOn(page, '2')).toBe(200);

  // A client not overdue: the other tests look for overdue ones.
  const row = page.getByTestId('caseload-row').filter({ hasNotText: 'Overdue' }).first();
  const name = (await row.locator('.row-name').innerText()).trim();
  await row.getByRole('link', { name: `Log contact for ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();
  const clientId = new URL(page.url()).pathname.split('/')[2];

  // Process 1 saves the first attempt but its answer is lost; the retry, with the same
  // Idempotency-Key and XSRF header, goes to process 2.
  const sent: { key?: string; xsrf?: string }[] = [];
  let firstId = '';
  await page.route('**/api/clients/*/contacts', async (route) => {
    const headers = route.request().headers();
    if (route.request().method() !== 'POST') return route.continue();
    sent.push({ key: headers['idempotency-key'], xsrf: headers['x-xsrf-token'] });
    if (sent.length === 1) {
      const lost = await route.fetch({ headers: { ...headers, [PROCESS]: '1' } });
      expect(lost.status()).toBe(201);
      expect(lost.headers()[PROCESS]).toBe('1');
      firstId = ((await lost.json()) as { id: string }).id;
      await route.abort('internetdisconnected');
    } else {
      await route.continue({ headers: { ...headers, [PROCESS]: '2' } });
    }
  });
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(
    page.getByText('No connection — the contact is in your outbox and will send itself.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Outbox: 1 unsent' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const retried = page.waitForResponse((r) => r.request().method() === 'POST' && CONTACTS.test(r.url()));
  await page.getByRole('button', { name: 'Send now' }).click();
  expect((await retried).status()).toBe(201);
  expect((await retried).headers()[PROCESS]).toBe('2');
  await expect(
    page.getByText('Nothing waiting: everything saved on this device has been sent.'),
  ).toBeVisible();
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
  expect(sent[0].key).toBeTruthy();
  expect(sent[0].xsrf).toBeTruthy();
  await page.unroute('**/api/clients/*/contacts');

  // One contact, the first one; a reload (its requests alternating again) still shows it, signed in.
  await page.goto(`/clients/${clientId}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('contact-card').first()).toHaveAttribute('data-contact-id', firstId);
  const contacts = await page.request.get(`/api/clients/${clientId}/contacts?limit=5`);
  const items = ((await contacts.json()) as { items: { id: string; occurredAt: string }[] }).items;
  expect(items.filter((c) => c.occurredAt === items[0].occurredAt).map((c) => c.id)).toEqual([firstId]);

  // The page's own requests went to both processes, and both answered them as signed in.
  for (const process of ['1', '2'])
    expect(
      answered.filter((a) => a.process === process && a.status === 200 && a.path !== '/api/auth/login'),
      `signed-in answers from process ${process}`,
    ).not.toHaveLength(0);
  expect(answered.every((a) => a.process === '1' || a.process === '2')).toBe(true);

  // Signing out through one process ends the session on both, even for a kept copy of its cookie.
  const sessionCookie = (await page.context().cookies()).filter((c) => c.name === 'peerpath.sid');
  expect(sessionCookie).toHaveLength(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.context().addCookies(sessionCookie);
  expect(await signedInOn(page, '1')).toBe(401);
  expect(await signedInOn(page, '2')).toBe(401);
});
