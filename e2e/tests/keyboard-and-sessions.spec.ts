import { expect, test, signIn } from './support';

test('the review queue’s scrolling table is reached with Tab, by its name, and scrolls with the arrow keys', async ({
  page,
}) => {
  // Just wider than a phone: the queue is a table, wider than the space beside the navigation.
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, 'manager@demo.test');
  await page.goto('/review');
  const region = page.getByRole('region', { name: 'Contacts to review' });
  await expect(region.getByRole('row').nth(1)).toBeVisible();
  const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'the table is wider than its frame at this width').toBeGreaterThan(0);

  // From the peer filter just before it, one Tab lands on the named region itself.
  await page.getByRole('combobox', { name: 'Peer' }).focus();
  await page.keyboard.press('Tab');
  await expect(region).toBeFocused();
  await expect(region).toHaveAttribute('tabindex', '0');

  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // It is the table that moved, not the page.
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
});

test('“New session” on a group defaults to a date whose usual slot has no session yet, and creating it succeeds', async ({
  page,
}) => {
  // A group no other browser test plans sessions for: the sessions made here change its defaults.
  const group = 'Peer Circle Thursday Noon (demo)';
  await signIn(page, 'manager@demo.test');
  await page.goto('/groups');
  await page.getByTestId('group-card').filter({ hasText: group }).getByRole('link', { name: group }).click();
  await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible();
  const groupId = new URL(page.url()).pathname.split('/')[2];
  const slots = async (): Promise<Set<string>> => {
    const res = await page.request.get(`/api/groups/${groupId}/sessions?limit=100`);
    expect(res.status()).toBe(200);
    const items = (await res.json()).items as { date: string; startTime: string }[];
    return new Set(items.map((s) => `${s.date} ${s.startTime.slice(0, 5)}`));
  };

  // The dialog's default comes from the sessions the page shows: wait until they are there.
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
  const taken = await slots();
  await page.getByRole('button', { name: 'New session' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Date')).not.toHaveValue('');
  const date = await dialog.getByLabel('Date').inputValue();
  const time = await dialog.getByLabel('Start time').inputValue();
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(taken.has(`${date} ${time.slice(0, 5)}`)).toBe(false);
  await dialog.getByRole('button', { name: 'Create session' }).click();
  // Today or earlier opens attendance; a later date is planned. Either way, no refusal.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Take attendance' }).or(page.getByText('Session planned.')),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  expect((await slots()).has(`${date} ${time.slice(0, 5)}`)).toBe(true);

  // Asked again, it moves on to a date still free at that time.
  await page.goto(`/groups/${groupId}`);
  await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
  await page.getByRole('button', { name: 'New session' }).click();
  await expect(dialog.getByLabel('Date')).not.toHaveValue(date);
  const next = await dialog.getByLabel('Date').inputValue();
  expect(next > date).toBe(true);
  expect((await slots()).has(`${next} ${time.slice(0, 5)}`)).toBe(false);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
