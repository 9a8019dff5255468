/**
 * Code all hits starts with no code chosen: a bulk action of hundreds of codings must not default
 * to the codebook's first code. The button says why it is disabled until the analyst picks one.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './support/coding';
import { searchView } from './support/search';


test('Code all hits has no code until one is picked, and says so on its disabled button', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+Shift+F');
  await searchView(page).getByRole('searchbox', { name: 'Search for' }).fill('foreign terrorist fighters');
  await searchView(page).getByText('Code all hits', { exact: true }).click();

  const code = searchView(page).getByRole('combobox', { name: 'Code to apply' });
  await expect(code.locator('option:checked')).toHaveText('Choose a code…');
  const button = searchView(page).getByRole('button', { name: /^Code \d+ hits$/ });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription('Choose the code to apply first.');

  await code.selectOption({ label: 'FTF' });
  await expect(button).toBeEnabled();
  await expect(searchView(page).getByText(/^Will make \d+ codings? in \d+ documents?/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
