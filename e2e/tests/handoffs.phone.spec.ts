import { expect, type Page, test, signIn } from './support';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // The page scrolls inside the shell's content box, so check that box as well as the document.
  const overflow = await page.evaluate(() => {
    const content = document.querySelector('.shell-content');
    return Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      content ? content.scrollWidth - content.clientWidth : 0,
    );
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe.configure({ timeout: 60_000 });

test('on a phone a peer claims a handoff and logs a missed call without sideways scrolling', async ({
  page,
}) => {
  await signIn(page, 'peer@demo.test');
  await page.goto('/handoffs');
  await expect(page.getByRole('heading', { level: 1, name: 'Incoming handoffs' })).toBeVisible();
  const card = page.locator('li.handoff').filter({ hasText: 'Sample Handoffthree' });
  await expect(card).toContainText('since receipt');
  await expect(card.getByRole('link', { name: '555-0152' })).toHaveAttribute('href', 'tel:555-0152');
  await expectNoSidewaysScroll(page);

  await card.getByRole('button', { name: 'Claim' }).click();
  await expect(card.getByRole('link', { name: 'Start intake' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await card.getByRole('button', { name: 'Log attempt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'No answer' }).click();
  await expect(dialog.getByRole('button', { name: 'Log attempt' })).toBeInViewport();
  await dialog.getByRole('button', { name: 'Log attempt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card).toContainText('Not reached');
  await expectNoSidewaysScroll(page);
});
