import { expect, test, signIn } from './support';

test('a peer signs in on a 390 px wide phone and the page fits the screen', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: /menu/i }).click();
  await expect(page.getByRole('link', { name: 'My caseload' })).toBeVisible();
});
