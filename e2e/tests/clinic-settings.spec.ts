import { expect, test, signIn } from './support';

// The Other Clinic's settings: the demo clinic's clock stays as the other browser tests expect it.
test("an admin sets the clinic's time zone and billing cap, and they stay set", async ({ page }) => {
  await signIn(page, 'admin@other.test');
  await page.getByRole('link', { name: 'Clinic settings' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic settings' })).toBeVisible();
  await expect(page.getByLabel('Time zone')).toContainText('America/New_York');

  await page.getByLabel('Time zone').click();
  await page.getByRole('option', { name: 'Pacific/Kiritimati' }).click();
  await page.getByLabel('Most units per client per day').fill('12');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Time zone')).toContainText('Pacific/Kiritimati');
  await expect(page.getByLabel('Most units per client per day')).toHaveValue('12');
});

test('a peer has no clinic settings to change', async ({ page }) => {
  await signIn(page, 'peer@other.test');
  await expect(page.getByRole('link', { name: 'Clinic settings' })).toHaveCount(0);
  await page.goto('/clinic');
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic settings' })).toHaveCount(0);
});
