/**
 * A codebook of 20,000 codes (issue 19's targets: imported as a .qdc in ≤ 3 s, the app started
 * with them in ≤ 1 s), beside the same with the book's own codes, measured in the same run.
 * - start: from navigation until the codebook tree and the document list are there and the page
 *   has painted (house rule: two frames), with the codes in IndexedDB;
 * - import: in a project with the book's codes, from handing the .qdc to the Import dialog's file
 *   chooser until the dialog reports it imported and the page has painted; the longest task the
 *   page ran meanwhile is reported too (a frozen page is one long task);
 * - reading a backup: the backup with 20,000 codes (and the book's segments) handed to the Import
 *   dialog as a file, until it asks whether to replace or merge (read and checked, in a worker),
 *   with the longest task meanwhile.
 * With `traceDir` (the bench's --trace DIR), the last start and the last import are recorded as
 * Chromium traces (codebook-start.json, codebook-import.json; see trace-summary.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Backup } from '../renderer/formats/backup/backup';
import type { Code } from '../renderer/domain/model';
import { PALETTE } from '../renderer/domain/palette';
import { exportQdc } from '../renderer/formats/refiQda/codebook';
import { median } from './report';

export const CODEBOOK_CODES = 20_000;

export interface CodebookBench {
  url: string;
  reps: number;
  /** The book's backup, and where to write the same with 20,000 codes. */
  backup: Backup;
  bookBackupFile: string;
  largeBackupFile: string;
  newSeededContext: (backupFile: string) => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  log: (message: string) => void;
  /** Where to write Chromium traces of the last start and import, or null. */
  traceDir?: string | null;
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];

/** Runs `work`, recording a Chromium trace of every page of the context into `file` when one is given. */
async function traced<T>(context: BrowserContext, file: string | null, work: () => Promise<T>, log: (message: string) => void): Promise<T> {
  const browser = context.browser();
  if (!file || !browser) return work();
  await browser.startTracing(undefined, { path: file, categories: TRACE_CATEGORIES });
  try {
    return await work();
  } finally {
    await browser.stopTracing();
    log(`trace written to ${file}`);
  }
}

export interface CodebookMeasurement {
  codes: number;
  startMs: number;
  baselineCodes: number;
  baselineStartMs: number;
  importMs: number;
  importLongestTaskMs: number;
  backupReadMs: number;
  backupReadLongestTaskMs: number;
}

/** `total` codes as a real codebook nests them: every fourth a theme, the next three its aspects. */
export function benchCodes(total: number, prefix: string): Code[] {
  const now = '2024-01-01T00:00:00.000Z';
  return Array.from({ length: total }, (_, i) => {
    const parentId = i % 4 === 0 ? null : `${prefix}-${i - (i % 4)}`;
    return {
      id: `${prefix}-${i}`,
      name: parentId ? `Aspect ${i % 4}` : `Theme ${i / 4}`,
      colour: PALETTE[i % PALETTE.length]!,
      description: parentId ? '' : `Passages about theme ${i / 4}.`,
      parentId,
      shortcut: null,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** In the page: ms from navigation until the tree and the document list are there, painted. */
const STARTED = `(async () => {
  const bench = window.__bench;
  await bench.waitFor(() => document.querySelector('[role=tree][aria-label=Codes] [role=treeitem]') && document.querySelector('nav[aria-label="Documents"] a'), 120000, 'the codebook and the documents');
  await bench.settle();
  return performance.now();
})()`;

/** In the page: records the longest task from now on (window.__longestTask). */
const WATCH_TASKS = `(() => {
  window.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
  }).observe({ type: 'longtask' });
})()`;

/** Opens the Import dialog on `format` and its file chooser; the longest task is watched from then on. */
async function chooseImport(page: Page, format: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  const chooser = await choosing;
  await page.evaluate(WATCH_TASKS);
  return { dialog, chooser };
}

export async function measureCodebook(b: CodebookBench): Promise<CodebookMeasurement> {
  if (b.traceDir) mkdirSync(b.traceDir, { recursive: true });
  const traceFile = (name: string, r: number) => (b.traceDir && r === b.reps - 1 ? join(b.traceDir, `codebook-${name}.json`) : null);
  writeFileSync(b.largeBackupFile, JSON.stringify({ ...b.backup, codes: [...b.backup.codes, ...benchCodes(CODEBOOK_CODES - b.backup.codes.length, 'bench-codebook')] }));
  const start = async (backupFile: string, label: string, traceName: string | null) => {
    const context = await b.newSeededContext(backupFile);
    const times: number[] = [];
    for (let r = 0; r < b.reps; r++) {
      const file = traceName ? traceFile(traceName, r) : null;
      times.push(await traced(context, file, async () => (await b.freshPage(context, b.url)).evaluate<number>(STARTED), b.log));
      b.log(`codebook: start with ${label}: ${times.at(-1)!.toFixed(0)} ms`);
    }
    await context.close();
    return median(times);
  };
  const baselineStartMs = await start(b.bookBackupFile, `the book's ${b.backup.codes.length} codes`, null);
  const startMs = await start(b.largeBackupFile, `${CODEBOOK_CODES} codes`, 'start');

  const qdc = Buffer.from(exportQdc(benchCodes(CODEBOOK_CODES, 'qdc')));
  const importMs: number[] = [];
  const longest: number[] = [];
  for (let r = 0; r < b.reps; r++) {
    const context = await b.newSeededContext(b.bookBackupFile);
    const page = await b.freshPage(context, b.url);
    await page.evaluate(STARTED);
    const { dialog, chooser } = await chooseImport(page, 'REFI-QDA codebook (.qdc)');
    const t0 = Date.now();
    await traced(context, traceFile('import', r), async () => {
      await chooser.setFiles({ name: 'bench.qdc', mimeType: 'application/xml', buffer: qdc });
      await dialog.getByRole('status').filter({ hasText: 'Imported bench.qdc' }).waitFor({ timeout: 120_000 });
      await page.evaluate('window.__bench.settle()');
      importMs.push(Date.now() - t0);
    }, b.log);
    longest.push(await page.evaluate<number>('window.__longestTask'));
    b.log(`codebook: import of ${CODEBOOK_CODES} codes: ${importMs.at(-1)} ms, longest task ${longest.at(-1)!.toFixed(0)} ms`);
    await context.close();
  }

  const readMs: number[] = [];
  const readLongest: number[] = [];
  for (let r = 0; r < b.reps; r++) {
    const context = await b.newSeededContext(b.bookBackupFile);
    const page = await b.freshPage(context, b.url);
    await page.evaluate(STARTED);
    const { dialog, chooser } = await chooseImport(page, 'Project backup (JSON)');
    const t0 = Date.now();
    await chooser.setFiles(b.largeBackupFile); // a path: as bytes, Playwright builds the File in the page in one long task
    await dialog.getByRole('button', { name: 'Replace' }).waitFor({ timeout: 120_000 });
    readMs.push(Date.now() - t0);
    readLongest.push(await page.evaluate<number>('window.__longestTask'));
    b.log(`codebook: reading the backup with ${CODEBOOK_CODES} codes: ${readMs.at(-1)} ms, longest task ${readLongest.at(-1)!.toFixed(0)} ms`);
    await context.close();
  }
  return {
    codes: CODEBOOK_CODES,
    startMs,
    baselineCodes: b.backup.codes.length,
    baselineStartMs,
    importMs: median(importMs),
    importLongestTaskMs: median(longest),
    backupReadMs: median(readMs),
    backupReadLongestTaskMs: median(readLongest),
  };
}
