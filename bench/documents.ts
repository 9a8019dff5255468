/**
 * `--only documents`: adding documents through the app. 200 Word files of ~30 KB at once, then
 * one 300-page PDF, chosen in the Add documents dialog (the browser's file chooser), converted
 * in the app's worker and stored. Reports files per second, the PDF's time to text, the frames
 * over 50 ms in the window while the batch runs (target: none over 200 ms), and the JS heap
 * after importing against the text imported (target ≤ 2×).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { convertDocument } from '../converters';
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
  };
}
