/** Export settings (format with its CSV shape, BOM, Excel-safe) are found again at the next use of the app. */
import { expect, test } from '@playwright/test';
import { openApp } from './support/coding';
import { openExport } from './support/exchange';

test('the export format, BOM and Excel-safe choices are remembered after a reload', async ({ page }) => {
  await openApp(page);
  let dialog = await openExport(page);
  await dialog.getByRole('radio', { name: 'CSV, one row per segment (0/1 code columns)' }).check();
  await dialog.getByRole('checkbox', { name: 'UTF-8 BOM (for Excel)' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Protect against spreadsheet formulas' }).uncheck();
  await dialog.getByRole('button', { name: 'Close Export' }).click();

  await page.reload();
  await openApp(page);
  dialog = await openExport(page);
  await expect(dialog.getByRole('radio', { name: 'CSV, one row per segment (0/1 code columns)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'UTF-8 BOM (for Excel)' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Protect against spreadsheet formulas' })).not.toBeChecked();
});
