import { expect, test, signIn } from './support';

test('the admin creates a peer account; at first sign-in the peer must choose their own password', async ({
  page,
  browser,
}) => {
  const email = `new.peer.${Date.now()}@demo.test`;
  const password = 'meadow-copper-lantern-42';
  await signIn(page, 'admin@demo.test');
  await page.getByRole('link', { name: 'Staff' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Staff/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByLabel('Name').fill('Taylor Newpeer (demo)');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Peer specialist' }).click();
  await page.getByLabel('Programs').click();
  await page.getByRole('option', { name: 'Recovery Support Services' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^(Save|Create)/ }).click();
  await expect(page.getByText(email)).toBeVisible();

  const context = await browser.newContext();
  const peerPage = await context.newPage();
  await signIn(peerPage, email, password);
  await expect(peerPage.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible();
  await expect(peerPage).toHaveURL(/\/change-password$/);
  await peerPage.getByLabel('Current password').fill(password);
  await peerPage.getByLabel('New password').fill('harbor-juniper-canvas-58');
  await peerPage.getByRole('button', { name: 'Save password' }).click();
  // Checking the old password and hashing the new one (argon2id) takes seconds on a busy machine.
  await expect(peerPage.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible({
    timeout: 30_000,
  });
  await context.close();
});
