import { readFile } from 'node:fs/promises';
import { expect, test, signIn } from './support';

const CSV_HEADER =
  'serviceDate,clientId,clientName,renderingPeerId,renderingPeerName,hcpcs,modifiers,placeOfService,minutes,units,ready,problems,contactIds,sessionId';

/**
 * The demo has lines a biller must chase: Robin's certification lapsed ten days ago, and one
 * client of each peer has no Medicaid id on file.
 */
test('a manager sees the claim lines that are not ready, with reasons, and downloads the CSV', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Claim lines' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claim lines' })).toBeVisible();
  const summary = page.getByRole('status').filter({ hasText: 'not ready' });
  await expect(summary).toHaveText(/\b[1-9]\d* lines · [1-9]\d* not ready · \d+ units ready to bill/);
  const [, total, notReady] = /^(\d+) lines · (\d+) not ready/.exec(
    (await summary.innerText()).trim(),
  ) as RegExpExecArray;

  await page.getByRole('radio', { name: /^Not ready/ }).click();
  const shown = page.getByTestId('claim-line');
  await expect(shown).toHaveCount(Number(notReady));
  await expect(shown.locator('.status')).toHaveText(Array(Number(notReady)).fill('Not ready'));
  await expect(shown.filter({ hasText: 'Client has no Medicaid id' }).first()).toBeVisible();
  const lapsed = shown.filter({ hasText: 'Peer credential missing or expired on the date of service' });
  await expect(lapsed.first()).toContainText('Robin Peer (demo)');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('claim-lines-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('claim-lines.csv');
  const [header, ...rows] = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  expect(header).toBe(CSV_HEADER);
  expect(rows).toHaveLength(Number(total));
  const cells = rows.map((r) => r.split(','));
  const ready = header.split(',').indexOf('ready');
  const problems = header.split(',').indexOf('problems');
  expect(cells.filter((c) => c[ready] === 'false')).toHaveLength(Number(notReady));
  expect(cells.some((c) => c[problems].split(' ').includes('medicaid-id'))).toBe(true);
  expect(cells.some((c) => c[problems].split(' ').includes('credential'))).toBe(true);
  expect(cells.every((c) => c[5] === 'H0038')).toBe(true);
});
