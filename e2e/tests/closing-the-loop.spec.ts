import { expect, test, signIn } from './support';

const runId = Date.now().toString(36);
const RESOURCE = 'Harbor Light Shelter (demo)';

test('a peer sends a shared referral with a link; the recipient answers on a phone without an account; the peer’s home shows it', async ({
  page,
  browser,
}) => {
  // A whole loop through two browsers: more steps than one screen's test.
  test.slow();
  const first = `Loop${runId}`;
  const fullName = `${first} Example`;
  await signIn(page, 'peer@demo.test');

  // A new client, referred with information shared under a consent recorded in the flow.
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill('Example');
  await page.getByLabel('Date of birth').fill('1988-05-06');
  await page.getByLabel('Phone').fill('555-0142');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const clientUrl = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Refer', exact: true }).click();
  await page.getByLabel('Search the directory').fill('Harbor');
  await page.getByRole('button', { name: new RegExp(RESOURCE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByLabel('Note').fill(`Bed this week, calls after 2 pm ${runId}`);
  await page.getByRole('switch', { name: 'Share client information with the recipient' }).click();
  await page.getByRole('button', { name: 'Record consent' }).click();
  const consentDialog = page.getByRole('dialog');
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

  // The link: made on the referral's page, shown once.
  await page.getByTestId('client-referral').getByRole('link', { name: 'Link for the recipient' }).click();
  const panel = page.getByTestId('recipient-link-panel');
  await expect(panel).toContainText('No link made yet.');
  await panel.getByRole('button', { name: 'Make a link' }).click();
  const urlField = panel.getByTestId('recipient-link-url');
  await expect(urlField).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  const link = await urlField.inputValue();
  await expect(panel.getByTestId('recipient-link-state')).toContainText('Active');
  await panel.getByRole('button', { name: 'Show QR code' }).click();
  await expect(panel.getByRole('img', { name: `QR code of the link for ${RESOURCE}` })).toBeVisible();

  // The recipient: a phone, no session, no account.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const recipient = await phone.newPage();
  await recipient.goto(link);
  await expect(recipient.getByRole('heading', { level: 1, name: /^Referral from / })).toBeVisible();
  await expect(recipient.getByTestId('recipient-client')).toContainText(fullName);
  await expect(recipient.getByTestId('recipient-note')).toContainText(`calls after 2 pm ${runId}`);
  await expect(recipient.getByTestId('recipient-consent')).toContainText('Name, phone and housing need');
  await expect(recipient.getByTestId('recipient-notice')).toContainText(
    'protected by Federal confidentiality rules (42 CFR part 2)',
  );
  // Nothing wider than the phone: no sideways scrolling.
  expect(await recipient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await recipient.getByRole('radio', { name: 'We accepted this referral' }).check();
  await recipient.getByLabel('Short note (optional)').fill(`Intake Monday 10:00 ${runId}`);
  await recipient.getByRole('button', { name: 'Send answer' }).click();
  await expect(recipient.getByTestId('recipient-thanks')).toContainText('We accepted this referral');
  await expect(recipient.getByTestId('recipient-status')).toHaveText('Accepted by you');
  await phone.close();

  // The peer's home: the answer, one tap from the client's referrals.
  await page.goto('/');
  const answers = page.getByRole('region', { name: 'Recipient answers since you last looked' });
  const answer = answers.getByRole('link').filter({ hasText: fullName });
  await expect(answer).toContainText('Accepted');
  await expect(answer).toContainText(`Intake Monday 10:00 ${runId}`);
  await answer.click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByTestId('client-referral').first()).toContainText('Accepted');

  // Back on the referral: one opening (a disclosure) and the recipient's answer.
  await page.getByTestId('client-referral').getByRole('link', { name: 'Link for the recipient' }).click();
  await expect(panel.getByTestId('recipient-link-views')).toContainText('Once');
  await expect(panel.getByTestId('recipient-link-answers')).toContainText(`Intake Monday 10:00 ${runId}`);

  // Stopped by the peer, the link says only that it no longer works.
  await panel.getByRole('button', { name: 'Stop the link' }).click();
  await expect(panel.getByTestId('recipient-link-state')).toContainText('Stopped');
  const later = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const again = await later.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
  await expect(again.getByText(fullName)).toHaveCount(0);
  await later.close();
});
