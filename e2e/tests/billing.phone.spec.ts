import { expect, test, signIn } from './support';

/** Before saving, the phone log says in plain words whether a contact will bill and why not. */
test('a peer on a phone sees "Won\'t bill: text message" before saving a text contact', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  const row = page.getByTestId('caseload-row').first();
  const name = (await row.locator('.row-name').innerText()).trim();
  await row.locator('.row-link').tap();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Log contact' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Log contact' })).toBeVisible();

  const verdict = page.getByTestId('billing-verdict');
  await expect(verdict).toHaveText(/^Will bill/);
  await expect(page.getByText('H0038 units: 1')).toBeVisible();

  await page.getByRole('group', { name: 'How' }).getByRole('radio', { name: 'Text' }).tap();
  await expect(verdict).toHaveText("Won't bill: text message");
  await expect(page.getByText('H0038 units: 0')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Billable' })).not.toBeChecked();
  await expect(verdict).toBeInViewport();

  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/clients\/[^/]+\/contacts$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Save contact' }).tap();
  expect((await created).status()).toBe(201);
  // A text needs no note: it is signed at once, and counts no units.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const saved = page.getByTestId('contact-card').first();
  await expect(saved).toContainText('Text');
  await expect(saved).toContainText('H0038: 0 units');
  await expect(saved).toContainText('Signed');
});

test('a facilitator records a late arrival’s minutes at the door, and the group units follow', async ({
  page,
}) => {
  const group = 'SMART Recovery Tuesday Evening (demo)';
  await signIn(page, 'peer@demo.test');
  await page.goto('/groups');
  await page.getByTestId('group-card').filter({ hasText: group }).getByRole('link', { name: group }).tap();
  await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible();
  await page.getByRole('button', { name: 'New session' }).tap();
  const dialog = page.getByRole('dialog');
  // A start time of this run's own, so a second run against the same server is not a duplicate.
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  await dialog.getByLabel('Start time').fill(`0${3 + (now.getMinutes() % 3)}:${pad(now.getSeconds())}`);
  await dialog.getByLabel('Minutes').fill('60');
  await dialog.getByRole('button', { name: 'Create session' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Take attendance' })).toBeVisible();

  await page.getByRole('button', { name: 'Mark all present' }).tap();
  const rows = page.getByTestId('attendance-row');
  const count = await rows.count();
  await expect(page.locator('.units')).toHaveText(`H0038-HQ: ${count * 4} units`);
  const first = rows.first().locator('button.row-button');
  const label = (await first.getAttribute('aria-label')) ?? '';
  const name = label.slice(0, label.lastIndexOf(': '));
  await first.tap();
  await expect(first).toHaveAttribute('aria-label', `${name}: Late`);
  const minutes = page.getByRole('spinbutton', { name: `Minutes ${name} attended` });
  await expect(rows.first()).toContainText('needed to bill');
  await minutes.fill('30');
  await expect(page.locator('.units')).toHaveText(`H0038-HQ: ${(count - 1) * 4 + 2} units`);

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && /\/api\/sessions\/[^/]+\/attendance$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Save attendance' }).tap();
  const response = await saved;
  expect(response.status()).toBe(200);
  const body = response.request().postDataJSON() as { status: string; minutesAttended?: number }[];
  expect(body.filter((i) => i.status === 'late')).toEqual([
    expect.objectContaining({ status: 'late', minutesAttended: 30 }),
  ]);
  await expect(
    page.getByText(`Attendance saved: ${count} attended · ${(count - 1) * 4 + 2} H0038-HQ units`),
  ).toBeVisible();
});
