/**
 * Search over the bundled corpus: counts per document (expected counts computed here from the
 * corpus files), opening a hit, coding every hit's sentence with FTF as one undoable change,
 * folded typography (Da'esh finds Da’esh, in a regular expression too), English stemming, word
 * frequencies, and axe on the Search view.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { BUNDLED_CORPUS } from './support/host';
import { openApp } from './support/coding';
import { manifest, normalisedFile, selectedString } from './support/text';
import { searchView } from './support/search';

const docs = manifest(BUNDLED_CORPUS).documents.map((d) => ({ ...d, text: normalisedFile(BUNDLED_CORPUS, d.file) }));
/** Non-overlapping, case-insensitive occurrences of a phrase, as whole words (the Search view's defaults). */
const countIn = (text: string, phrase: string) => (text.match(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${phrase}(?![\\p{L}\\p{M}\\p{N}])`, 'giu')) ?? []).length;

const queryField = (page: Page) => searchView(page).getByRole('searchbox', { name: 'Search for' });
const summary = (page: Page) => searchView(page).locator('.search-summary');
const hitRows = (page: Page) => searchView(page).getByRole('grid', { name: 'Hits' }).getByRole('rowgroup').nth(1).getByRole('row');

async function openSearch(page: Page) {
  await openApp(page);
  await page.keyboard.press('Control+Shift+F');
  await expect(queryField(page)).toBeFocused();
  await expect(searchView(page).getByText(`${docs.length} documents indexed`)).toBeVisible();
}

async function hitsPerDocument(page: Page): Promise<Record<string, number>> {
  const table = searchView(page).locator('.document-counts');
  await table.locator('summary').click();
  // The table is drawn once the details open: wait for it before reading its rows.
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const rows = await table.getByRole('row').all();
  const out: Record<string, number> = {};
  for (const row of rows.slice(1)) out[(await row.getByRole('rowheader').innerText()).trim()] = Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
  return out;
}

test('foreign terrorist fighters: the right count per document, and a hit opens selected', async ({ page }) => {
  const expected: Record<string, number> = Object.fromEntries(docs.map((d) => [d.title, countIn(d.text, 'foreign terrorist fighters')] as const).filter(([, n]) => n > 0));
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);

  await openSearch(page);
  await queryField(page).fill('foreign terrorist fighters');
  await expect(summary(page)).toHaveText(`${total} hits in ${Object.keys(expected).length} documents`);
  expect(await hitsPerDocument(page)).toEqual(expected);
  await expect(hitRows(page)).toHaveCount(total);

  // Keyboard: into the list, down one row, Enter opens that hit in its document, selected.
  const second = hitRows(page).nth(1);
  const secondDocument = (await second.getByRole('gridcell').nth(1).innerText()).trim();
  await hitRows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(searchView(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: secondDocument })).toBeVisible();
  await expect.poll(() => selectedString(page)).toMatch(/^foreign terrorist fighters$/i);
  await expect(page.getByRole('dialog', { name: 'Apply code' })).toBeVisible();

  // The header button brings the same results back.
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(queryField(page)).toHaveValue('foreign terrorist fighters');
  await expect(summary(page)).toHaveText(`${total} hits in ${Object.keys(expected).length} documents`);

  // Choosing another document in the list shows it; the Search view gives way.
  const other = docs.find((d) => d.title !== secondDocument)!;
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: other.title, exact: true }).click();
  await expect(searchView(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: other.title })).toBeVisible();
});

test('code all hits with FTF at sentence scope: codings in every document with hits, one Undo removes them', async ({ page }) => {
  const withHits = docs.filter((d) => countIn(d.text, 'foreign terrorist fighters') > 0);
  await openSearch(page);
  await queryField(page).fill('foreign terrorist fighters');
  await expect(summary(page)).toContainText(`in ${withHits.length} documents`);

  await searchView(page).getByText('Code all hits', { exact: true }).click();
  await searchView(page).getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: 'FTF' });
  await searchView(page).getByRole('radio', { name: 'Its sentence' }).check();
  await expect(searchView(page).locator('.code-all-preview')).toContainText(`in ${withHits.length} documents`);
  await searchView(page).getByRole('button', { name: /^Code \d+ hits$/ }).click();
  await expect(searchView(page).locator('.code-all-report')).toContainText(`in ${withHits.length} documents`);

  const documentLink = (title: string) => page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: title, exact: true });
  for (const d of docs) {
    if (withHits.includes(d)) await expect(documentLink(d.title)).toHaveAccessibleDescription(/ · \d+ coded$/);
    else await expect(documentLink(d.title)).not.toHaveAccessibleDescription(/coded/);
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Code \d+ hits FTF$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  for (const d of withHits) await expect(documentLink(d.title)).not.toHaveAccessibleDescription(/coded/);
  // The preview counts the sentences again, none coded.
  await expect(searchView(page).locator('.code-all-preview')).not.toContainText('already coded');
});

test("Da'esh finds the typographic Da’esh; word frequencies list coalition among the top words; axe", async ({ page }) => {
  const typographic = docs.reduce((n, d) => n + (d.text.match(/Da’esh/g) ?? []).length, 0);
  expect(typographic).toBeGreaterThan(0);
  await openSearch(page);
  await queryField(page).fill("Da'esh");
  await expect(summary(page)).toHaveText(new RegExp(`^${typographic} hits in `));
  await expect(hitRows(page).first().locator('mark')).toHaveText('Da’esh');
  // A regular expression is matched against the folded text too.
  await searchView(page).getByRole('radio', { name: 'Regular expression' }).check();
  await queryField(page).fill("Da'esh|nothing-like-this");
  await expect(summary(page)).toHaveText(new RegExp(`^${typographic} hits in `));
  await expect(hitRows(page).first().locator('mark')).toHaveText('Da’esh');
  // English stemming: fighter finds fighters too.
  await searchView(page).getByRole('radio', { name: 'Exact phrase' }).check();
  const forms = docs.reduce((n, d) => n + countIn(d.text, 'fighters?'), 0);
  const exact = docs.reduce((n, d) => n + countIn(d.text, 'fighter'), 0);
  expect(forms).toBeGreaterThan(exact);
  await queryField(page).fill('fighter');
  await expect(summary(page)).toHaveText(new RegExp(`^${exact} hits? in `));
  await searchView(page).getByRole('checkbox', { name: 'English word forms (stemming)' }).check();
  await expect(summary(page)).toHaveText(new RegExp(`^${forms} hits? in `));
  await searchView(page).getByRole('checkbox', { name: 'English word forms (stemming)' }).uncheck();
  await queryField(page).fill("Da'esh");

  const axe = await new AxeBuilder({ page }).include('.search-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await searchView(page).getByRole('tab', { name: 'Word frequencies' }).click();
  const words = searchView(page).getByRole('table', { name: /Most frequent words/ });
  await expect(words).toBeVisible();
  const top = (await words.getByRole('row').allInnerTexts()).slice(1, 11).map((r) => r.split('\t')[1]);
  expect(top).toContain('coalition');
  // A word keeps its apostrophes: Da’esh is one word, not "da" and "esh", and Da’esh’s another.
  const rows = (await words.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t'));
  const possessive = docs.reduce((n, d) => n + (d.text.match(/Da’esh’s/g) ?? []).length, 0);
  expect(possessive).toBeGreaterThan(0);
  expect(rows.find((r) => r[1] === 'da’esh')?.[2]).toBe(String(typographic - possessive));
  expect(rows.find((r) => r[1] === 'da’esh’s')?.[2]).toBe(String(possessive));
  expect(rows.map((r) => r[1])).not.toContain('esh');
  const axeWords = await new AxeBuilder({ page }).include('.search-view').analyze();
  expect(axeWords.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A word opens a search for it.
  await words.getByRole('button', { name: 'Search for coalition' }).click();
  await expect(queryField(page)).toHaveValue('coalition');
  await expect(summary(page)).toHaveText(/^\d+ hits in 5 documents$/);
});

test('results export as CSV with code point offsets; a saved search runs again after a reload', async ({ page }) => {
  await openSearch(page);
  await queryField(page).fill('coalition');
  await expect(summary(page)).toHaveText(/^\d+ hits in /);
  const total = Number(/^(\d+)/.exec((await summary(page).innerText()).replace(/,/g, ''))![1]);

  const downloading = page.waitForEvent('download');
  await searchView(page).getByRole('button', { name: 'Export results (CSV)' }).click();
  const download = await downloading;
  const csv = readFileSync((await download.path())!, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(total);
  for (const row of rows) {
    const text = docs.find((d) => d.id === row.document_id)!.text;
    expect([...text].slice(Number(row.start), Number(row.end)).join('')).toBe(row.hit);
  }

  // Saved with its options, kept in the project: after a reload it runs again.
  await searchView(page).getByRole('radio', { name: 'Any word' }).check();
  await queryField(page).fill('returnees "foreign fighters"');
  await searchView(page).getByText(/^Saved searches/).click();
  await searchView(page).getByRole('textbox', { name: 'Name' }).fill('Fighters');
  await searchView(page).getByRole('button', { name: 'Save this search' }).click();
  await expect(searchView(page).getByRole('button', { name: 'Run saved search Fighters' })).toBeVisible();
  const expected = await summary(page).innerText();
  await openApp(page); // a new page load; the project stays in IndexedDB
  await page.keyboard.press('Control+Shift+F');
  await searchView(page).getByText(/^Saved searches \(1\)/).click();
  await searchView(page).getByRole('button', { name: 'Run saved search Fighters' }).click();
  await expect(queryField(page)).toHaveValue('returnees "foreign fighters"');
  await expect(searchView(page).getByRole('radio', { name: 'Any word' })).toBeChecked();
  await expect(summary(page)).toHaveText(expected);
});
