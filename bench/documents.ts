/**
 * `--only documents`: adding documents through the app. 200 Word files of ~30 KB at once, then
 * one 300-page PDF, chosen in the Add documents dialog (the browser's file chooser), converted
 * in the app's worker and stored. Reports files per second, the PDF's time to text, the frames
 * over 50 ms in the window while the batch runs (target: none over 200 ms), and the JS heap
 * after importing against the text imported (target ≤ 2×).
 *
 * Then the same folder opened as a corpus (`--corpus DIR`), as main loads it at start: the time
 * to the listing with an empty conversion cache and again with the cache the first start left,
 * and the longest the main process's event loop was kept busy meanwhile.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { convertDocument } from '../main/conversion/convertDocument';
import { loadCorpus } from '../main/corpus/loadCorpus';
import { synthDocuments } from '../scripts/synth/documents';

export interface DocumentsResult {
  files: number;
  seconds: number;
  filesPerSecond: number;
  pdfPages: number;
  pdfSeconds: number;
  frames: number;
  longFrames: number;
  framesOver200: number;
  worstFrameMs: number;
  textMB: number;
  heapGrowthMB: number;
  heapPerText: number;
  corpusStart: CorpusStartResult;
}

export interface CorpusStartResult {
  documents: number;
  /** Empty conversion cache: every .docx and the PDF converted. */
  coldSeconds: number;
  coldWorstStallMs: number;
  /** The cache the first start left: nothing converted. */
  warmSeconds: number;
  warmWorstStallMs: number;
}

interface Options {
  url: string;
  dataDir: string;
  seed: number;
  scale: number;
  newContext: () => Promise<BrowserContext>;
  log: (message: string) => void;
}

/** Frame gaps in the page from now until `stop`: requestAnimationFrame deltas. */
const WATCH_FRAMES = `(() => { const w = (window.__frames = { gaps: [], stop: false }); let last = performance.now();
  const frame = (t) => { w.gaps.push(t - last); last = t; if (!w.stop) requestAnimationFrame(frame); }; requestAnimationFrame(frame); })()`;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1048576;
}

async function addFiles(page: Page, paths: string[], expected: string): Promise<number> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: 'Add documents…' }).click();
  const started = Date.now();
  await (await choosing).setFiles(paths);
  const dialog = page.getByRole('dialog', { name: 'Add documents' });
  await dialog.getByRole('status').filter({ hasText: expected }).waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  return seconds;
}

export async function measureDocuments(options: Options): Promise<DocumentsResult> {
  const folder = join(options.dataDir, 'documents');
  if (!existsSync(join(folder, 'book.pdf'))) {
    options.log('documents: writing 200 .docx and a 300-page .pdf');
    await synthDocuments(options.dataDir, options.seed, options.scale);
  }
  const docx = readdirSync(folder).filter((f) => f.endsWith('.docx')).sort().map((f) => join(folder, f));
  const pdf = join(folder, 'book.pdf');
  let textChars = 0;
  for (const path of [...docx, pdf]) textChars += (await convertDocument(path, new Uint8Array(readFileSync(path)))).text.length;
  const pdfPages = (await convertDocument(pdf, new Uint8Array(readFileSync(pdf)))).provenance.pageStarts!.length;

  const context = await options.newContext();
  const page = await context.newPage();
  await page.goto(options.url);
  await page.getByRole('textbox', { name: 'Document text' }).waitFor();
  const before = await heapMB(page);

  options.log(`documents: adding ${docx.length} .docx at once`);
  await page.evaluate(WATCH_FRAMES);
  const seconds = await addFiles(page, docx, `${docx.length} of ${docx.length} added.`);
  const gaps = await page.evaluate(() => {
    const w = (window as unknown as { __frames: { gaps: number[]; stop: boolean } }).__frames;
    w.stop = true;
    return w.gaps;
  });
  options.log(`documents: adding the ${pdfPages}-page .pdf`);
  const pdfSeconds = await addFiles(page, [pdf], '1 of 1 added.');
  const after = await heapMB(page);
  await context.close();

  const corpusStart = await measureCorpusStart(folder);
  options.log(
    `documents: --corpus with ${corpusStart.documents} files listed in ${corpusStart.coldSeconds.toFixed(1)} s converting ` +
      `(event loop busy ≤ ${corpusStart.coldWorstStallMs.toFixed(0)} ms at a time), ${corpusStart.warmSeconds.toFixed(2)} s from the cache ` +
      `(≤ ${corpusStart.warmWorstStallMs.toFixed(0)} ms)`,
  );

  // UTF-16 in the heap: two bytes a character.
  const textMB = (textChars * 2) / 1048576;
  const heapGrowthMB = after - before;
  return {
    files: docx.length,
    seconds,
    filesPerSecond: docx.length / seconds,
    pdfPages,
    pdfSeconds,
    frames: gaps.length,
    longFrames: gaps.filter((g) => g > 50).length,
    framesOver200: gaps.filter((g) => g > 200).length,
    worstFrameMs: Math.max(0, ...gaps),
    textMB,
    heapGrowthMB,
    heapPerText: heapGrowthMB / textMB,
    corpusStart,
  };
}

/** The folder loaded as main loads a --corpus folder: first with an empty cache, then with the one that left. */
export async function measureCorpusStart(folder: string): Promise<CorpusStartResult> {
  const cacheFolder = mkdtempSync(join(tmpdir(), 'marginalia-bench-cache-'));
  try {
    const cold = await timedLoad(folder, cacheFolder);
    const warm = await timedLoad(folder, cacheFolder);
    return { documents: cold.documents, coldSeconds: cold.seconds, coldWorstStallMs: cold.worstStallMs, warmSeconds: warm.seconds, warmWorstStallMs: warm.worstStallMs };
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
}

async function timedLoad(folder: string, cacheFolder: string): Promise<{ documents: number; seconds: number; worstStallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const corpus = await loadCorpus(folder, { cacheFolder });
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  return { documents: corpus.listing.documents.length, seconds, worstStallMs: delay.max / 1e6 };
}
