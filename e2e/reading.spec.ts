/**
 * Reading: the bundled corpus in the Node host, exact text, and selections that become exact
 * offsets — by mouse and keyboard, across paragraphs, with emoji, combining marks, Arabic, CRLF.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { BUNDLED_CORPUS, FIXTURES, startHost } from './support/host';
import { dragSelect, manifest, normalisedFile, pointOf, reportedSelection, selectedString, viewerText } from './support/text';

const docs = manifest(BUNDLED_CORPUS).documents;
const viewerContent = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-label="Document text"] [data-start]'))
      .map((p) => p.textContent ?? '')
      .join('\n'),
  );

test('the Documents navigation lists the five bundled documents by title', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Documents' });
  await expect(nav.getByRole('link')).toHaveCount(5);
  for (const d of docs) await expect(nav.getByRole('link', { name: d.title, exact: true })).toBeVisible();
});

test('each document opens in an article showing exactly its normalised text', async ({ page }) => {
  await page.goto('/');
  for (const d of docs) {
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: d.title, exact: true }).click();
    const article = page.getByRole('article', { name: d.title });
    await expect(article).toBeVisible();
    await expect(article.getByRole('heading', { name: d.title })).toBeVisible();
    await expect.poll(() => viewerContent(page)).toBe(normalisedFile(BUNDLED_CORPUS, d.file));
  }
});

test('a mouse selection inside a paragraph yields offsets that slice out the selected text', async ({ page }) => {
  const text = normalisedFile(BUNDLED_CORPUS, docs[0]!.file);
  await page.goto('/');
  await expect(viewerText(page)).toContainText('Didier Reynders');
  await dragSelect(page, 'Small Group of the Global', 'Didier Reynders');
  const { start, end } = await reportedSelection(page);
  expect(text.slice(start, end)).toBe(await selectedString(page));
  expect(text.slice(start, end)).toMatch(/^Small Group of the Global.*Didier Reynders$/s);
});

test('a mouse selection across two paragraphs covers both, line break included', async ({ page }) => {
  const text = normalisedFile(BUNDLED_CORPUS, docs[0]!.file);
  await page.goto('/');
  await expect(viewerText(page)).toContainText('uncompromising threat');
  await dragSelect(page, 'global ambitions', 'After liberating parts');
  const { start, end } = await reportedSelection(page);
  const slice = text.slice(start, end);
  expect(slice.startsWith('global ambitions')).toBe(true);
  expect(slice.endsWith('After liberating parts')).toBe(true);
  expect(slice).toContain('\n');
  // The browser serialises block boundaries its own way; the words must be the same.
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  expect(words(slice)).toEqual(words(await selectedString(page)));
});

test('the keyboard selects by character and by word, with exact offsets', async ({ page }) => {
  const text = normalisedFile(BUNDLED_CORPUS, docs[0]!.file);
  await page.goto('/');
  await expect(viewerText(page)).toContainText('Small Group');
  const at = await pointOf(page, 'Small Group of the Global', 0, 'left');
  await page.mouse.click(at.x, at.y);
  for (let i = 0; i < 'Small'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  let sel = await reportedSelection(page);
  expect(text.slice(sel.start, sel.end)).toBe('Small');
  await page.keyboard.press('Shift+Control+ArrowRight');
  sel = await reportedSelection(page);
  expect(text.slice(sel.start, sel.end)).toBe(await selectedString(page));
  expect(text.slice(sel.start, sel.end)).toMatch(/^Small Group/);
  // Tab reaches the text; arrows move a caret even though the text is read-only.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+End');
  sel = await reportedSelection(page);
  expect(text.slice(sel.start, sel.end)).toBe(await selectedString(page));
});

test.describe('a corpus with emoji, combining marks, Arabic and CRLF line endings', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  const folder = join(FIXTURES, 'unicode-corpus');
  const text = normalisedFile(folder, 'unicode.txt');
  test.beforeAll(async () => {
    host = await startHost(folder);
  });
  test.afterAll(async () => host.close());

  test('shows the normalised text and selects exactly', async ({ page }) => {
    expect(text).not.toContain('\r');
    expect(text).toContain('Café');
    await page.goto(host.url);
    await expect.poll(() => viewerContent(page)).toBe(text);

    // A whole emoji cluster is one keyboard step and several UTF-16 code units.
    const family = '👩‍👩‍👧';
    const before = await pointOf(page, family, 0, 'left');
    await page.mouse.click(before.x, before.y);
    await page.keyboard.press('Shift+ArrowRight');
    let sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe(family);
    expect(sel.end - sel.start).toBe(family.length);

    // Combining marks were composed (NFC): "é" is one unit here.
    await page.keyboard.press('Escape');
    await dragSelect(page, 'Café owners', 'résumé talks');
    sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe('Café owners in Mosul said résumé talks');

    // Arabic (right to left), then a mixed line with an emoji flag.
    await page.keyboard.press('Escape');
    await dragSelect(page, 'التحالف الدولي', 'المحررة', 'rtl');
    sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe(await selectedString(page));
    expect(text.slice(sel.start, sel.end)).toBe('التحالف الدولي ضد داعش يدعم الاستقرار في المناطق المحررة');

    await page.keyboard.press('Escape');
    await dragSelect(page, 'Paris 🇫🇷', 'Tuesday');
    sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe('Paris 🇫🇷 on Tuesday');
  });
});

test.describe('a broken corpus folder', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  test.beforeAll(async () => {
    host = await startHost(join(FIXTURES, 'broken-corpus'));
  });
  test.afterAll(async () => host.close());

  test('names every problem and still lists the valid document', async ({ page }) => {
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Documents' });
    await expect(nav.getByRole('link', { name: 'The good document', exact: true })).toBeVisible();
    // A file that is not UTF-8 is read in the encoding detected, and the problems say which.
    await expect(nav.getByRole('link', { name: 'Not UTF-8', exact: true })).toBeVisible();
    await expect(nav.getByRole('link')).toHaveCount(2);
    const problems = page.getByRole('region', { name: 'Corpus problems' });
    await expect(problems).toContainText('missing.txt');
    await expect(problems).toContainText('latin1.txt');
    await expect(problems).toContainText(/not UTF-8: read as (Latin-1|Windows-1252)/);
    await expect(problems).toContainText(/duplicate/i);
    await expect(page.getByRole('article', { name: 'The good document' })).toContainText('It still loads');
  });
});

test('the window has no serious or critical accessibility violations (axe)', async ({ page }) => {
  await page.goto('/');
  await expect(viewerText(page)).toContainText('Small Group');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('light and dark themes follow the OS', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg()).toBe('rgb(30, 30, 30)');
});
