/**
 * Reading an imported file, as the analyst sees it.
 * - Closing the Import dialog while a file is still being read stops the reading: the .qdpx
 *   worker is terminated, and nothing of the file is stored — not then, not after a reload. The
 *   same file imported without closing does come in (so it was one that would have been stored).
 * - A .qdc's codes keep the file's order (siblings as listed, after the codes already there),
 *   not the alphabet's, and keep it after a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { codeXml, G, projectXml, qdcXml, qdpx, sourceXml } from '../renderer/formats/fuzz/refiFiles';
import { openApp } from './support/coding';
import { codeNames, importDialog, importFile } from './support/exchange';

const QDPX = 'REFI-QDA project (.qdpx)';

/** A valid .qdpx: one code on 20,000 passages of a 3.4 MB source, seconds of reading in the worker. */
function slowQdpx(): string {
  const sentence = 'Winter was hard. ';
  const selections = Array.from({ length: 20_000 }, (_, i) => ({ start: i * sentence.length, end: i * sentence.length + 6 }));
  const xml = projectXml({ codes: codeXml(G(10), 'Winter hardship'), sources: sourceXml({ name: 'Winter interview', selections }, 0) });
  const path = join(mkdtempSync(join(tmpdir(), 'marginalia-cancel-')), 'winter.qdpx');
  writeFileSync(path, qdpx(xml, { 's0.txt': sentence.repeat(200_000) }));
  return path;
}

const readerStarted = (page: Page) => page.waitForEvent('worker', (worker) => /qdpxImportWorker/.test(worker.url()));

/** Records, in the page, every reply the app's workers send it ("<worker file> <reply type>"). */
const recordWorkerReplies = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { __workerReplies: string[]; Worker: typeof Worker };
    w.__workerReplies = [];
    const Native = w.Worker;
    w.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
          if (e.data?.type) w.__workerReplies.push(`${String(url).split('/').pop()} ${e.data.type}`);
        });
      }
    };
  });
const qdpxReplies = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __workerReplies: string[] }).__workerReplies)).filter((r) => r.startsWith('qdpxImportWorker')).map((r) => r.split(' ')[1]);

test('closing Import while a .qdpx is read stops its worker and stores nothing', async ({ page }) => {
  await recordWorkerReplies(page);
  await openApp(page);
  const codesBefore = await codeNames(page);
  const file = slowQdpx();

  const starting = readerStarted(page);
  const dialog = await importFile(page, QDPX, file);
  const reader = await starting;
  const stopped = new Promise<void>((resolve) => reader.once('close', () => resolve()));
  await expect(dialog.getByText('Reading winter.qdpx…')).toBeVisible();
  await expect.poll(() => qdpxReplies(page)).toEqual(['ready']); // the worker has the file: it is reading
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await stopped;
  expect(await qdpxReplies(page)).toEqual(['ready']); // stopped while reading: it never answered

  expect(await codeNames(page)).toEqual(codesBefore);
  await page.reload();
  await expect(page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').first()).toBeVisible();
  expect(await codeNames(page)).toEqual(codesBefore);

  // Left to finish, the same file is imported.
  await importFile(page, QDPX, file);
  await expect(importDialog(page).getByRole('status')).toContainText('Imported winter.qdpx', { timeout: 60_000 });
  expect(await qdpxReplies(page)).toEqual(['ready', 'done']);
  expect(await codeNames(page)).toContain('Winter hardship');
});

test('a .qdc’s codes keep the file’s order, after the codes already there', async ({ page }) => {
  await openApp(page);
  const before = await codeNames(page);
  const xml = qdcXml(codeXml(G(1), 'Zulu', codeXml(G(2), 'Mike') + codeXml(G(3), 'Bravo')) + codeXml(G(4), 'Alpha'));
  const dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', { name: 'order.qdc', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(dialog.getByRole('status')).toContainText('Imported order.qdc: Added 4 codes.');
  await page.keyboard.press('Escape');
  const expected = [...before, 'Zulu', 'Mike', 'Bravo', 'Alpha'];
  expect(await codeNames(page)).toEqual(expected);
  await page.reload();
  await expect(page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Alpha' })).toBeVisible();
  expect(await codeNames(page)).toEqual(expected);
});
