import { expect, type Page, test, signIn } from './support';

const runId = Date.now().toString(36);
const RESOURCE = 'Harbor Light Shelter (demo)';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}

/** A new client on the peer's caseload: no referrals and no consents yet. */
async function newClient(page: Page, first: string): Promise<string> {
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill('Example');
  await page.getByLabel('Date of birth').fill('1988-05-06');
  await page.getByLabel('Phone').fill('555-0142');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first} Example` })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** One tap on a board card's next status, with a note in the dialog. */
async function moveOnBoard(page: Page, clientName: string, button: string, note: string): Promise<void> {
  const card = page.getByTestId('referral-card').filter({ hasText: clientName });
  await card.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note (optional)').fill(note);
  await dialog.getByRole('button', { name: `Mark ${button.toLowerCase()}` }).click();
  await expect(dialog).toHaveCount(0);
}

test('a peer refers without sharing and completes it, shares after recording a consent in the flow, and a clinician finds it', async ({
  page,
}) => {
  const first = `Referral${runId}`;
  const fullName = `${first} Example`;
  await signIn(page, 'peer@demo.test');
  const clientUrl = await newClient(page, first);

  // From a directory entry: pick the client, then refer without sharing.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resource directory' })).toBeVisible();
  await page.getByRole('option', { name: 'Housing', exact: true }).click();
  await page.getByLabel('Search resources').fill('Harbor Light');
  await page.getByRole('button', { name: `Refer a client to ${RESOURCE}` }).click();
  const picker = page.getByRole('dialog');
  await picker.getByLabel('Search your clients').fill(first);
  await picker.getByRole('button', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Refer ${fullName}` })).toBeVisible();
  await expect(page.getByTestId('chosen-resource')).toContainText(RESOURCE);
  await expect(page.getByRole('combobox', { name: 'Need' })).toContainText('Housing');
  await page.getByLabel('Note').fill(`Shelter bed, nothing shared ${runId}`);
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page).toHaveURL(new RegExp(`${clientUrl}#referrals$`));
  const history = page.getByTestId('client-referral');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('Sent');

  // My open referrals: one tap per move, each with a note, until it leaves the board as completed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My open referrals' })).toBeVisible();
  const card = page.getByTestId('referral-card').filter({ hasText: fullName });
  await expect(card).toHaveAttribute('data-status', 'sent');
  await expect(card.getByRole('button')).toHaveText([
    'Accepted',
    'Waitlisted',
    'Declined',
    'Unable to contact',
    'No capacity',
    'Cancel',
  ]);
  await moveOnBoard(page, fullName, 'Accepted', 'Intake booked (fake)');
  await expect(card).toHaveAttribute('data-status', 'accepted');
  await expect(card.getByRole('button')).toHaveText(['Completed', 'No-show', 'Cancel']);
  await moveOnBoard(page, fullName, 'Completed', 'Has a bed (fake)');
  await expect(card).toHaveCount(0);

  await page.goto(clientUrl);
  await expect(history.first()).toContainText('Completed');
  await history.first().getByText('History (4)').click();
  await expect(history.first()).toContainText('Has a bed (fake)');

  // Refer again, sharing information: no consent covers the recipient, the server refuses, a consent is recorded, then it goes.
  await page.getByRole('link', { name: 'Refer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Refer ${fullName}` })).toBeVisible();
  await page.getByLabel('Search the directory').fill('Harbor');
  await page.getByRole('button', { name: new RegExp(RESOURCE.replace(/[()]/g, '\\$&')) }).click();
  await expect(page.getByTestId('chosen-resource')).toContainText(RESOURCE);
  await page.getByLabel('Note').fill(`Shelter bed, shared ${runId}`);
  await page.getByRole('switch', { name: 'Share client information with the recipient' }).click();
  await expect(page.getByTestId('consent-coverage')).toContainText('No consent covers this recipient');
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('alert')).toContainText('no consent in force covers this recipient');
  await expect(page).toHaveURL(/\/refer/);
  await page.getByRole('button', { name: 'Record consent' }).click();
  const consentDialog = page.getByRole('dialog');
  await expect(consentDialog.getByRole('heading', { name: 'Record consent' })).toBeVisible();
  await expect(consentDialog.getByRole('combobox', { name: 'Recipient resource' })).toContainText(RESOURCE);
  await expect(consentDialog.getByLabel('Purpose of the disclosure')).toHaveValue(/housing/i);
  await consentDialog
    .getByLabel('Information that may be disclosed (how much and what kind)')
    .fill('Name, phone and housing need');
  await consentDialog.getByLabel('Expires on').fill('2099-12-31');
  await consentDialog.getByRole('checkbox', { name: /signed this consent/ }).check();
  await consentDialog.getByRole('button', { name: 'Save consent' }).click();
  await expect(consentDialog).toHaveCount(0);
  await expect(page.getByTestId('consent-coverage')).toContainText('Covered by consent signed');
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page).toHaveURL(new RegExp(`${clientUrl}#referrals$`));
  await expect(history).toHaveCount(2);
  const shared = history.filter({ hasText: 'Information shared' });
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText('Sent');
  await expect(page.getByTestId('consent').filter({ hasText: RESOURCE })).toContainText('In force');
  await expect(page.getByTestId('disclosure')).toHaveCount(1);
  await expect(page.getByTestId('disclosure')).toContainText('Harbor Light');
  await signOut(page);

  // A clinician finds both referrals in the program history, filtered by need, and in the CSV export.
  await signIn(page, 'clinician@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral history' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Need' }).click();
  await page.getByRole('option', { name: 'Housing', exact: true }).click();
  await page.getByRole('combobox', { name: 'Resource' }).click();
  await page.getByRole('option', { name: RESOURCE }).click();
  const rows = page.getByTestId('history-row').filter({ hasText: fullName });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Completed' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'information shared' })).toHaveCount(1);
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute('href', /need=housing/);
  const csv = await page.request.get((await exportLink.getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n').filter((line) => line.includes(fullName))).toHaveLength(2);
});

test('the printable summary of a shared referral carries the redisclosure notice; one that shares nothing does not', async ({
  page,
}) => {
  await signIn(page, 'peer@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await page.getByRole('radio', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral history' })).toBeVisible();

  const sharedRow = page.getByTestId('history-row').filter({ hasText: 'information shared' }).first();
  await sharedRow.getByRole('link', { name: /^Summary of/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral summary' })).toBeVisible();
  const notice = page.getByRole('heading', { name: 'Notice of prohibition on redisclosure' });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('redisclosure-notice')).toContainText(
    'protected by Federal confidentiality rules (42 CFR part 2)',
  );
  await expect(page.getByTestId('redisclosure-notice')).toContainText(
    'A general authorization for the release of medical or other information is NOT sufficient',
  );
  // Printed, the app's toolbar and navigation disappear and the notice stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(notice).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goBack();
  await page.getByRole('radio', { name: 'History' }).click();
  const plainRow = page.getByTestId('history-row').filter({ hasNotText: 'information shared' }).first();
  await plainRow.getByRole('link', { name: /^Summary of/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral summary' })).toBeVisible();
  await expect(page.getByText('No client information is shared with the recipient.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notice of prohibition on redisclosure' })).toHaveCount(0);
});
