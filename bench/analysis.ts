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
import type { BrowserContext, Page } from '@playwright/test';
import { flattenTree } from '../renderer/domain/codeTree';
import { AnalysisEngine } from '../renderer/domain/analysis/engine';
import { toAnalysisSegment, type AnalysisDocument } from '../renderer/domain/analysis/input';
import type { AnalysisRequest, MatrixAnswer } from '../renderer/domain/analysis/requests';
import { profileText } from '../renderer/domain/analysis/textProfile';
import type { Code, Segment } from '../renderer/domain/model';
import { quoteSelector } from '../renderer/domain/segments';
import type { Backup } from '../renderer/formats/backup/backup';
import { median, percentile, ratio } from './report';

export interface AnalysisBench {
  backup: Backup;
  documents: ReadonlyArray<AnalysisDocument>;
  texts: ReadonlyMap<string, string>;
  reps: number;
  /** Codings made in Node and in the app, after which the views must be up to date. */
  codings: number;
  /** The app on the corpus, the document coded in it, and its spans to code. */
  url: string;
  codeDocument: { id: string; title: string; expectedHighlights: number; spans: Array<[number, number]> };
  /** run.ts's own: a browser context seeded with the corpus backup, and pages in it. */
  newSeededContext: () => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  log: (message: string) => void;
}

export interface AnalysisMeasurement {
  segments: number;
  documents: number;
  codes: number;
  node: {
    coldP95Ms: { codeByDocument: number; cooccurrence: number; frequencies: number };
    afterCodingP95Ms: { codeByDocument: number; cooccurrence: number; frequencies: number };
    baselineMatrixMs: number;
    ratioCold: number;
    ratioAfterCoding: number;
  };
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
const VIEWS: View[] = ['codeByDocument', 'cooccurrence', 'frequencies'];
const requestFor = (view: View): AnalysisRequest =>
  view === 'codeByDocument'
    ? { kind: 'codeByDocument', restriction: {}, measure: 'segments' }
    : view === 'cooccurrence'
      ? { kind: 'cooccurrence', restriction: {}, within: { chars: -1 } }
      : { kind: 'frequencies', restriction: {} };

function byDocument(segments: readonly Segment[]): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  for (const s of segments) {
    const list = out.get(s.documentId);
    if (list) list.push(s);
    else out.set(s.documentId, [s]);
  }
  return out;
}

function loadedEngine(codes: readonly Code[], b: AnalysisBench, segments: ReadonlyMap<string, Segment[]>): AnalysisEngine {
  const engine = new AnalysisEngine();
  engine.setCodes(flattenTree(codes).map(({ code }) => ({ id: code.id, parentId: code.parentId })));
  engine.setDocuments(b.documents);
  for (const d of b.documents) {
    engine.setSegments(d.id, (segments.get(d.id) ?? []).map(toAnalysisSegment));
    engine.setProfile(d.id, profileText(b.texts.get(d.id)!));
  }
  return engine;
}

/**
 * The baseline: segments per code and document, own and with sub-codes, by a straightforward
 * loop over every segment, its codes and their ancestors — recomputed whole each time.
 */
function baselineMatrix(codes: readonly Code[], documents: readonly AnalysisDocument[], segments: readonly Segment[]): Int32Array {
  const order = flattenTree(codes).map(({ code }) => code);
  const row = new Map(order.map((c, i) => [c.id, i]));
  const parent = new Map(order.map((c) => [c.id, c.parentId]));
  const column = new Map(documents.map((d, i) => [d.id, i]));
  const k = order.length;
  const values = new Int32Array(2 * k * documents.length);
  for (const s of segments) {
    const j = column.get(s.documentId);
    if (j === undefined) continue;
    const own = new Set(s.codings.map((c) => c.codeId).filter((id) => row.has(id)));
    const rolled = new Set<string>();
    for (const id of own) for (let at: string | null | undefined = id; at && !rolled.has(at); at = parent.get(at)) rolled.add(at);
    for (const id of own) values[row.get(id)! * documents.length + j]!++;
    for (const id of rolled) values[(k + row.get(id)!) * documents.length + j]!++;
  }
  return values;
}

function measureNode(b: AnalysisBench) {
  const { codes, segments } = b.backup;
  const perDocument = byDocument(segments);
  const cold: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const reps = Math.max(3, b.reps);
  for (let r = 0; r < reps; r++) {
    for (const view of VIEWS) {
      const engine = loadedEngine(codes, b, perDocument);
      const t0 = performance.now();
      engine.answer(requestFor(view));
      cold[view].push(performance.now() - t0);
    }
  }
  const baseline: number[] = [];
  let expected: Int32Array = new Int32Array(0);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    expected = baselineMatrix(codes, b.documents, segments);
    baseline.push(performance.now() - t0);
  }
  // The same matrix, or the comparison means nothing.
  const engine = loadedEngine(codes, b, perDocument);
  const ours = engine.answer(requestFor('codeByDocument')) as MatrixAnswer;
  if (ours.values.length !== expected.length || ours.values.some((v, i) => v !== expected[i])) throw new Error('analysis: the engine’s code × document matrix differs from the baseline’s');
  for (const view of VIEWS) engine.answer(requestFor(view));
  // After one coding: a new segment in one document, then each view asked again.
  const after: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const leaves = codes.filter((c) => !codes.some((x) => x.parentId === c.id));
  for (let i = 0; i < b.codings; i++) {
    const doc = b.documents[(i * 37) % b.documents.length]!;
    const text = b.texts.get(doc.id)!;
    const start = (i * 7919) % Math.max(1, text.length - 200);
    const list = perDocument.get(doc.id) ?? [];
    const added: Segment = {
      ...list[0]!,
      id: `bench-analysis-${i}`,
      documentId: doc.id,
      start,
      end: start + 120,
      ...quoteSelector(text, start, start + 120),
      codings: [{ id: `bench-analysis-${i}/c`, codeId: leaves[i % leaves.length]!.id, coder: 'bench', createdAt: '2025-01-01T00:00:00.000Z' }],
      memo: '',
    };
    list.push(added);
    perDocument.set(doc.id, list);
    engine.setSegments(doc.id, list.map(toAnalysisSegment));
    for (const view of VIEWS) {
      const t0 = performance.now();
      engine.answer(requestFor(view));
      after[view].push(performance.now() - t0);
    }
  }
  const p95 = (v: Record<View, number[]>) => ({ codeByDocument: percentile(v.codeByDocument, 95), cooccurrence: percentile(v.cooccurrence, 95), frequencies: percentile(v.frequencies, 95) });
  const baselineMs = median(baseline);
  const coldP95Ms = p95(cold);
  const afterCodingP95Ms = p95(after);
  return { coldP95Ms, afterCodingP95Ms, baselineMatrixMs: baselineMs, ratioCold: ratio(coldP95Ms.codeByDocument, baselineMs), ratioAfterCoding: ratio(afterCodingP95Ms.codeByDocument, baselineMs) };
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

const lastMeasure = (page: Page, name: string) =>
  page.evaluate((n) => {
    const all = performance.getEntriesByName(n, 'measure');
    return all.length ? all[all.length - 1]!.duration : NaN;
  }, name);

async function measureApp(b: AnalysisBench) {
  const context = await b.newSeededContext();
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
  b.log(`analysis: the engine in Node over ${b.backup.segments.length} segments (${b.reps} reps, ${b.codings} codings)`);
  const node = measureNode(b);
  b.log(
    `analysis in Node: from nothing p95 code × document ${node.coldP95Ms.codeByDocument.toFixed(0)} ms, co-occurrence ${node.coldP95Ms.cooccurrence.toFixed(0)} ms, frequencies ${node.coldP95Ms.frequencies.toFixed(0)} ms; ` +
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
  return { segments: b.backup.segments.length, documents: b.documents.length, codes: b.backup.codes.length, node, app, targets };
}
