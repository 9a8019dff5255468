/**
 * A window without a project file (the e2e host runs with --no-project-file) says in the header
 * that its work lives only in the browser, and the tooltip says what that means and what to do.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './support/coding';

test('without a project file the header says the work is in this browser only', async ({ page }) => {
  await openApp(page);
  const status = page.getByText('Browser only', { exact: true });
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('title', /kept only in this browser’s storage.*Export a Project backup \(JSON\)/);
  await expect(page.getByText(/^Saved$/)).toHaveCount(0);
});
