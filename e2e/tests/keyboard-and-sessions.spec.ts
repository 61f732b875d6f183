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
