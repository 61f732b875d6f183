import { expect, type Locator, type Page, test, DEMO_PASSWORD, signIn } from './support';

const runId = Date.now().toString(36);
const CHARTS = ['chart-caseloads', 'chart-contacts', 'chart-referrals', 'chart-attendance'];

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
}

/** The address of one of the peer's own clients, read from their caseload. */
async function clientOfPeer(
  page: Page,
  pick: (rows: Locator) => Locator,
): Promise<{ href: string; name: string }> {
  await signIn(page, 'peer@demo.test');
  const row = pick(page.getByTestId('caseload-row'));
  await expect(row).toBeVisible();
  const name = (await row.locator('.row-name').innerText()).trim();
  const href = (await row.locator('.row-link').getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/clients\/[0-9a-f-]{36}$/);
  return { href, name };
}

/** Pixels Chart.js has painted on a canvas (0 for a blank one). */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; data && i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });
}

/** A state-changing API call from the signed-in page, with the XSRF header the server asks for. */
async function apiPost(page: Page, url: string, data: unknown) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return page.request.post(url, { data, headers: { 'X-XSRF-TOKEN': xsrf } });
}

test('the manager sees the charts, drills into a peer and a client, and reviews a contact the peer then sees', async ({
  page,
}) => {
  // Two people's sessions, the charts and a review in one story: 31–51 s on a busy 2-core machine.
  test.slow();
  // The peer signs a long contact: over 120 minutes, so it is queued for review.
  const { href, name } = await clientOfPeer(page, (rows) => rows.first());
  const clientId = href.split('/').pop() ?? '';
  const created = await apiPost(page, `/api/clients/${clientId}/contacts`, {
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    durationMinutes: 150,
    modality: 'in_person',
    contactType: 'transportation',
    successful: true,
    note: `E2E long ride ${runId}`,
    sign: true,
  });
  expect(created.status()).toBe(201);
  const contactId = ((await created.json()) as { id: string }).id;
  await signOut(page);

  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Program overview' })).toBeVisible();
  for (const id of CHARTS) {
    const canvas = page.getByTestId(id);
    await expect(canvas).toBeVisible();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    await expect.poll(() => paintedPixels(canvas), { message: `${id} is drawn` }).toBeGreaterThan(500);
  }
  // The charts carry the report's figures: every peer by name, with numbers.
  await expect(page.getByTestId('chart-caseloads')).toHaveAttribute(
    'aria-label',
    /Pat Peer: \d+ active of \d+/,
  );
  await expect(page.getByTestId('chart-caseloads')).toHaveAttribute(
    'aria-label',
    /Robin Peer: \d+ active of \d+/,
  );
  await expect(page.getByTestId('chart-contacts')).toHaveAttribute('aria-label', /Pat Peer: (\d+, ){11}\d+/);
  await expect(page.getByTestId('peer-row')).toHaveCount(2);
  await expect(page.getByTestId('export-csv')).toHaveAttribute(
    'href',
    /\/api\/reports\/caseloads\.csv\?from=/,
  );
  const csv = await page.request.get((await page.getByTestId('export-csv').getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toContain('peerName,activeClients');

  // Drill down: peer → caseload → client.
  await page.getByTestId('peer-row').filter({ hasText: 'Pat Peer' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Pat Peer \(demo\) — caseload/ })).toBeVisible();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Review the long contact.
  await nav(page, 'Documentation review').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation review' })).toBeVisible();
  const queued = page.locator(`[data-testid="queue-item"][data-contact-id="${contactId}"]`);
  await expect(queued).toContainText('Over 120 minutes');
  await expect(page.getByTestId('coverage-row').first()).toContainText('%');
  await queued.getByRole('button', { name: /Review/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('contact-card')).toContainText(`E2E long ride ${runId}`);
  const comment = `Clear and complete (e2e ${runId}).`;
  await dialog.getByLabel(/Comment for/).fill(comment);
  const reviewed = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contactId}/review`));
  await dialog.getByRole('button', { name: 'Mark reviewed' }).click();
  expect((await reviewed).status()).toBe(201);
  await expect(queued).toHaveCount(0);
  await signOut(page);

  // The peer sees the review on their contact.
  await signIn(page, 'peer@demo.test');
  await page.goto(href);
  const card = page.locator(`[data-testid="contact-card"][data-contact-id="${contactId}"]`);
  await expect(card.getByTestId('contact-review')).toContainText(
    `Reviewed by Morgan Manager (demo): ${comment}`,
  );
});

test('a clinician writes a note: the manager sees it without its body, a peer does not see it at all', async ({
  page,
}) => {
  const { href, name } = await clientOfPeer(page, (rows) => rows.nth(1));
  await signOut(page);
  const body = `E2E clinical body ${runId}: cravings down, plan kept (fake).`;

  await signIn(page, 'clinician@demo.test');
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'New clinical note' }).click();
  await page.getByRole('textbox', { name: 'Note text' }).fill(body);
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(`/api${href}/clinical-notes`),
  );
  await page.getByRole('button', { name: 'Save and sign' }).click();
  expect((await saved).status()).toBe(201);
  const mine = page.getByTestId('clinical-note').filter({ hasText: body });
  await expect(mine).toContainText('Progress note');
  await expect(mine).toContainText('Signed');
  await signOut(page);

  await signIn(page, 'manager@demo.test');
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const section = page.getByTestId('clinical-notes');
  await expect(section).toContainText('Body visible to clinicians only');
  await expect(section.getByTestId('clinical-note').first()).toContainText('Casey Clinician');
  await expect(page.getByText(body)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New clinical note' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'peer@demo.test');
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('clinical-notes')) asked.push(r.url());
  });
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('contact-card').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clinical notes' })).toHaveCount(0);
  await expect(page.getByText(body)).toHaveCount(0);
  expect(asked).toEqual([]);
  expect((await page.request.get(`/api${href}/clinical-notes`)).status()).toBe(403);
});

test('peer2 breaks the glass on a client of peer: read-only, with the banner, then reviewed by the manager', async ({
  page,
}) => {
  const { href, name } = await clientOfPeer(page, (rows) => rows.last());
  await signOut(page);

  await signIn(page, 'peer2@demo.test');
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await page.getByRole('button', { name: 'Emergency access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Emergency access' });
  const reason = `Client in crisis at the front desk (e2e ${runId})`;
  await dialog.getByLabel('Reason').fill('Crisis');
  await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Open with emergency access' }).click();
  await expect(dialog.getByText('Give a reason of at least 10 characters.')).toBeVisible();
  await dialog.getByLabel('Reason').fill(reason);
  const granted = page.waitForResponse((r) => r.url().endsWith(`/api${href}/emergency-access`));
  await dialog.getByRole('button', { name: 'Open with emergency access' }).click();
  expect((await granted).status()).toBe(201);

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('emergency-banner')).toContainText(
    /Emergency access — ends at \d{2}:\d{2}; every view is recorded\./,
  );
  await expect(page.getByTestId('contact-card').first()).toBeVisible();
  for (const control of ['Log contact', 'Edit profile', 'Add addendum', 'Sign']) {
    await expect(page.getByRole('button', { name: control, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: control, exact: true })).toHaveCount(0);
  }
  // A reload keeps the banner: the web asks the server for the live grants.
  await page.reload();
  await expect(page.getByTestId('emergency-banner')).toBeVisible();
  await signOut(page);

  await signIn(page, 'manager@demo.test');
  await nav(page, 'Documentation review').click();
  const grant = page.getByTestId('grant').filter({ hasText: reason });
  await expect(grant).toContainText(`Robin Peer (demo) opened ${name}`);
  await grant.getByRole('button', { name: 'Mark reviewed' }).click();
  await page.getByRole('dialog').getByLabel('Review comment (optional)').fill('Appropriate (e2e).');
  await page.getByRole('dialog').getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(grant).toHaveCount(0);

  await nav(page, 'Audit log').click();
  await expect(
    page
      .getByTestId('audit-highlight')
      .filter({ hasText: 'Emergency access' })
      .filter({ hasText: 'Robin Peer' }),
  ).toBeVisible();
});
