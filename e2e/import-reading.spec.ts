/**
 * Reading an imported file, as the analyst sees it.
 * - Closing the Import dialog while a file is still being read stops the reading: the .qdpx
 *   worker is terminated, and nothing of the file is stored — not then, not after a reload. The
 *   same file imported without closing does come in (so it was one that would have been stored).
 * - A .qdc's codes keep the file's order (siblings as listed, after the codes already there),
 *   not the alphabet's, and keep it after a reload.
 * - Mapping a big codebook onto a big one (more than 300 codes here): the step shows a page of rows, each choice listing
 *   every code only while it is chosen, and what the analyst chose is what is imported.
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

test('mapping 1,000 incoming codes onto 405: a page of rows at a time, full lists only while choosing', async ({ page }) => {
  await openApp(page);
  const pad = (n: number) => String(n).padStart(4, '0');
  // Each file's codes have GUIDs of their own (a GUID already here is that code, not a new one).
  const codebookFile = (name: string, names: string[], from: number) => ({
    name,
    mimeType: 'application/xml',
    buffer: Buffer.from(qdcXml(names.map((n, i) => codeXml(G(from + i), n)).join(''))),
  });
  const ours = Array.from({ length: 400 }, (_, i) => `Topic ${pad(i + 1)}`);
  let dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', codebookFile('ours.qdc', ours, 1));
  await expect(dialog.getByRole('status')).toContainText('Imported ours.qdc: Added 400 codes.');
  await page.keyboard.press('Escape');

  const theirs = Array.from({ length: 1000 }, (_, i) => `Topic ${pad(i + 1)} (theirs)`);
  dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', codebookFile('theirs.qdc', theirs, 10_000));
  const step = dialog.getByRole('region', { name: 'Map theirs.qdc’s codes' });
  await expect(step).toBeVisible();
  const choices = step.getByRole('combobox');
  await expect(choices).toHaveCount(100);
  // Not 100 × 401 options: each choice lists "new" and its proposal until it is chosen.
  expect(await step.locator('option').count()).toBeLessThanOrEqual(200);
  const first = step.getByRole('combobox', { name: 'Map “Topic 0001 (theirs)” onto' });
  await expect(first).toHaveValue(/.+/); // proposed: "Topic 0001"
  await first.focus();
  await expect(first.locator('option')).toHaveCount(1 + 5 + 400); // "new", the 5 default codes and ours
  await first.selectOption({ label: 'Add as a new code' });

  await step.getByRole('button', { name: /^Show 100 more/ }).click();
  await expect(choices).toHaveCount(200);
  await step.getByRole('button', { name: /^Import \(/ }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported theirs.qdc');
  await page.keyboard.press('Escape');

  const filter = page.getByRole('searchbox', { name: 'Filter codes' });
  await filter.fill('(theirs)');
  const tree = page.getByRole('tree', { name: 'Codes' });
  await expect(tree.getByRole('treeitem', { name: 'Topic 0001 (theirs)' })).toBeVisible(); // chosen: new
  await expect(tree.getByRole('treeitem', { name: 'Topic 0002 (theirs)' })).toHaveCount(0); // proposed: mapped
});
