/**
 * Coding: highlight and code passages, overlap, create codes, memos, undo/redo, delete and
 * rename codes — and find it all again after a reload (IndexedDB).
 */
import { expect, test } from '@playwright/test';
import { codeOption, codeRow, codebook, codingPopup, expectCount, highlightedTexts, openApp, segmentPanel } from './support/coding';
import { dragSelect, pointOf } from './support/text';
import { codeFirstAndOpenIt } from './support/segments';

const FIRST = 'Small Group of the Global Coalition';
const SECOND = 'Global Coalition to counter Islamic State';

test('code a passage with the mouse and the coding popup, then another by pressing 2', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  await expectCount(page, 'FTF', 1);

  // Keyboard: put the caret before "Didier Reynders", extend by two words, press 2.
  const at = await pointOf(page, 'Didier Reynders', 0, 'left');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('2');
  // The selection's trailing comma/space is not white space... the trimmed span is what was selected.
  await expect.poll(() => highlightedTexts(page)).toContain(FIRST);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBe(2);
  expect((await highlightedTexts(page)).find((t) => t.startsWith('Didier'))).toMatch(/^Didier Reynders/);
  await expectCount(page, 'Stabilization', 1);
});

test('overlapping segments both show, name their codes on hover, and open together', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expect(codingPopup(page)).toBeHidden();
  await dragSelect(page, SECOND, SECOND);
  await codeOption(page, 'Stabilization').click();
  await expect.poll(() => highlightedTexts(page)).toEqual([SECOND, FIRST].sort());

  // "Global Coalition" is covered by both.
  const overlap = await pointOf(page, 'Global Coalition to counter', 3, 'left');
  await page.mouse.move(overlap.x, overlap.y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('FTF');
  await expect(tip).toContainText('Stabilization');

  await page.mouse.click(overlap.x, overlap.y);
  const panel = segmentPanel(page);
  await expect(panel.getByRole('article')).toHaveCount(2);
  await expect(panel).toContainText(FIRST);
  await expect(panel).toContainText(SECOND);
});

test('a new code typed in the combobox is created and applied', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  const combo = codingPopup(page).getByRole('combobox', { name: 'Find or create code' });
  await combo.fill('Returnees');
  await combo.press('Enter');
  await expect(codeRow(page, 'Returnees')).toBeVisible();
  await expectCount(page, 'Returnees', 1);
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  // The popup closed after creating; typing part of an existing name and pressing Enter
  // applies the highlighted match (no new code).
  await expect(codingPopup(page)).toHaveCount(0);
  await dragSelect(page, SECOND, SECOND);
  await expect(combo).toHaveValue('');
  await combo.fill('stab');
  await combo.press('Enter');
  await expectCount(page, 'Stabilization', 1);
  await expect(codeRow(page, 'stab')).toHaveCount(0);
});

test('memo, undo/redo, and everything survives a reload', async ({ page }) => {
  await openApp(page);
  await codeFirstAndOpenIt(page);
  const memo = segmentPanel(page).getByRole('textbox', { name: 'Memo' });
  await memo.fill('Names the Small Group as the actor.\nSecond line.');
  await memo.blur();
  await page.getByRole('textbox', { name: 'Document memo' }).fill('Brussels meeting, date unknown.');
  await page.getByRole('textbox', { name: 'Document memo' }).blur();

  // Undo the document memo, then the segment memo; redo both.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Document memo' })).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('textbox', { name: 'Document memo' })).toHaveValue('Brussels meeting, date unknown.');

  // Keyboard undo removes the coding; redo brings it back.
  await page.getByRole('textbox', { name: 'Document text' }).focus();
  await page.keyboard.press('Control+z'); // document memo
  await page.keyboard.press('Control+z'); // segment memo
  await page.keyboard.press('Control+z'); // the coding
  await expectCount(page, 'FTF', 0);
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expectCount(page, 'FTF', 1);
  // The last Redo (the document memo) is stored before the page goes.
  await expect(page.getByRole('textbox', { name: 'Document memo' })).toHaveValue('Brussels meeting, date unknown.');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group');
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  await expectCount(page, 'FTF', 1);
  await expect(page.getByRole('textbox', { name: 'Document memo' })).toHaveValue('Brussels meeting, date unknown.');
  const again = await pointOf(page, FIRST, 4, 'left');
  await page.mouse.click(again.x, again.y);
  await expect(segmentPanel(page).getByRole('textbox', { name: 'Memo' })).toHaveValue(
    'Names the Small Group as the actor.\nSecond line.',
  );
});

test('deleting a code asks first and can be undone; renaming updates highlights and counts', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expectCount(page, 'FTF', 1);

  await codeRow(page, 'FTF').click();
  await codebook(page).getByRole('button', { name: 'Delete code' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete code “FTF”?' });
  await expect(dialog).toContainText('1 segment');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(codeRow(page, 'FTF')).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).toEqual([]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeRow(page, 'FTF')).toBeVisible();
  await expectCount(page, 'FTF', 1);
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);

  await codeRow(page, 'FTF').click();
  const editor = codebook(page).getByRole('form', { name: 'Edit code FTF' });
  await editor.getByRole('textbox', { name: 'Name' }).fill('Foreign fighters');
  await editor.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(codeRow(page, 'Foreign fighters')).toBeVisible();
  await expectCount(page, 'Foreign fighters', 1);
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  const inside = await pointOf(page, FIRST, 4, 'left');
  await page.mouse.move(inside.x, inside.y);
  await expect(page.getByRole('tooltip')).toHaveText('Foreign fighters');
  await dragSelect(page, SECOND, SECOND);
  await expect(codeOption(page, 'Foreign fighters')).toBeVisible();
});

test('a code refused by a domain rule shows a clear message and stores nothing', async ({ page }) => {
  await openApp(page);
  await codebook(page).getByRole('textbox', { name: 'New code name' }).fill('ftf');
  await codebook(page).getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await expect(codeRow(page, 'ftf')).toHaveCount(0);
  await expect(codeRow(page, 'FTF')).toBeVisible();
});

test('find in document steps through matches and leaves the match selected, ready to code', async ({ page }) => {
  await openApp(page);
  const text = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-label="Document text"] [data-start]'))
      .map((p) => p.textContent)
      .join('\n'),
  );
  const total = text.toLowerCase().split('coalition').length - 1;
  expect(total).toBeGreaterThan(2);
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Find in document' });
  await expect(box).toBeFocused();
  await box.fill('coalition');
  const search = page.getByRole('search', { name: 'Find in document' });
  await expect(search.getByRole('status')).toHaveText(`1 of ${total}`);
  await box.press('Enter');
  await expect(search.getByRole('status')).toHaveText(`2 of ${total}`);
  await box.press('Shift+Enter');
  await box.press('Enter');
  await box.press('Escape');
  await expect(search).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Coalition');
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 1);
  await expect.poll(() => highlightedTexts(page)).toEqual(['Coalition']);
});

test('with the keyboard alone: the caret in a highlight names its codes and Enter opens the Segment panel', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 1);
  await page.keyboard.press('Escape');
  const inside = await pointOf(page, FIRST, 6, 'left');
  await page.mouse.click(inside.x, inside.y);
  await page.getByRole('button', { name: 'Close segment panel' }).click();
  await page.getByRole('textbox', { name: 'Document text' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tooltip')).toHaveText('FTF');
  await page.keyboard.press('Enter');
  await expect(segmentPanel(page)).toContainText(FIRST);
  await segmentPanel(page).getByRole('button', { name: /^Remove code FTF/ }).click();
  await expectCount(page, 'FTF', 0);
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
});

test('retrieval: the passages of a code across documents, each opening its document there', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 1);
  const nav = page.getByRole('navigation', { name: 'Documents' });
  await nav.getByRole('link').nth(3).click();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Paris');
  await dragSelect(page, 'Paris', 'Paris');
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 2);

  await codeRow(page, 'FTF').click();
  const list = codebook(page).getByRole('region', { name: 'Passages coded FTF' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('button', { name: new RegExp(FIRST) }).click();
  await expect(page.getByRole('article', { name: /Coalition Reaffirms/ })).toBeVisible();
  await expect(segmentPanel(page)).toContainText(FIRST);
});

test('a fast analyst: selecting the next passage right after pressing a shortcut keeps the new selection', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await page.keyboard.press('1');
  // No waiting for the first coding to be stored.
  await dragSelect(page, 'Didier Reynders', 'Didier Reynders');
  await page.keyboard.press('2');
  await expectCount(page, 'FTF', 1);
  await expectCount(page, 'Stabilization', 1);
  await expect.poll(() => highlightedTexts(page)).toEqual(['Didier Reynders', FIRST].sort());
});

test('no serious accessibility violations with the coding popup, Segment panel and code editor open, light and dark', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  // The same browser context (and database) serves both passes: each codes with another code.
  for (const [scheme, key, code] of [
    ['light', '1', 'FTF'],
    ['dark', '2', 'Stabilization'],
  ] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await dragSelect(page, FIRST, FIRST);
    await page.keyboard.press(key);
    await expectCount(page, code, 1);
    const inside = await pointOf(page, FIRST, 4, 'left');
    await page.mouse.click(inside.x, inside.y);
    await expect(segmentPanel(page)).toBeVisible();
    await codeRow(page, code).click();
    await dragSelect(page, SECOND, SECOND);
    await expect(codingPopup(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a symbol typed right after selecting starts the filter too: "+Formula code" is created as typed', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, FIRST, FIRST);
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.type('+Formula code');
  const combo = codingPopup(page).getByRole('combobox', { name: 'Find or create code' });
  await expect(combo).toHaveValue('+Formula code');
  await page.keyboard.press('Enter');
  await expectCount(page, '+Formula code', 1);

  await dragSelect(page, SECOND, SECOND);
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.type('#tag');
  await expect(combo).toHaveValue('#tag');
});
