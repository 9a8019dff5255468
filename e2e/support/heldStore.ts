/**
 * Holds the project database's writes, so an action stays "being stored" for as long as a test
 * needs: a read-write transaction over every table, kept open with cheap reads, blocks the
 * store's next write until released. A slow disk or a busy machine does this by chance; a test
 * of what the analyst does meanwhile needs it on purpose.
 */
import type { Page } from '@playwright/test';

export async function holdStoreWrites(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((held, failed) => {
        const w = window as unknown as { __releaseStore?: () => void };
        const request = indexedDB.open('marginalia');
        request.onerror = () => failed(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tables = [...db.objectStoreNames];
          const tx = db.transaction(tables, 'readwrite');
          let released = false;
          w.__releaseStore = () => {
            released = true;
          };
          const table = tx.objectStore(tables[0]!);
          const keepOpen = () => {
            if (!released) table.count().onsuccess = keepOpen;
          };
          keepOpen();
          tx.oncomplete = () => db.close();
          held();
        };
      }),
  );
  return () => page.evaluate(() => (window as unknown as { __releaseStore: () => void }).__releaseStore());
}
