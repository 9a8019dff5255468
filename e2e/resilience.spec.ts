/**
 * Never a blank app: a whole coded document whose file then changed (re-anchoring once built a
 * regular expression from every word of the quote and overflowed V8 on every start), and stored
 * rows that do not validate (set aside and listed, the rest of the project usable).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codebook, expectCount } from './support/coding';
import { exportAs } from './support/exchange';
import { startHost } from './support/host';

/** ~200 KB of prose-like text in paragraphs: words w0 … w29999, every one distinct. */
function longText(): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 500; p++) {
    paragraphs.push(Array.from({ length: 60 }, (_, k) => `w${p * 60 + k}${k % 9 === 8 ? ',' : ''}`).join(' ') + '.');
  }
  return paragraphs.join('\n\n');
}

function writeCorpus(dir: string, text: string) {
  writeFileSync(join(dir, 'report.txt'), text);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ name: 'Resilience', documents: [{ id: 'report', file: 'report.txt', title: 'A long report', kind: null, place: null, date: null }] }),
  );
}

/** The header and its tools: what must stay usable whatever else failed. */
async function expectHeaderUsable(page: Page) {
  for (const name of ['Export', 'Import']) await expect(page.getByRole('button', { name, exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeVisible();
}

test('a whole coded document whose file changed one word opens, stays coded and exports', async ({ page }) => {
  const text = longText();
  expect(text.length).toBeGreaterThan(190_000);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-resilience-'));
  writeCorpus(dir, text);
  const first = await startHost(dir);
  await page.goto(first.url);
  await page.waitForFunction(() => document.querySelector('.doc-text [data-start]'), null, { timeout: 30_000 });
  await expect(codebook(page)).toBeVisible();
  const viewer = page.getByRole('textbox', { name: 'Document text' });
  await viewer.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('1');
  await expectCount(page, 'FTF', 1);
  const port = first.port;
  await first.close();

  // Same origin (same port), so the same IndexedDB; one word of the file is different.
  writeCorpus(dir, text.replace(' w15001 ', ' changed '));
  const again = await startHost(dir, port);
  try {
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.doc-text [data-start]'), null, { timeout: 30_000 });
    await expectHeaderUsable(page);
    await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
    await expectCount(page, 'FTF', 1);
    // One word in 30,000 changed: the segment follows the text (it would otherwise be listed as unplaced).
    await expect(page.getByRole('note')).toHaveCount(0);

    const csv = await exportAs(page, 'Annotated CSV (one row per coding)');
    const rows = csv.text.trim().split(/\r?\n/);
    expect(rows[0]).toContain('segment_id');
    expect(csv.text).toContain('FTF');
    expect(csv.text).toContain('changed');
  } finally {
    await again.close();
  }
});

/** Writes rows straight into the app's IndexedDB, past all validation, as a broken build might have. */
async function storeRawRows(page: Page, rows: Record<string, unknown[]>) {
  await page.evaluate(
    (byTable) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(byTable), 'readwrite');
          for (const [table, list] of Object.entries(byTable)) for (const row of list) tx.objectStore(table).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

test('malformed stored rows are set aside and listed; the app opens and works', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group');
  await expectCount(page, 'FTF', 0);
  const now = new Date().toISOString();
  const namelessCode = { id: 'broken-code', colour: '#aa3300', description: '', parentId: null, shortcut: null, createdAt: now, updatedAt: now };
  const segmentWithoutOffsets = { id: 'broken-segment', documentId: 'x', quote: 'lost', codings: 'none' };
  await storeRawRows(page, { codes: [namelessCode], segments: [segmentWithoutOffsets] });

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group');
  await expectHeaderUsable(page);
  await expectCount(page, 'FTF', 0);
  const notice = page.getByRole('region', { name: 'Stored rows that could not be read' });
  await expect(notice).toContainText('2 stored rows could not be read');
  await notice.getByText('Show them').click();
  const listed = notice.getByRole('row');
  await expect(listed.filter({ hasText: 'broken-code' })).toContainText(/codes.*broken-code.*name/);
  await expect(listed.filter({ hasText: 'broken-segment' })).toContainText('segments');

  const downloading = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Save them as JSON' }).click();
  const download = await downloading;
  await expect(notice.getByRole('status')).toHaveText(/^Downloaded marginalia-unreadable-rows-.*\.json/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as { setAsideRows: Array<{ table: string; key: string; row: unknown }> };
  expect(saved.setAsideRows.map(({ table, key, row }) => ({ table, key, row }))).toEqual(
    expect.arrayContaining([
      { table: 'codes', key: 'broken-code', row: namelessCode },
      { table: 'segments', key: 'broken-segment', row: segmentWithoutOffsets },
    ]),
  );
});
