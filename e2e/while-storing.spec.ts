/**
 * What the analyst does while a coding is still being stored is never lost (issues 13 and 19:
 * "a quick sequence of actions never loses one"). The store's writes are held on purpose
 * (support/heldStore.ts) — a busy machine holds them by chance — so each test is repeatable.
 */
import { expect, test } from '@playwright/test';
import { codeOption, codeRow, codebook, codingPopup, expectCount, highlightedTexts, openApp } from './support/coding';
import { FIRST, SECOND, codeNames } from './support/exchange';
import { holdStoreWrites } from './support/heldStore';
import { dragSelect } from './support/text';

test('the next, overlapping passage can be selected and coded while the first coding is stored', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  const release = await holdStoreWrites(page);
  await codeOption(page, 'FTF').click();
  // FIRST is still selected (its popup open) and SECOND starts inside it: a press there starts a new selection.
  await dragSelect(page, SECOND, SECOND);
  await release();
  await codeOption(page, 'Stabilization').click();
  await expect.poll(() => highlightedTexts(page)).toEqual([SECOND, FIRST].sort());
  await expectCount(page, 'FTF', 1);
  await expectCount(page, 'Stabilization', 1);
});

test('typing a new code in the codebook while a coding is stored keeps the keyboard there', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  const release = await holdStoreWrites(page);
  await codeOption(page, 'FTF').click();
  const field = codebook(page).getByRole('textbox', { name: 'New code name' });
  await field.click();
  await page.keyboard.type('Returnees');
  await release();
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  // The coding is stored and its popup closed; the field still has the keyboard.
  await expect(codingPopup(page)).toBeHidden();
  await expect(field).toBeFocused();
  await page.keyboard.type(' abroad');
  await page.keyboard.press('Enter');
  await expect(codeRow(page, 'Returnees abroad')).toBeVisible();
  await expectCount(page, 'FTF', 1);
});

test('a code chosen with the keyboard in the popup hands the keyboard back to the text once stored', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  const combo = codingPopup(page).getByRole('combobox', { name: 'Find or create code' });
  const release = await holdStoreWrites(page);
  await combo.fill('stab');
  await combo.press('Enter');
  await expect(combo).toBeFocused(); // still being stored
  await release();
  await expect(codingPopup(page)).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toBeFocused();
  await expectCount(page, 'Stabilization', 1);
});

test('a code moved with the keyboard while the analyst goes on to type a new code leaves the keyboard in the field', async ({ page }) => {
  await openApp(page);
  await codeRow(page, 'FTF').click();
  const release = await holdStoreWrites(page);
  await page.keyboard.press('Alt+ArrowDown');
  const field = codebook(page).getByRole('textbox', { name: 'New code name' });
  await field.click();
  await page.keyboard.type('Returnees');
  await release();
  await expect.poll(async () => (await codeNames(page)).indexOf('FTF')).toBe(3);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Returnees');
});
