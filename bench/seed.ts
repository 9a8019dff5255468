/**
 * Fills the app's IndexedDB with a project backup's rows before a measurement. The app opens once
 * (so Dexie creates its schema); then a blank page of the same origin, without the app running,
 * takes the rows in slices: handing the corpus's 87 MB backup to a page in one piece (one fetch
 * through Playwright's route, one transaction) lost the page.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

const SLICE = 5000;

/** In a page of the app's origin: writes rows into a store of the app's database (plain JavaScript). */
const PUT_ROWS = `async ([store, rows, clear]) => {
  const request = (r) => new Promise((done, fail) => { r.onsuccess = () => done(r.result); r.onerror = () => fail(r.error); });
  const db = await request(indexedDB.open('marginalia'));
  const tx = db.transaction(store, 'readwrite');
  if (clear) tx.objectStore(store).clear();
  for (const row of rows) tx.objectStore(store).put(row);
  await new Promise((done, fail) => { tx.oncomplete = done; tx.onerror = () => fail(tx.error); });
  db.close();
}`;

export interface SeedTarget {
  context: BrowserContext;
  /** The app's address (its origin is the database's). */
  url: string;
  /** Opens the app in a fresh page of the context (else a new page is opened on `url`). */
  freshPage?: (context: BrowserContext, url: string) => Promise<Page>;
}

/** Writes the backup's codes and segments (memos emptied) and returns how many were written. */
export async function seedBackup(target: SeedTarget, backupFile: string): Promise<{ codes: number; segments: number }> {
  const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as { codes: unknown[]; segments: unknown[] };
  const { context, url } = target;
  await context.route('**/__bench/blank.html', (route) => route.fulfill({ body: '<!doctype html><title>seeding</title>', contentType: 'text/html' }));
  const page = target.freshPage ? await target.freshPage(context, url) : await context.newPage();
  if (!target.freshPage) await page.goto(url);
  await page.evaluate(`window.__bench.appReady(null, 0)`);
  await page.goto(new URL('/__bench/blank.html', url).href);
  const put = (store: string, rows: unknown[], clear: boolean) => page.evaluate(`(${PUT_ROWS})(${JSON.stringify([store, rows, clear])})`);
  await put('memos', [], true);
  await put('codes', backup.codes, true);
  await put('segments', [], true);
  for (let i = 0; i < backup.segments.length; i += SLICE) await put('segments', backup.segments.slice(i, i + SLICE), false);
  await page.close();
  return { codes: backup.codes.length, segments: backup.segments.length };
}
