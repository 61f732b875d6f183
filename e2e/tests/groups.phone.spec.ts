import { DEFAULT_TIME_ZONE, localDate } from '@peerpath/contracts';
import { expect, type Locator, type Page, test, signIn } from './support';

const GROUP = 'SMART Recovery Tuesday Evening (demo)';

// A phone set to another zone than the clinic's: "today" and the rates still follow the clinic's clock.
test.use({ timezoneId: 'UTC' });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const content = document.querySelector('.shell-content');
    return Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      content ? content.scrollWidth - content.clientWidth : 0,
    );
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The peer opens their SMART group from the Groups screen. */
async function openGroup(page: Page): Promise<void> {
  await page.goto('/groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const card = page.getByTestId('group-card').filter({ hasText: GROUP });
  await expect(card).toContainText('You facilitate');
  await card.getByRole('link', { name: GROUP }).tap();
  await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
  await expect(page.getByTestId('roster-entry').first()).toBeVisible();
}

/** A new session today at `time`, straight into taking attendance. */
async function startSessionToday(page: Page, time: string): Promise<string> {
  await page.getByRole('button', { name: 'New session' }).tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Date')).toHaveValue(localDate(new Date(), DEFAULT_TIME_ZONE));
  await dialog.getByLabel('Start time').fill(time);
  await dialog.getByLabel('Minutes').fill('60');
  await dialog.getByLabel('Topic (optional)').fill(`Phone check-in ${time}`);
  await dialog.getByRole('button', { name: 'Create session' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Take attendance' })).toBeVisible();
  return new URL(page.url()).pathname.split('/')[2];
}

function row(page: Page, name: string): Locator {
  return page.getByTestId('attendance-row').filter({ hasText: name }).locator('button.row-button');
}

const CYCLE = ['Present', 'Late', 'Excused', 'Absent'];

/** Taps the row until it reads `status`, checking that each tap moves one step along the cycle. */
async function tapUntil(page: Page, name: string, status: string): Promise<void> {
  const label = (await row(page, name).getAttribute('aria-label')) ?? '';
  let current = label.slice(label.lastIndexOf(': ') + 2);
  for (let taps = 0; current !== status; taps++) {
    expect(taps).toBeLessThan(CYCLE.length);
    const next = CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length];
    await row(page, name).tap();
    await expect(row(page, name)).toHaveAttribute('aria-label', `${name}: ${next}`);
    current = next;
  }
}

async function fourWeekRate(page: Page): Promise<{ value: string; attended: number; sessions: number }> {
  const tile = page.getByTestId('rate-4-weeks');
  await expect(tile).toBeVisible();
  const value = (await tile.locator('.tile-value').innerText()).trim();
  const counts = /(\d+) of (\d+) session/.exec(await tile.innerText());
  return { value, attended: Number(counts?.[1] ?? 0), sessions: Number(counts?.[2] ?? 0) };
}

test('the facilitator takes attendance at the door and sees the client’s rate change', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  await openGroup(page);
  await expectNoSidewaysScroll(page);

  // One of the peer's own clients: shown in full, with a link to their page.
  const own = page.getByTestId('roster-entry').locator('a').first();
  const name = (await own.innerText()).trim();
  const clientPath = (await own.getAttribute('href')) ?? '';
  expect(clientPath).toMatch(/^\/clients\/[0-9a-f-]{36}$/);

  await own.tap();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const before = await fourWeekRate(page);
  // Present raises any rate below 100%; absent lowers a rate of 100%.
  const status = before.value === '100%' ? 'Absent' : 'Present';
  const expected = `${Math.round(((before.attended + (status === 'Present' ? 1 : 0)) / (before.sessions + 1)) * 100)}%`;
  expect(expected).not.toBe(before.value);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
  await startSessionToday(page, '07:10');
  await expectNoSidewaysScroll(page);

  // Big rows for a thumb, each with a status in words.
  const rows = page.getByTestId('attendance-row');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const box of await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(56);
  await expect(row(page, name)).toHaveAttribute('aria-label', `${name}: Not marked`);

  await page.getByRole('button', { name: 'Mark all present' }).tap();
  await expect(row(page, name)).toHaveAttribute('aria-label', `${name}: Present`);
  await row(page, name).tap();
  await expect(row(page, name)).toHaveAttribute('aria-label', `${name}: Late`);
  await tapUntil(page, name, status);

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && /\/api\/sessions\/[^/]+\/attendance$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Save attendance' }).tap();
  const response = await saved;
  expect(response.status()).toBe(200);
  const body = response.request().postDataJSON() as { clientId: string; status: string }[];
  expect(body.length).toBe(await rows.count());
  expect(body.find((i) => `/clients/${i.clientId}` === clientPath)?.status).toBe(status.toLowerCase());
  await expect(page.getByText(/Attendance saved: \d+ attended · \d+ H0038-HQ units?/)).toBeVisible();
  // Nothing left waiting in the phone's outbox (offline copies of the caseload may stay).
  const waiting = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('peerpath.attendance-draft.')),
  );
  expect(waiting).toEqual([]);

  // Back to the group, then the client's page: the 4-week rate counts today's session.
  await page.getByRole('link', { name: GROUP }).tap();
  await page.getByTestId('roster-entry').getByRole('link', { name }).tap();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const after = await fourWeekRate(page);
  expect(after.sessions).toBe(before.sessions + 1);
  expect(after.value).toBe(expected);
  await expect(page.getByTestId('rate-4-weeks')).not.toContainText(before.value);
  await expectNoSidewaysScroll(page);
});

test('a dropped connection puts the attendance in the outbox and it is recorded once', async ({ page }) => {
  await signIn(page, 'peer@demo.test');
  await openGroup(page);
  const sessionId = await startSessionToday(page, '07:40');
  await page.getByRole('button', { name: 'Mark all present' }).tap();

  // The server saves the first attempt, but its answer never reaches the phone.
  const keys: string[] = [];
  await page.route('**/api/sessions/*/attendance', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      await route.fetch();
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Save attendance' }).tap();
  await expect(
    page.getByText('No connection — the attendance is in your outbox and will send itself.'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Outbox: 1 unsent' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.locator('.item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Send now' }).tap();
  await expect(
    page.getByText('Nothing waiting: everything saved on this device has been sent.'),
  ).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const recorded = await page.request.get(`/api/sessions/${sessionId}/attendance`);
  const items = ((await recorded.json()) as { items: { status: string }[] }).items;
  expect(items.length).toBeGreaterThan(1);
  expect(items.every((i) => i.status === 'present')).toBe(true);
});
