import { expect, type Page, test, signIn } from './support';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

test('the manager filters the audit log by typing a staff member’s and a client’s name and sees names in the rows', async ({
  page,
}) => {
  // The peer opens one of their clients: an audit event naming that staff member and client.
  await signIn(page, 'peer@demo.test');
  const row = page.getByTestId('caseload-row').first();
  await expect(row).toBeVisible();
  const clientName = (await row.locator('.row-name').innerText()).trim();
  const clientId = ((await row.locator('.row-link').getAttribute('href')) ?? '').split('/').pop() ?? '';
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  await row.locator('.row-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(clientName.split(' ')[0]);
  await signOut(page);

  await signIn(page, 'manager@demo.test');
  const auditRequests: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/audit-events') auditRequests.push(url);
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();

  const staffField = page.getByRole('combobox', { name: 'Staff member', exact: true });
  await staffField.fill('pat pe');
  await page.getByRole('option', { name: /Pat Peer \(demo\)/ }).click();
  await expect(staffField).toHaveValue('Pat Peer (demo)');

  const clientField = page.getByRole('combobox', { name: 'Client', exact: true });
  await clientField.fill(clientName.split(' ')[0]);
  await page.getByRole('option', { name: clientName }).first().click();
  await expect(clientField).toHaveValue(clientName);

  await page.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page
    .getByRole('region', { name: 'Audit events' })
    .getByRole('row')
    .filter({ hasText: 'client.read' });
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('Pat Peer (demo)');
  await expect(rows.first()).toContainText(clientName);
  // The ids stay at hand for auditors, beneath the names.
  await expect(rows.first()).toContainText(clientId);
  for (const text of await page
    .getByRole('region', { name: 'Audit events' })
    .getByRole('row')
    .allInnerTexts())
    if (!/^When/.test(text)) expect(text).toContain('Pat Peer (demo)');

  // Only ids went to the server.
  const filtered = auditRequests.filter((url) => url.searchParams.has('actorId'));
  expect(filtered.length).toBeGreaterThan(0);
  const last = filtered[filtered.length - 1];
  expect(last.searchParams.get('clientId')).toBe(clientId);
  expect(last.searchParams.get('actorId')).toMatch(/^[0-9a-f-]{36}$/);
  expect(decodeURIComponent(last.search)).not.toContain(clientName.split(' ')[0]);
  expect(decodeURIComponent(last.search)).not.toMatch(/Pat/);
});
