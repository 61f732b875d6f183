import { expect, test, signIn } from './support';

const runId = Date.now().toString(36);

test('a manager creates a group and adds a client to its roster', async ({ page }) => {
  const name = `Women’s circle ${runId}`;
  await signIn(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Groups', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await expect(
    page.getByTestId('group-card').filter({ hasText: 'SMART Recovery Tuesday Evening (demo)' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Peer-led' }).click();
  await dialog.getByRole('combobox', { name: /^Facilitator/ }).click();
  await page.getByRole('option', { name: /Pat Peer/ }).click();
  await dialog.getByLabel('Schedule').fill('Wednesdays 17:30–18:30');
  await dialog.getByLabel('Location (optional)').fill('Room 4');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/groups'),
  );
  await dialog.getByRole('button', { name: 'Create group' }).click();
  expect((await created).status()).toBe(201);

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Wednesdays 17:30–18:30')).toBeVisible();
  await expect(page.getByText('Pat Peer (demo)')).toBeVisible();
  await expect(page.getByText('Nobody is on the roster yet.')).toBeVisible();

  // Any active client of the program: the manager searches by first name.
  const clients = (await (await page.request.get('/api/clients?status=active&limit=5')).json()) as {
    items: { id: string; firstName: string; lastName: string; preferredName: string | null }[];
  };
  const client = clients.items[0];
  const shown = `${client.preferredName?.trim() || client.firstName} ${client.lastName}`;
  await page.getByLabel('Add a client to the roster').fill(client.firstName);
  const add = page.getByRole('button', { name: `Add ${shown}` });
  await add.click();
  const entry = page.getByTestId('roster-entry').filter({ hasText: shown });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole('link', { name: shown })).toHaveAttribute('href', `/clients/${client.id}`);
  await expect(page.getByText('1 member', { exact: true })).toBeVisible();

  // The group lists the new member for everyone in the program.
  await page.getByRole('link', { name: 'Groups', exact: true }).first().click();
  await expect(page.getByTestId('group-card').filter({ hasText: name })).toContainText('1 member');
});
