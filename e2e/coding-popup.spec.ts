/**
 * The coding popup with a real codebook (65 codes in two levels, imported from a .qdc): it
 * stays inside the window and reaches every code, Enter applies the match, "Create …" and
 * in-vivo coding are one undo step each, "." repeats the last code; Find folds typographic
 * quotes; no serious accessibility violation with the popup open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Code } from '../renderer/domain/model';
import { exportQdc } from '../renderer/formats/refiQda/codebook';
import { codeOption, codeRow, codebook, codingPopup, expectCount, highlightedTexts, openApp } from './support/coding';
import { importFile } from './support/exchange';
import { BUNDLED_CORPUS } from './support/host';
import { dragSelect, manifest, normalisedFile, pointOf, viewerText } from './support/text';

const THEMES = [
  'Governance & reconciliation', 'Threat framing', 'Humanitarian access', 'Border security', 'Detention & camps',
  'Returnees', 'Online propaganda', 'Finance networks', 'Military operations', 'Local partners',
  'Regional diplomacy', 'Rule of law', 'Civilian harm',
];
/** Every theme has the same four sub-codes: cousins only their paths tell apart. */
const ASPECTS = ['Actors', 'Claims', 'Events', 'Other'];
const DEFAULT_CODES = 5;

/** 13 themes × (1 + 4 sub-codes) = 65 codes, as another tool's .qdc would bring them. */
function studyCodebook(): Code[] {
  const now = '2024-05-01T10:00:00.000Z';
  const code = (id: string, name: string, parentId: string | null, description: string): Code => ({
    id, name, colour: '#4e79a7', description, parentId, shortcut: null, createdAt: now, updatedAt: now,
  });
  return THEMES.flatMap((theme, t) => [
    code(`t${t}`, theme, null, `Passages about ${theme.toLowerCase()}.`),
    ...ASPECTS.map((aspect, a) => code(`t${t}-a${a}`, aspect, `t${t}`, '')),
  ]);
}

async function importStudyCodebook(page: Page) {
  await openApp(page);
  const codes = studyCodebook();
  expect(codes).toHaveLength(65);
  const file = { name: 'study.qdc', mimeType: 'application/xml', buffer: Buffer.from(exportQdc(codes), 'utf8') };
  const dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', file);
  await expect(dialog.getByRole('status')).toContainText('Imported study.qdc: Added 65 codes');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** Selects characters [from, to) of the first occurrence of `needle` by dragging (scrolled into view first). */
async function selectIn(page: Page, needle: string, from: number, to: number) {
  await viewerText(page).locator('p', { hasText: needle }).scrollIntoViewIfNeeded();
  const a = await pointOf(page, needle, from, 'left');
  const b = await pointOf(page, needle, to - 1, 'right');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

const codeTotal = (page: Page) => codebook(page).getByRole('treeitem').count();

test('with 65 codes, a passage near the top: the popup is inside the window, off the passage, and reaches every code', async ({ page }) => {
  await importStudyCodebook(page);
  // The first line of the text, at the top of the window.
  await dragSelect(page, 'Coalition Reaffirms', 'Islamic State');
  const popup = codingPopup(page);
  await expect(popup).toBeVisible();
  const box = (await popup.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  // It does not hide the passage being coded.
  const passage = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  expect(box.y >= passage.bottom || box.y + box.height <= passage.top).toBe(true);

  // Every code is an option (the list renders those in view: the rest are counted by aria-setsize).
  const total = 65 + DEFAULT_CODES;
  const combo = popup.getByRole('combobox', { name: 'Find or create code' });
  const highlighted = popup.locator('[role=option][aria-selected=true]');
  await expect(highlighted).toHaveAttribute('aria-setsize', String(total));
  await expect(combo).toHaveAttribute('aria-activedescendant', (await highlighted.getAttribute('id'))!);

  // The list scrolls inside the popup, which stays put: the arrows reach every code, each
  // highlighted one in view. Up from the first wraps to the last; down from the last to the first.
  const list = popup.getByRole('listbox');
  expect(await list.evaluate((ul) => ul.scrollHeight > ul.clientHeight)).toBe(true);
  await combo.press('ArrowUp');
  await expect(highlighted).toHaveAttribute('aria-posinset', String(total));
  await expect(highlighted).toBeInViewport();
  await combo.press('ArrowDown');
  const reached: string[] = [];
  for (let i = 1; i <= total; i++) {
    await expect(highlighted).toHaveAttribute('aria-posinset', String(i));
    await expect(highlighted).toBeInViewport();
    reached.push((await highlighted.getAttribute('aria-label'))!);
    if (i < total) await combo.press('ArrowDown');
  }
  const paths = studyCodebook().map((c) => (c.parentId ? `${THEMES[Number(c.parentId.slice(1))]} > ${c.name}` : c.name));
  expect(reached.sort()).toEqual([...paths, 'Communications', 'Counter-financing', 'FTF', 'Political-military', 'Stabilization'].sort());
  expect(await popup.boundingBox()).toEqual(box);

  // The mouse wheel scrolls the list too; a click on an option applies it.
  await list.hover();
  await page.mouse.wheel(0, 10_000);
  await codeOption(page, 'Threat framing > Other').click();
  await expect(popup).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).toEqual(['Coalition Reaffirms To Fight Islamic State']);
});

test('typed right after selecting, a prefix + Enter applies the match; "Create …" creates and applies in one undo step', async ({ page }) => {
  await importStudyCodebook(page);
  const total = await codeTotal(page);
  await dragSelect(page, 'Didier Reynders', 'Didier Reynders');
  await expect(codingPopup(page)).toBeVisible();
  // Letters typed with the text focused go into the filter.
  await expect(viewerText(page)).toBeFocused();
  await page.keyboard.type('Gov');
  const combo = codingPopup(page).getByRole('combobox', { name: 'Find or create code' });
  await expect(combo).toBeFocused();
  await expect(combo).toHaveValue('Gov');
  const governance = codeOption(page, 'Governance & reconciliation');
  await expect(governance).toHaveAttribute('aria-selected', 'true');
  // The highlighted code's description is the hint line (and the option's description).
  await expect(governance).toHaveAccessibleDescription('Passages about governance & reconciliation.');
  await expect(codingPopup(page).getByText('Passages about governance & reconciliation.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expectCount(page, 'Governance & reconciliation', 1);
  expect(await codeTotal(page)).toBe(total); // no code "Gov"
  await expect.poll(() => highlightedTexts(page)).toEqual(['Didier Reynders']);

  // "Create …" is an item of its own, the last (after the matches), reached with the arrows.
  await dragSelect(page, 'Minister of Foreign Affairs', 'Minister of Foreign Affairs');
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.type('Gov');
  const create = codingPopup(page).getByRole('option').last();
  await expect(create).toHaveAccessibleName('Create “Gov”');
  await page.keyboard.press('ArrowUp');
  await expect(create).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expectCount(page, 'Gov', 1);
  expect(await codeTotal(page)).toBe(total + 1);

  // One Undo takes back both the new code and its coding.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeRow(page, 'Gov')).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).toEqual(['Didier Reynders']);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectCount(page, 'Gov', 1);

  // When nothing matches, Create is the highlighted item: Enter creates.
  await dragSelect(page, 'Wednesday', 'Wednesday');
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.type('Zq');
  await expect(codingPopup(page).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expectCount(page, 'Zq', 1);
});

test('recent codes come first and "." applies the last-used code again; digits still work', async ({ page }) => {
  await importStudyCodebook(page);
  await dragSelect(page, 'Didier Reynders', 'Didier Reynders');
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.type('Returnees');
  await codeOption(page, 'Returnees > Other').click();
  await expect.poll(() => highlightedTexts(page)).toEqual(['Didier Reynders']);
  await dragSelect(page, 'Wednesday', 'Wednesday');
  const first = codingPopup(page).getByRole('option').first();
  await expect(first).toHaveAccessibleName('Returnees > Other');
  await expect(first).toHaveAttribute('aria-keyshortcuts', '.');
  await page.keyboard.press('.');
  await expect(codingPopup(page)).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).toEqual(['Didier Reynders', 'Wednesday']);
  await dragSelect(page, 'Brussels', 'Brussels');
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 1);
});

test('in vivo: the selected words become a code and are coded with it, one undo step; the same words reuse it', async ({ page }) => {
  await openApp(page);
  const total = await codeTotal(page);
  await selectIn(page, 'Small Group of the Global Coalition to', 0, 'Small Group'.length);
  await codingPopup(page).getByRole('button', { name: 'In vivo “Small Group”' }).click();
  await expectCount(page, 'Small Group', 1);
  expect(await codeTotal(page)).toBe(total + 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeRow(page, 'Small Group')).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectCount(page, 'Small Group', 1);

  // The shortcut, on the other "Small Group": the code exists at the top level, so it is reused.
  await selectIn(page, 'Small Group of the Global Coalition said', 0, 'Small Group'.length);
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.press('Control+i');
  await expectCount(page, 'Small Group', 2);
  expect(await codeTotal(page)).toBe(total + 1);
});

test("find: Da'esh matches Da’esh, case is an option, and asking for Find again hides the coding popup", async ({ page }) => {
  await openApp(page);
  const doc = manifest(BUNDLED_CORPUS).documents.find((d) => d.title.includes('Washington'))!;
  const text = normalisedFile(BUNDLED_CORPUS, doc.file);
  const typographic = text.split('Da’esh').length - 1;
  expect(typographic).toBeGreaterThan(10);
  expect(text).not.toContain("Da'esh");
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: /Washington D\.C\./ }).click();
  await expect(viewerText(page)).toContainText('Da’esh');

  await page.keyboard.press('Control+f');
  const search = page.getByRole('search', { name: 'Find in document' });
  const box = search.getByRole('searchbox', { name: 'Find in document' });
  await box.fill("Da'esh");
  await expect(search.getByRole('status')).toHaveText(`1 of ${typographic}`);
  await search.getByRole('checkbox', { name: 'Match case' }).check();
  await expect(search.getByRole('status')).toHaveText(`1 of ${typographic}`);
  await box.fill("da'esh");
  await expect(search.getByRole('status')).toHaveText('No matches');
  await search.getByRole('checkbox', { name: 'Match case' }).uncheck();
  await expect(search.getByRole('status')).toHaveText(`1 of ${typographic}`);

  // Escape leaves the match selected, with the coding popup; Find again hides the popup.
  await box.press('Escape');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Da’esh');
  await expect(codingPopup(page)).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(codingPopup(page)).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Find in document' })).toBeFocused();
});

test('no serious accessibility violations with the coding popup open over 65 codes, light and dark', async ({ page }) => {
  await importStudyCodebook(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await dragSelect(page, 'Didier Reynders', 'Didier Reynders');
    await expect(codingPopup(page)).toBeVisible();
    await page.keyboard.type('oth');
    await expect(codeOption(page, 'Threat framing > Other')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(codingPopup(page)).toHaveCount(0);
  }
});
