import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };
export type { Locator, Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'peerpath-demo-2026';

/**
 * Settled: a page heading is there, nothing is still loading, no dialog is open (a modal hides
 * the page behind it from assistive technology, so axe would judge the page headless) and no snack
 * bar is mid-announcement.
 */
function settled(): boolean {
  return (
    !!document.querySelector('h1') &&
    !document.querySelector(
      'mat-progress-bar, .pp-progress, mat-spinner, mat-progress-spinner, .app-loading',
    ) &&
    !document.querySelector('mat-dialog-container, [role="dialog"], [role="alertdialog"]') &&
    // A snack bar keeps its message aria-hidden until it has moved it into its live region.
    !document.querySelector('.mat-mdc-snack-bar-label > [aria-hidden="true"] *')
  );
}

/**
 * Every test runs axe-core on each distinct screen (URL path) its page settles on — after each
 * navigation and once more at the end — and fails with the violations found, at both viewports.
 */
export const test = base.extend<{ accessibility: void }>({
  accessibility: [
    async ({ page }, use) => {
      const checked = new Set<string>();
      const violations: string[] = [];
      const pathOf = () => new URL(page.url()).pathname;

      const check = async (path: string): Promise<void> => {
        if (checked.has(path) || page.isClosed()) return;
        await page.waitForFunction(settled, undefined, { timeout: 15_000 }).catch(() => undefined);
        // Moved on before settling: the next screen gets its own check.
        if (page.isClosed() || pathOf() !== path || checked.has(path)) return;
        checked.add(path);
        try {
          // A snack bar opened while axe loads holds its message (and action) aria-hidden for the
          // 150 ms before Material moves it into its live region; axe checks it once it is there.
          // Legacy mode runs axe inside the page: the default opens and closes a blank page of its
          // own in the test's context, and a context.setOffline() meeting that page closing fails.
          const results = await new AxeBuilder({ page })
            .setLegacyMode(true)
            .exclude('.mat-mdc-snack-bar-label > [aria-hidden="true"]')
            .analyze();
          // The app moved on (or re-rendered) while axe ran: its findings mix two screens.
          if (pathOf() !== path || !(await page.evaluate(settled).catch(() => false))) {
            checked.delete(path);
            return;
          }
          for (const v of results.violations)
            violations.push(
              `${path} — ${v.id} (${v.impact}): ${v.help}\n` +
                v.nodes
                  .map((n) => `    ${n.target.join(' ')} ${n.html.slice(0, 300)}: ${n.failureSummary ?? ''}`)
                  .join('\n'),
            );
        } catch (error) {
          // The page navigated while axe ran (a new document no longer holds the injected axe):
          // the screen it lands on is checked in turn.
          const navigated =
            /context was destroyed|navigat|Target .*closed|axe is not defined|reading '(runPartial|utils|run|configure|finishRun)'/i;
          if (!page.isClosed() && !navigated.test(String(error))) throw error;
          checked.delete(path);
        }
      };

      let queue = Promise.resolve();
      const onNavigated = (frame: import('@playwright/test').Frame) => {
        if (frame !== page.mainFrame() || !/^https?:/.test(frame.url())) return;
        const path = new URL(frame.url()).pathname;
        queue = queue.then(() => check(path));
      };
      page.on('framenavigated', onNavigated);

      await use();

      page.off('framenavigated', onNavigated);
      await queue;
      if (!page.isClosed() && /^https?:/.test(page.url())) await check(pathOf());
      expect(violations, `axe-core found accessibility violations:\n${violations.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The password hash is deliberately slow (argon2id); on a busy machine it takes seconds.
  await expect(page).not.toHaveURL(/sign-in/, { timeout: 30_000 });
}
