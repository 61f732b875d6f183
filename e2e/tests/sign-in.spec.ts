import { expect, test, signIn } from './support';

const HOMES: [string, string][] = [
  ['admin@demo.test', 'Clinic administration'],
  ['manager@demo.test', 'Program overview'],
  ['clinician@demo.test', 'Program clients'],
  ['peer@demo.test', 'My caseload'],
];

for (const [email, heading] of HOMES) {
  test(`${email} signs in and sees their own home`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('Demo Recovery Clinic').first()).toBeVisible();
  });
}

test('shows only what the role may use in the navigation', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('link', { name: 'My caseload' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caseload assignment' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Programs' })).toHaveCount(0);
});

test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('peer@demo.test');
  await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The email or password is not right.')).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/sign-in/);
});

test('signing out returns to the sign-in page and the session is gone', async ({ page }) => {
  await signIn(page, 'manager@demo.test');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
