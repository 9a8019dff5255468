/**
 * Analysis at scale (issue 17's targets) on the synthetic corpus (1,000 documents, 100,000
 * segments, 48 codes in 3 levels):
 * - in Node, the engine the app's worker runs: code × document matrix, co-occurrence (overlap)
 *   and frequencies computed from nothing (p95 over reps), then after one coding (p95 over
 *   many); baseline in the same run: the same matrix by a straightforward loop over all
 *   segments (checked equal to ours), which has to run again after every coding;
 * - in the app (Chromium, the worker): the same three views from opening them (the round trip
 *   the service records as performance measures), the matrix updated after each of N codings
 *   (from the change to the table showing it), and every frame while the analyst codes with
 *   the code × document matrix and its heat colours open (none may take over 100 ms).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import type { EngineMeasurement } from './analysisEngine';
import { median, percentile } from './report';
import { seedBackup } from './seed';

export interface AnalysisBench {
  /** The corpus backup and folder, read by the engine's own process. */
  backupFile: string;
  corpusFolder: string;
  segments: number;
  documents: number;
  codes: number;
  reps: number;
  /** Codings made in Node and in the app, after which the views must be up to date. */
  codings: number;
  /** The app on the corpus, the document coded in it, and its spans to code. */
  url: string;
  codeDocument: { id: string; title: string; expectedHighlights: number; spans: Array<[number, number]> };
  /** run.ts's own: a browser context with the page helpers, and pages in it. */
  newContext: () => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  log: (message: string) => void;
}

export interface AnalysisMeasurement {
  segments: number;
  documents: number;
  codes: number;
  node: EngineMeasurement;
  app: {
    /** From the Analysis button to the code × document table shown (first sync of 100,000 segments included). */
    firstMatrixMs: number;
    /** The worker's round trip for each view when opened, p95 over page loads. */
    openP95Ms: { codeByDocument: number; cooccurrence: number; frequencies: number };
    /** From the coding stored to the matrix table showing it. */
    updateAfterCodingP50Ms: number;
    updateAfterCodingP95Ms: number;
    frames: number;
    framesOver100Ms: number;
    worstFrameMs: number;
  };
  targets: Array<{ name: string; goal: string; measured: string; met: boolean }>;
}

type View = 'codeByDocument' | 'cooccurrence' | 'frequencies';

/** The engine in a process of its own (see analysisEngine.ts). */
function measureEngine(b: AnalysisBench): EngineMeasurement {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'analysisEngine.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, b.backupFile, b.corpusFolder, String(Math.max(3, b.reps)), String(b.codings)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`analysis engine benchmark failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as EngineMeasurement;
}

/** In the page: records every frame's length and each time the matrix table shows a new data version. */
const WATCH = `() => {
  const w = { frames: [], shown: [], stop: false };
  let last = performance.now();
  const frame = (t) => { w.frames.push(t - last); last = t; if (!w.stop) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const table = () => document.querySelector('table.matrix-table');
  let seen = table()?.dataset.analysisVersion;
  new MutationObserver(() => {
    const v = table()?.dataset.analysisVersion;
    if (v !== undefined && v !== seen) { seen = v; w.shown.push([Number(v), performance.now()]); }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-analysis-version'], childList: true });
  window.__analysisWatch = w;
}`;

/** A context whose IndexedDB holds the corpus backup (bench/seed.ts). */
async function seededContext(b: AnalysisBench): Promise<BrowserContext> {
  const context = await b.newContext();
  const counts = await seedBackup({ context, url: b.url, freshPage: b.freshPage }, b.backupFile);
  b.log(`analysis: seeded ${counts.codes} codes and ${counts.segments} segments`);
  return context;
}

/** The worker round trip of a view: its measure, waited for — the table may show before the answer is in. */
async function lastMeasure(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'measure').length > 0, name, { timeout: 180_000 });
  return page.evaluate((n) => {
    const all = performance.getEntriesByName(n, 'measure');
    return all[all.length - 1]!.duration;
  }, name);
}

async function measureApp(b: AnalysisBench) {
  const context = await seededContext(b);
  const open: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const firstMatrix: number[] = [];
  let page: Page | null = null;
  for (let r = 0; r < b.reps; r++) {
    page = await b.freshPage(context, `${b.url}#doc=${encodeURIComponent(b.codeDocument.id)}`);
    await page.evaluate(`window.__bench.appReady(${JSON.stringify(b.codeDocument.title)}, ${b.codeDocument.expectedHighlights})`);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Analysis' });
    await panel.locator('table.matrix-table tbody tr').nth(47).waitFor({ timeout: 180_000 });
    firstMatrix.push((await page.evaluate(() => performance.now())) - t0);
    open.codeByDocument.push(await lastMeasure(page, 'analysis:codeByDocument'));
    await panel.getByRole('combobox', { name: 'Matrix' }).selectOption('cooccurrence');
    await panel.getByRole('table', { name: /^Code × code co-occurrence/ }).waitFor({ timeout: 180_000 });
    open.cooccurrence.push(await lastMeasure(page, 'analysis:cooccurrence'));
    await panel.getByRole('tab', { name: 'Frequencies' }).click();
    await panel.getByRole('table', { name: 'Code frequencies' }).waitFor({ timeout: 180_000 });
    open.frequencies.push(await lastMeasure(page, 'analysis:frequencies'));
    b.log(
      `analysis ${r + 1}/${b.reps} in the app: matrix shown ${firstMatrix[r]!.toFixed(0)} ms after the click; worker round trips code × document ${open.codeByDocument[r]!.toFixed(0)} ms, co-occurrence ${open.cooccurrence[r]!.toFixed(0)} ms, frequencies ${open.frequencies[r]!.toFixed(0)} ms`,
    );
    await panel.getByRole('tab', { name: 'Matrices' }).click();
    await panel.getByRole('combobox', { name: 'Matrix' }).selectOption('codeByDocument');
    await panel.getByRole('table', { name: 'Segments: code × document' }).waitFor({ timeout: 180_000 });
  }
  // Coding with the code × document matrix (heat colours) open under the reader.
  await page!.evaluate(`(${WATCH})()`);
  await page!.evaluate(`window.__bench.codeRun(${JSON.stringify(b.codeDocument.spans)}, '1')`);
  await page!.evaluate(`window.__bench.settle()`);
  const watched = await page!.evaluate(() => {
    const w = (window as unknown as { __analysisWatch: { frames: number[]; shown: Array<[number, number]>; stop: boolean } }).__analysisWatch;
    w.stop = true;
    const changed = performance.getEntriesByName('analysis:changed', 'mark').map((m) => [(m as PerformanceMark).detail as number, m.startTime]);
    return { frames: w.frames, shown: w.shown, changed };
  });
  await page!.evaluate(`window.__bench.removeBenchSegments()`);
  await context.close();
  const shownAt = new Map(watched.shown);
  const updates = watched.changed.flatMap(([version, at]) => (shownAt.has(version!) ? [shownAt.get(version!)! - at!] : []));
  if (updates.length < b.codeDocument.spans.length) b.log(`analysis: only ${updates.length} of ${b.codeDocument.spans.length} codings were seen in the matrix`);
  const frames = watched.frames.slice(1);
  return {
    firstMatrixMs: median(firstMatrix),
    openP95Ms: { codeByDocument: percentile(open.codeByDocument, 95), cooccurrence: percentile(open.cooccurrence, 95), frequencies: percentile(open.frequencies, 95) },
    updateAfterCodingP50Ms: percentile(updates, 50),
    updateAfterCodingP95Ms: percentile(updates, 95),
    frames: frames.length,
    framesOver100Ms: frames.filter((f) => f > 100).length,
    worstFrameMs: Math.max(...frames),
  };
}

export async function measureAnalysis(b: AnalysisBench): Promise<AnalysisMeasurement> {
  b.log(`analysis: the engine in Node over ${b.segments} segments (${b.reps} reps, ${b.codings} codings)`);
  const node = measureEngine(b);
  b.log(
    `analysis in Node: from nothing p95 code × document ${node.coldP95Ms.codeByDocument.toFixed(0)} ms, co-occurrence ${node.coldP95Ms.cooccurrence.toFixed(0)} ms, frequencies ${node.coldP95Ms.frequencies.toFixed(0)} ms ` +
      `(the very first answers, compiling the code: ${node.firstAnswerMs.codeByDocument.toFixed(0)} / ${node.firstAnswerMs.cooccurrence.toFixed(0)} / ${node.firstAnswerMs.frequencies.toFixed(0)} ms); ` +
      `after one coding p95 ${node.afterCodingP95Ms.codeByDocument.toFixed(1)} / ${node.afterCodingP95Ms.cooccurrence.toFixed(1)} / ${node.afterCodingP95Ms.frequencies.toFixed(1)} ms; baseline loop ${node.baselineMatrixMs.toFixed(0)} ms`,
  );
  b.log('analysis: the app (worker), matrix open while coding');
  const app = await measureApp(b);
  const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
  const worst = (o: Record<View, number>) => Math.max(o.codeByDocument, o.cooccurrence, o.frequencies);
  const targets = [
    { name: 'analysis views computed (app, worker), p95', goal: '≤ 200 ms each', measured: `${ms(app.openP95Ms.codeByDocument)} / ${ms(app.openP95Ms.cooccurrence)} / ${ms(app.openP95Ms.frequencies)}`, met: worst(app.openP95Ms) <= 200 },
    { name: 'analysis views computed (engine, from nothing), p95', goal: '≤ 200 ms each', measured: `${ms(node.coldP95Ms.codeByDocument)} / ${ms(node.coldP95Ms.cooccurrence)} / ${ms(node.coldP95Ms.frequencies)}`, met: worst(node.coldP95Ms) <= 200 },
    { name: 'matrix updated after one coding (app), p95', goal: '≤ 50 ms', measured: ms(app.updateAfterCodingP95Ms), met: app.updateAfterCodingP95Ms <= 50 },
    { name: 'views after one coding (engine), p95', goal: '≤ 50 ms each', measured: `${ms(node.afterCodingP95Ms.codeByDocument)} / ${ms(node.afterCodingP95Ms.cooccurrence)} / ${ms(node.afterCodingP95Ms.frequencies)}`, met: worst(node.afterCodingP95Ms) <= 50 },
    { name: 'frames over 100 ms while coding with the matrix open', goal: '0', measured: `${app.framesOver100Ms} of ${app.frames} (worst ${ms(app.worstFrameMs)})`, met: app.framesOver100Ms === 0 },
  ];
  b.log(`analysis: ours / baseline loop: from nothing ${node.ratioCold.toFixed(2)}×, after one coding ${node.ratioAfterCoding.toFixed(2)}×`);
  for (const t of targets) b.log(`analysis target ${t.met ? 'met' : 'MISSED'}: ${t.name} — ${t.measured} (goal ${t.goal})`);
  return { segments: b.segments, documents: b.documents, codes: b.codes, node, app, targets };
}
