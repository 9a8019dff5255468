/**
 * Hostile files through the Import dialog: a .qdpx bomb (6 MB that would inflate to 1 GB) and a
 * .qdpx whose XML uses an HTML entity. Each is refused with a message saying what is wrong with
 * the file, the stored project is unchanged, and the page stays responsive while the file is
 * read: calls into the page keep answering, and no task on the main thread runs a second or more
 * (Long Animation Frame and Long Tasks observers) — the archive is read in a worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { craftZip, text, zeroBomb } from '../renderer/formats/fuzz/craftZip';
import { projectXml, sourceXml, SOURCE_TEXT } from '../renderer/formats/fuzz/refiFiles';
import { openApp } from './support/coding';
import { importDialog, importFile } from './support/exchange';

const MB = 1024 * 1024;
const QDPX = 'REFI-QDA project (.qdpx)';

/** Every row of every table of the app's IndexedDB. */
function storedRows(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const rows: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (rows[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(rows);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Starts recording the main thread's long frames and tasks (what a frozen page shows). */
function watchLongTasks(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    for (const type of ['long-animation-frame', 'longtask']) {
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type, buffered: false });
    }
    return PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') || PerformanceObserver.supportedEntryTypes.includes('longtask');
  });
}

/**
 * Imports the file and calls into the page until the dialog says it was refused: the message, and
 * how many calls answered meanwhile. The file goes to the chooser as a path on disk: handed over
 * as bytes, Playwright itself builds the File inside the page, in one long task of its own.
 */
async function importRefused(page: Page, name: string, bytes: Uint8Array): Promise<{ message: string; roundTrips: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'marginalia-hostile-')), name);
  writeFileSync(path, bytes);
  const dialog = await importFile(page, QDPX, path);
  const alert = dialog.getByRole('alert', { includeHidden: true }); // empty (so hidden) until it says something
  let roundTrips = 0;
  while (!(await alert.textContent())?.trim()) {
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    roundTrips++;
  }
  return { message: (await alert.textContent())!, roundTrips };
}

test('a .qdpx bomb and a .qdpx with an HTML entity are refused, nothing changes, the page stays responsive', async ({ page }) => {
  await openApp(page);
  expect(await watchLongTasks(page)).toBe(true);
  const before = await storedRows(page);
  expect(before.codes!.length).toBeGreaterThan(0);

  // A project of 30,000 coded selections (seconds of parsing in the worker) whose source declares
  // 40 MB (under the 50 MB limit for a source) and would inflate to 1 GB.
  const selections = Array.from({ length: 30_000 }, () => ({ start: 13, end: 32 }));
  const bomb = craftZip([
    { name: 'project.qde', data: text(projectXml({ sources: sourceXml({ selections }, 0) })) },
    { name: 'sources/s0.txt', payload: zeroBomb(1024 * MB), size: 40 * MB },
  ]);
  expect(bomb.length).toBeLessThan(8 * MB);
  const refused = await importRefused(page, 'bomb.qdpx', bomb);
  expect(refused.message).toBe(
    'bomb.qdpx was not imported. The archive is refused: the entry "sources/s0.txt" inflates to more than the 41943040 bytes its directory declares.',
  );
  expect(refused.roundTrips).toBeGreaterThan(0);
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();

  const entity = craftZip([
    { name: 'project.qde', data: text(projectXml({ sources: sourceXml({ name: 'Caf&eacute; interview' }, 0) })) },
    { name: 'sources/s0.txt', data: text(SOURCE_TEXT) },
  ]);
  expect((await importRefused(page, 'entity.qdpx', entity)).message).toMatch(
    /^entity\.qdpx was not imported\. project\.qde is refused \(line \d+, column \d+\): "&eacute;" is not an XML entity/,
  );

  expect(await storedRows(page)).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(1000);
});
