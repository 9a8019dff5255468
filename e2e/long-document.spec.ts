/**
 * A book-length document (laid out lazily, see renderer/viewer/lazyLayout.ts) must read and
 * code like a short one: exact text, find, keyboard jumps, drag selection far into the text.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCount, highlightedTexts } from './support/coding';
import { startHost } from './support/host';
import { dragSelect, reportedSelection, selectedString } from './support/text';

function longText(): string {
  const words = ['coalition', 'stabilization', 'returnees', 'border', 'finance', 'messaging', 'Mosul', 'Raqqa', 'التحالف', '🙂'];
  const paragraphs: string[] = [];
  for (let p = 0; p < 2500; p++) {
    const n = 5 + ((p * 37) % 25);
    const line = Array.from({ length: n }, (_, i) => words[(p * 7 + i * 3) % words.length]).join(' ');
    paragraphs.push(`¶${p} ${line}.`);
  }
  paragraphs.push('The closing sentence mentions Deir ez-Zor exactly once.');
  return paragraphs.join('\n\n');
}

test.describe('a book-length document', () => {
  const text = longText();
  let host: Awaited<ReturnType<typeof startHost>>;
  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-long-'));
    writeFileSync(join(dir, 'long.txt'), text);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ name: 'Long', documents: [{ id: 'long', file: 'long.txt', title: 'A long report', kind: 'report', place: null, date: null }] }),
    );
    host = await startHost(dir);
  });
  test.afterAll(async () => host.close());

  test('reads exactly, finds, jumps with the keyboard and codes far into the text', async ({ page }) => {
    expect(text.length).toBeGreaterThan(150_000);
    await page.goto(host.url);
    // A cheap readiness check first: role queries over thousands of blocks, polled while the
    // page is still building them, can starve it.
    await page.waitForFunction(() => document.querySelector('.doc-text [data-start]'), null, { timeout: 30_000 });
    const viewer = page.getByRole('textbox', { name: 'Document text' });
    // (Not toContainText on the whole viewer: innerText of a book forces its full layout.)
    await expect(viewer.locator('p').first()).toContainText('¶0 ');
    // Far sections are not laid out yet (they will be, in the background), but their text is there.
    expect(await page.locator('.doc-section-body.far').count()).toBeGreaterThan(0);
    const content = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-label="Document text"] [data-start]'))
        .map((p) => p.textContent)
        .join('\n'),
    );
    expect(content).toBe(text);
    // Each line takes its direction from its own first strong character, not its section's.
    const directions = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.doc-section:first-child [data-start]'))
        .filter((p) => p.textContent)
        .map((p) => [/^¶\d+ [\u0600-\u06ff]/.test(p.textContent!), getComputedStyle(p).direction === 'rtl']),
    );
    expect(directions.some(([arabic]) => arabic) && directions.some(([arabic]) => !arabic)).toBe(true);
    for (const [arabic, rtl] of directions) expect(rtl).toBe(arabic);

    // Ctrl+A, Ctrl+C copies the whole text exactly, sections not laid out yet included.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await viewer.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // Ctrl+End then Shift+Home selects the last line, wherever it is.
    await viewer.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    let sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe('The closing sentence mentions Deir ez-Zor exactly once.');
    await page.keyboard.press('Escape');

    // Find scrolls to a far match; Escape leaves it selected; a digit codes it.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find in document' }).fill('¶2000 ');
    await expect(page.getByRole('search', { name: 'Find in document' }).getByRole('status')).toHaveText('1 of 1');
    await page.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    expect(await selectedString(page)).toBe('¶2000 ');
    await page.keyboard.press('1');
    await expectCount(page, 'FTF', 1);
    await expect.poll(() => highlightedTexts(page)).toEqual(['¶2000']);

    // A mouse drag there is exact too.
    await dragSelect(page, '¶2001', '¶2001');
    sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe('¶2001');

    // A drag across the border of two sections (the viewer's unit of lazy layout) is exact.
    // (It starts where the coding popup of the ¶2001 selection was: the popup must have gone
    // with that passage when the text scrolled.)
    const [last, first] = await page.evaluate(() => {
      const label = (p: Element | null | undefined) => p?.textContent?.match(/^¶\d+ /)?.[0] ?? '';
      const body = Array.from(document.querySelectorAll('[data-start]')).find((p) => p.textContent!.startsWith('¶2001 '))!.parentElement!;
      const next = body.parentElement!.nextElementSibling!.firstElementChild!;
      const lastHere = Array.from(body.children).reverse().find((p) => p.textContent);
      lastHere!.scrollIntoView({ block: 'center' });
      return [label(lastHere), label(Array.from(next.children).find((p) => p.textContent))];
    });
    expect(last).not.toBe('');
    expect(first).not.toBe('');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await dragSelect(page, last, first);
    sel = await reportedSelection(page);
    expect(text.slice(sel.start, sel.end)).toBe(text.slice(text.indexOf(last), text.indexOf(first) + first.length));

    // In the background the rest of the book gets laid out, so scrolling is plain text.
    await expect.poll(() => page.locator('.doc-section-body.far').count(), { timeout: 30_000 }).toBe(0);
  });
});
