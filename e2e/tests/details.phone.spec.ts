import { expect, type Locator, test, signIn } from './support';

/** Where the element is drawn; failing here means it is not on the screen at all. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box;
}

test('on a phone the log-contact choices fit as whole segments, chips are thumb-sized and a refusal keeps its icon', async ({
  page,
}) => {
  await signIn(page, 'peer@demo.test');
  const row = page.getByTestId('caseload-row').first();
  const name = (await row.locator('.row-name').innerText()).trim();
  await row.getByRole('link', { name: `Log contact for ${name}` }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();

  // "How": every choice inside the screen, each with its own four borders.
  const how = page.getByRole('group', { name: 'How' }).locator('mat-button-toggle-group');
  for (const toggle of await how.locator('.mat-button-toggle').all()) {
    const box = await boxOf(toggle);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const borders = await toggle.evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth, s.borderLeftWidth].map(parseFloat);
    });
    expect(Math.min(...borders)).toBeGreaterThanOrEqual(1);
  }

  for (const chip of await page.locator('mat-chip-option').all())
    expect((await boxOf(chip)).height).toBeGreaterThanOrEqual(44);

  await page.route('**/api/clients/*/contacts', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'https://peerpath.example/problems/conflict',
            title: 'Conflict',
            status: 409,
            detail:
              'Not sent: the server refused this contact for a reason long enough to wrap onto several lines on a phone.',
          }),
        })
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Save contact' }).tap();
  const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
  await expect(alert).toBeVisible();
  const icon = await boxOf(alert.locator('mat-icon'));
  expect(icon.width).toBeGreaterThanOrEqual(20);
});

test('the referral history fits 390 px without breaking words', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  const caseload = (await (await page.request.get('/api/caseload?limit=50')).json()) as {
    items: { id?: string; clientId?: string }[];
  };
  let clientId = '';
  for (const item of caseload.items) {
    const id = item.clientId ?? item.id ?? '';
    const body = (await (await page.request.get(`/api/clients/${id}/referrals`)).json()) as
      unknown[] | { items?: unknown[] };
    const refs = Array.isArray(body) ? body : (body.items ?? []);
    if (refs.length) {
      clientId = id;
      break;
    }
  }
  expect(clientId).not.toBe('');
  await page.goto(`/clients/${clientId}?section=referrals`);
  const first = page.getByTestId('client-referral').first();
  await expect(first).toBeVisible();
  for (const summary of await page.getByTestId('client-referral').locator('summary').all())
    await summary.tap();

  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  const broken = await page.getByTestId('client-referral').evaluateAll((items) => {
    const words: string[] = [];
    for (const item of items) {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) words.push(m[0]);
        }
      }
    }
    return words;
  });
  expect(broken).toEqual([]);
});
