import { BARC10_ITEMS, BARC10_SCALE } from '@peerpath/contracts';
import { expect, type Page, test, signIn } from './support';

const runId = Date.now().toString(36);

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

test('a peer adds a goal, marks it achieved and records a BARC-10; a clinician only reads', async ({
  page,
}) => {
  const description = `Find a sponsor ${runId}`;
  const answers = [5, 4, 3, 6, 2, 5, 4, 6, 3, 5]; // 43 of 60

  await signIn(page, 'peer@demo.test');
  const row = page.getByTestId('caseload-row').first();
  const name = (await row.locator('.row-name').innerText()).trim();
  await row.locator('.row-link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const clientUrl = new URL(page.url()).pathname;
  const recovery = page.getByRole('region', { name: 'Recovery' });
  await expect(recovery).toBeVisible();

  // Add a goal.
  await recovery.getByRole('button', { name: 'Add goal' }).click();
  const goalDialog = page.getByRole('dialog', { name: 'Add goal' });
  await goalDialog.getByRole('combobox', { name: 'Recovery domain' }).click();
  await page.getByRole('option', { name: 'Family & social' }).click();
  await goalDialog.getByLabel('Goal').fill(description);
  await goalDialog.getByLabel('Target date (optional)').fill('2027-01-15');
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/goals'));
  await goalDialog.getByRole('button', { name: 'Add goal' }).click();
  expect((await created).status()).toBe(201);
  await expect(goalDialog).toHaveCount(0);

  const goal = recovery.getByTestId('goal').filter({ hasText: description });
  await expect(recovery.getByRole('list', { name: 'Active goals' })).toContainText(description);
  await expect(goal).toContainText('Family & social');
  await expect(goal).toContainText('Target 15 Jan 2027');

  // A progress note, then achieved.
  await goal.getByRole('button', { name: 'Add progress note' }).click();
  const noteDialog = page.getByRole('dialog', { name: 'Add progress note' });
  await noteDialog.getByLabel('Progress note').fill('Went to two meetings with a possible sponsor.');
  await noteDialog.getByRole('button', { name: 'Add note' }).click();
  await expect(noteDialog).toHaveCount(0);
  await expect(goal).toContainText('Went to two meetings with a possible sponsor.');

  await goal.getByRole('button', { name: 'Mark achieved' }).click();
  await expect(recovery.getByRole('list', { name: 'Achieved goals' })).toContainText(description);
  await expect(goal).toContainText('Achieved');
  await expect(goal.getByRole('button', { name: 'Mark achieved' })).toHaveCount(0);

  // Record a BARC-10 with known answers.
  await recovery.getByRole('button', { name: 'Record BARC-10' }).click();
  const barc = page.getByRole('dialog', { name: 'Record BARC-10' });
  for (const [i, statement] of BARC10_ITEMS.entries()) {
    const group = barc.getByRole('radiogroup', { name: statement });
    await group.getByRole('radio', { name: `${answers[i]} ${BARC10_SCALE[answers[i] - 1]}` }).click();
  }
  await expect(barc.getByTestId('barc10-live-total')).toContainText('Total 43 of 60');
  await expect(barc.getByTestId('barc10-live-total')).toContainText('10 of 10 answered');
  const recorded = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/assessments'),
  );
  await barc.getByRole('button', { name: 'Save BARC-10' }).click();
  const response = await recorded;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toEqual({ instrument: 'barc10', items: answers });
  await expect(barc).toHaveCount(0);
  await expect(recovery.getByTestId('barc10-latest')).toContainText('43 of 60');
  await expect(recovery.getByRole('list', { name: 'BARC-10 history, newest first' })).toContainText(
    '43 of 60',
  );
  await signOut(page);

  // A clinician of the program sees the goal but may not change anything.
  await signIn(page, 'clinician@demo.test');
  await page.goto(clientUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const seen = page.getByRole('region', { name: 'Recovery' });
  await expect(seen.getByRole('list', { name: 'Achieved goals' })).toContainText(description);
  await expect(seen.getByTestId('barc10-latest')).toContainText('43 of 60');
  for (const control of ['Add goal', 'Add progress note', 'Mark achieved', 'Pause', 'Record BARC-10']) {
    await expect(seen.getByRole('button', { name: control })).toHaveCount(0);
  }
});
