/**
 * `npm run bench [-- --smoke] [--reps N] [--seed N] [--no-build] [--only open,code,analysis,search,codebook,…]`
 * (`--only projectfile` measures project files; it runs only when named.)
 *
 * Builds the app, generates (or reuses) synthetic data, serves it with the Node host, drives
 * headless Chromium and prints medians, each beside a baseline measured in the same run.
 * Writes bench/results.json. It never fails on slowness, only when something is broken.
 */
import { spawnSync } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { splitsSurrogatePair } from '../common/text/codePoints';
import { CHROMIUM_ARGS } from '../playwright.config';
import { loadCorpus, type LoadedCorpus } from '../main/corpus/loadCorpus';
import { createWebHandlers, startWebServer, type RunningWebServer } from '../main/web/server';
import type { Backup } from '../renderer/formats/backup/backup';
import { codeIdsOf } from '../renderer/domain/codings';
import { toCsv } from '../renderer/formats/csv/csv';
import { exportQdpx } from '../renderer/formats/refiQda/exportQdpx';
import { buildCsvTable } from '../renderer/formats/csv/csvTable';
import type { ProjectData } from '../renderer/formats/projectData';
import type { Segment } from '../renderer/domain/model';
import { runSynth, type SynthSummary } from '../scripts/synth';
import { mulberry32 } from '../scripts/synth/prng';
import { median, percentile, ratio, evaluateTargets, formatTable, type Results } from './report';
import { measureStripes, stripesSetting } from './stripes';
import { measureSearch, SEARCH_PAGE_HELPERS } from './search';
import { measureAgreement } from './agreement';
import { measurePopup, POPUP_CODES } from './popup';
import { measureDocuments } from './documents';
import { measureAnalysis } from './analysis';
import { measureCodebook, CODEBOOK_CODES } from './codebook';
import { measureProjectFile } from './projectFile';
import { seedBackup } from './seed';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');

interface Options {
  smoke: boolean;
  reps: number;
  seed: number;
  scale: number;
  build: boolean;
  codeApplications: number;
  only: Set<string> | null;
  /** Extra CSS injected into the app's pages, to try a fix without touching renderer/ ("what if"). */
  appCss: string | null;
  /** Folder for Chromium traces of the code and scroll runs (summarise with bench/trace-summary.ts). */
  trace: string | null;
  out: string;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const smoke = argv.includes('--smoke');
  const only = value('only');
  return {
    smoke,
    reps: Number(value('reps') ?? (smoke ? 1 : 5)),
    seed: Number(value('seed') ?? 1),
    scale: Number(value('scale') ?? (smoke ? 0.01 : 1)),
    build: !argv.includes('--no-build'),
    codeApplications: Number(value('applications') ?? (smoke ? 20 : 200)),
    only: only ? new Set(only.split(',')) : null,
    appCss: value('app-css') ?? null,
    trace: value('trace') ? resolve(value('trace')!) : null,
    out: resolve(value('out') ?? join(BENCH, 'results.json')),
  };
}

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

function dataFor(options: Options): { dir: string; summary: SynthSummary } {
  const dir = join(BENCH, 'data', `seed-${options.seed}-scale-${options.scale}`);
  const summaryFile = join(dir, 'synth.json');
  if (existsSync(summaryFile)) {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as SynthSummary;
    if (summary.seed === options.seed && summary.scale === options.scale && summary.kinds.book && summary.kinds.corpus) {
      log(`reusing synthetic data in ${dir}`);
      return { dir, summary };
    }
  }
  log(`generating synthetic data (seed ${options.seed}, scale ${options.scale}) into ${dir}`);
  return { dir, summary: runSynth({ out: dir, seed: options.seed, kind: 'both', scale: options.scale }) };
}

async function bundlePeer(): Promise<string> {
  const out = join(BENCH, 'data', 'peer');
  mkdirSync(out, { recursive: true });
  // Vite (already a dev dependency) bundles the library and its CSS into peer.js + peer.css.
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: BENCH,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: out,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(BENCH, 'peer', 'entry.ts'), formats: ['es'], fileName: () => 'peer.js' },
      rollupOptions: { output: { assetFileNames: 'peer[extname]' } },
    },
  });
  return out;
}

/** A plain static server for the peer page (a page of its own, not the app's origin). */
function startPeerServer(files: Record<string, { path?: string; body?: string; type: string }>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': f.type, 'Cache-Control': 'no-store' });
    res.end(f.body ?? readFileSync(f.path!));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

function readBackup(file: string): Backup {
  return JSON.parse(readFileSync(file, 'utf8')) as Backup;
}

/** Highlights the painter registers for a document: one per segment × code (two coders' codings of one code share one). */
function expectedHighlights(segments: readonly Segment[], documentId: string): number {
  let n = 0;
  for (const s of segments) if (s.documentId === documentId) n += codeIdsOf(s).length;
  return n;
}

/** Deterministic spans to code: 5–400 characters, trimmed, not splitting an emoji. */
function codingSpans(text: string, count: number, seed: number): Array<[number, number]> {
  const rng = mulberry32(seed);
  const spans: Array<[number, number]> = [];
  const isSpace = (o: number) => /\s/.test(text[o] ?? ' ');
  while (spans.length < count) {
    let start = Math.floor(rng() * (text.length - 10));
    let end = Math.min(text.length, start + 5 + Math.floor(rng() * 396));
    if (splitsSurrogatePair(text, start)) start--;
    if (splitsSurrogatePair(text, end)) end++;
    while (start < end && isSpace(start)) start++;
    while (end > start && isSpace(end - 1)) end--;
    if (end - start >= 5) spans.push([start, end]);
  }
  return spans;
}

const helpers = readFileSync(join(BENCH, 'page-helpers.js'), 'utf8');

async function newContext(browser: Browser, appCss: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: helpers });
  // Margin coding stripes off, as before they existed; bench/stripes.ts measures the book with them on.
  await context.addInitScript({ content: stripesSetting(false) });
  if (appCss) {
    const add = `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(appCss)}; document.head.append(s); });`;
    await context.addInitScript({ content: add });
  }
  return context;
}

async function freshPage(context: BrowserContext, url: string): Promise<Page> {
  for (const p of context.pages()) await p.close();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

const evaluate = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

const TRACE_CATEGORIES = process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];

/** Evaluates `expression`, recording a Chromium trace into `file` when the bench was asked to. */
async function traced<T>(browser: Browser, page: Page, file: string | null, expression: string): Promise<T> {
  if (!file) return evaluate<T>(page, expression);
  mkdirSync(dirname(file), { recursive: true });
  await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
  try {
    return await evaluate<T>(page, expression);
  } finally {
    await browser.stopTracing();
    log(`trace written to ${file}`);
  }
}
const js = (v: unknown) => JSON.stringify(v);

/** Reading speed: ~2,400 px a second at 60 Hz (a brisk wheel), for 10 seconds. */
const READING_STEP_PX = 40;
const READING_FRAMES = 600;

/** Writes a backup's rows into the app's IndexedDB at `server` (bench/seed.ts). */
async function seed(context: BrowserContext, server: RunningWebServer, backupFile: string): Promise<void> {
  const counts = await seedBackup({ context, url: server.url, freshPage }, backupFile);
  log(`seeded IndexedDB at ${server.url}: ${counts.codes} codes, ${counts.segments} segments`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const wants = (name: string) => !options.only || options.only.has(name);
  const started = Date.now();
  if (options.build) {
    log('building the app (electron-vite build)');
    run('npx', ['electron-vite', 'build']);
  }
  const rendererDir = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer/index.html is missing: run without --no-build');
  const { dir, summary } = dataFor(options);
  const bookBackupFile = join(dir, 'book-backup.json');
  const corpusBackupFile = join(dir, 'corpus-backup.json');
  const bookBackup = readBackup(bookBackupFile);

  const [bookCorpus, corpusCorpus] = await Promise.all([loadCorpus(join(dir, 'book')), loadCorpus(join(dir, 'corpus'))]);
  for (const c of [bookCorpus, corpusCorpus]) if (c.listing.issues.length) throw new Error(`corpus issues: ${js(c.listing.issues.slice(0, 3))}`);
  const bookText = bookCorpus.texts.get('book')!;
  const noteText = bookCorpus.texts.get('note')!;
  const bookTitle = bookCorpus.listing.documents.find((d) => d.id === 'book')!.title;
  const noteTitle = bookCorpus.listing.documents.find((d) => d.id === 'note')!.title;
  const bookExpected = expectedHighlights(bookBackup.segments, 'book');
  // The viewer registers only the highlights near the viewport of a long document; "painted"
  // then means every highlight the reader can see (page-helpers.js checks against these).
  const bookSpans = bookBackup.segments.filter((s) => s.documentId === 'book').map((s) => [s.start, s.end, codeIdsOf(s).length]);

  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGB: Number((totalmem() / 1e9).toFixed(1)),
      freeMemoryGB: Number((freemem() / 1e9).toFixed(1)),
      node: process.version,
      chromium: '',
    },
    options: { smoke: options.smoke, reps: options.reps, seed: options.seed, scale: options.scale, codeApplications: options.codeApplications, appCss: options.appCss },
    data: summary.kinds,
    measurements: {},
  };
  const m = results.measurements;

  // Agreement runs in Node too: the pure function the app's worker runs.
  if (wants('agreement')) {
    const backup = readBackup(corpusBackupFile);
    const lengths = new Map(corpusCorpus.listing.documents.map((d) => [d.id, corpusCorpus.texts.get(d.id)!.length]));
    m.agreement = measureAgreement({ segments: backup.segments, codeIds: backup.codes.map((c) => c.id), lengths }, options.reps, options.seed, log);
  }

  // 4. Export runs in Node: no browser needed.
  if (wants('export')) {
    log('export: toCsv vs JSON.stringify over the corpus segments');
    const backup = readBackup(corpusBackupFile);
    const data: ProjectData = {
      documents: corpusCorpus.listing.documents.map((d) => ({ ...d, text: corpusCorpus.texts.get(d.id)! })),
      codes: backup.codes,
      segments: backup.segments,
      memos: [],
      settings: backup.settings,
    };
    const csvMs: number[] = [];
    const jsonMs: number[] = [];
    const rowsJsonMs: number[] = [];
    let csvChars = 0;
    const table = buildCsvTable(data);
    const rows = Array.from({ length: table.rowCount }, (_, i) => table.row(i));
    // One untimed round first so both sides run optimised code.
    toCsv(data);
    JSON.stringify(data.segments);
    JSON.stringify(rows);
    for (let r = 0; r < Math.max(options.reps, 1); r++) {
      let t = performance.now();
      csvChars = toCsv(data).length;
      csvMs.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(data.segments);
      jsonMs.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(rows);
      rowsJsonMs.push(performance.now() - t);
    }
    // The .qdpx (reported, no target): XML for every segment plus every document's text,
    // zipped; its baseline is JSON.stringify of the same data, texts included.
    const qdpxMs: number[] = [];
    const dataJsonMs: number[] = [];
    let qdpxBytes = 0;
    for (let r = 0; r < Math.min(Math.max(options.reps, 1), 3); r++) {
      let t = performance.now();
      qdpxBytes = exportQdpx(data, { now: '2026-01-01T00:00:00.000Z', userName: 'bench' }).length;
      qdpxMs.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(data);
      dataJsonMs.push(performance.now() - t);
    }
    log(`export: .qdpx ${median(qdpxMs).toFixed(0)} ms (${(qdpxBytes / 1e6).toFixed(1)} MB), JSON.stringify of the same data ${median(dataJsonMs).toFixed(0)} ms`);
    m.export = {
      qdpxMs: median(qdpxMs),
      qdpxMB: Number((qdpxBytes / 1e6).toFixed(1)),
      jsonStringifyDataMs: median(dataJsonMs),
      segments: data.segments.length,
      csvRows: table.rowCount,
      csvMB: Number((csvChars / 1e6).toFixed(1)),
      csvMs: median(csvMs),
      jsonStringifySegmentsMs: median(jsonMs),
      jsonStringifyCsvRowsMs: median(rowsJsonMs),
      ratio: ratio(median(csvMs), median(jsonMs)),
      ratioVsCsvRows: ratio(median(csvMs), median(rowsJsonMs)),
    };
  }

  log('bundling the peer (@recogito/text-annotator) page');
  const peerDir = await bundlePeer();
  const annotations = bookBackup.segments
    .filter((s) => s.documentId === 'book')
    .map((s) => ({
      id: s.id,
      bodies: [],
      target: { annotation: s.id, selector: [{ quote: s.quote, start: s.start, end: s.end }] },
    }));
  const peer = await startPeerServer({
    '/peer.html': { path: join(BENCH, 'peer', 'index.html'), type: 'text/html; charset=utf-8' },
    '/peer.js': { path: join(peerDir, 'peer.js'), type: 'text/javascript; charset=utf-8' },
    '/peer.css': { path: join(peerDir, 'peer.css'), type: 'text/css; charset=utf-8' },
    '/book.txt': { body: bookText, type: 'text/plain; charset=utf-8' },
    '/annotations.json': { body: js(annotations), type: 'application/json' },
  });

  const serve = (corpus: LoadedCorpus) => startWebServer({ rendererDir, handlers: createWebHandlers(corpus), port: 0 });
  const bookServer = await serve(bookCorpus);
  const corpusServer = await serve(corpusCorpus);
  log(`app on ${bookServer.url} (book) and ${corpusServer.url} (corpus); peer page on ${peer.url}/peer.html`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  results.machine.chromium = browser.version();
  try {
    // ---- The book: open, code, scroll.
    const book = await newContext(browser, options.appCss);
    await seed(book, bookServer, bookBackupFile);

    if (wants('open')) {
      const ours: number[] = [];
      const text: number[] = [];
      const fetchMs: number[] = [];
      const bare: number[] = [];
      const heap: number[] = [];
      for (let r = 0; r < options.reps; r++) {
        let page = await freshPage(book, bookServer.url);
        await evaluate(page, `window.__bench.appReady(${js(noteTitle)}, 0)`);
        await evaluate(page, `window.__bench.setSpans(${js(bookSpans)})`);
        const o = await evaluate<{ ms: number; textMs: number; fetchMs: number }>(page, `window.__bench.openDocument(${js(bookTitle)}, ${bookExpected})`);
        ours.push(o.ms);
        text.push(o.textMs);
        fetchMs.push(o.fetchMs);
        heap.push((await evaluate<number | null>(page, `window.__bench.gcHeap()`)) ?? NaN);
        page = await freshPage(book, bookServer.url);
        await evaluate(page, `window.__bench.appReady(${js(noteTitle)}, 0)`);
        bare.push((await evaluate<{ ms: number }>(page, `window.__bench.barePaint('book')`)).ms);
        log(`open ${r + 1}/${options.reps}: ours ${o.ms.toFixed(0)} ms (text shown at ${o.textMs.toFixed(0)}, fetch ${o.fetchMs.toFixed(0)}), bare ${bare[r]!.toFixed(0)} ms`);
      }
      m.open = {
        highlights: bookExpected,
        oursMs: median(ours),
        textShownMs: median(text),
        fetchMs: median(fetchMs),
        barePaintMs: median(bare),
        ratio: ratio(median(ours), median(bare)),
        heapAfterBookMB: Number((median(heap) / 1e6).toFixed(1)),
      };
    }

    if (wants('peer')) {
      const theirs: number[] = [];
      let check = { stored: 0, drawnSpans: 0, cssRanges: 0 };
      for (let r = 0; r < options.reps; r++) {
        const page = await freshPage(book, `${peer.url}/peer.html`);
        await page.waitForFunction('typeof window.createTextAnnotator === "function"');
        const p = await evaluate<{ ms: number; stored: number; drawnSpans: number; cssRanges: number }>(page, `window.__bench.peer('/book.txt', '/annotations.json')`);
        if (p.stored !== annotations.length || p.drawnSpans + p.cssRanges === 0) throw new Error(`the peer drew nothing: ${js(p)}`);
        theirs.push(p.ms);
        check = p;
        log(`peer ${r + 1}/${options.reps}: ${p.ms.toFixed(0)} ms (${p.stored} annotations, ${p.drawnSpans} spans drawn on screen)`);
      }
      m.peer = {
        annotations: annotations.length,
        theirsMs: median(theirs),
        drawnSpansOnScreen: check.drawnSpans,
        oursMs: m.open?.oursMs ?? null,
        oursOverTheirs: m.open ? ratio(m.open.oursMs, median(theirs)) : null,
      };
    }

    if (wants('code')) {
      const runCode = async (docId: string, title: string, expected: number, text: string, seedN: number) => {
        await evaluate(await freshPage(book, bookServer.url), `window.__bench.removeBenchSegments()`);
        const page = await freshPage(book, `${bookServer.url}#doc=${docId}`);
        if (docId === 'book') await evaluate(page, `window.__bench.setSpans(${js(bookSpans)})`);
        await evaluate(page, `window.__bench.appReady(${js(title)}, ${expected})`);
        const spans = codingSpans(text, options.codeApplications, seedN);
        const traceFile = options.trace ? join(options.trace, `code-${docId}.json`) : null;
        const times = await traced<number[]>(browser, page, traceFile, `window.__bench.codeRun(${js(spans)}, '1')`);
        await evaluate(page, `window.__bench.removeBenchSegments()`);
        return times;
      };
      log(`code: ${options.codeApplications} applications in the uncoded note`);
      const empty = await runCode('note', noteTitle, 0, noteText, 11);
      log(`code: ${options.codeApplications} applications in the book (${bookBackup.segments.length} segments)`);
      const full = await runCode('book', bookTitle, bookExpected, bookText, 12);
      m.code = {
        applications: options.codeApplications,
        bookP50Ms: percentile(full, 50),
        bookP95Ms: percentile(full, 95),
        emptyP50Ms: percentile(empty, 50),
        emptyP95Ms: percentile(empty, 95),
        ratioP95: ratio(percentile(full, 95), percentile(empty, 95)),
      };
    }

    if (wants('scroll')) {
      type ScrollRun = { frames: number; longFrames: number; longAt: [number, number][]; maxFrameMs: number; slowFrames: number; longAnimationFrames: number | null; longestAnimationFrameMs: number | null; longAnimationFrameParts: unknown[]; heightChanges: [number, number][]; laidOutAt: number; totalMs: number; scrollHeight: number; step: number; reachedEnd: boolean; selectionKept: boolean | null };
      const runs: ScrollRun[] = [];
      const laidOutRuns: ScrollRun[] = [];
      const readingRuns: ScrollRun[] = [];
      // Reading on with a passage selected near the top (its toolbar open): the highlights
      // follow the view at this speed, and the toolbar follows the passage.
      const selectAt = bookText.indexOf(' ', 100) + 1;
      const readingSelection = [selectAt, bookText.indexOf(' ', selectAt + 200)];
      const summary = (rs: ScrollRun[]) => ({
        frames: median(rs.map((s) => s.frames)),
        stepPx: median(rs.map((s) => s.step)),
        scrollHeightPx: median(rs.map((s) => s.scrollHeight)),
        longFrames: median(rs.map((s) => s.longFrames)),
        longFramesMax: Math.max(...rs.map((s) => s.longFrames)),
        worstFrameMs: median(rs.map((s) => s.maxFrameMs)),
        longAnimationFramesMax: rs.some((s) => s.longAnimationFrames === null) ? null : Math.max(...rs.map((s) => s.longAnimationFrames ?? 0)),
        totalMs: median(rs.map((s) => s.totalMs)),
      });
      for (let r = 0; r < options.reps; r++) {
        // Right after opening (the target), then — for the record — once the viewer has laid
        // out the whole book in the background.
        // And, for the record, reading speed with a selection, right after opening.
        for (const mode of ['opening', 'laid out', 'reading'] as const) {
          const page = await freshPage(book, `${bookServer.url}#doc=book`);
          await evaluate(page, `window.__bench.setSpans(${js(bookSpans)})`);
          await evaluate(page, `window.__bench.appReady(${js(bookTitle)}, ${bookExpected})`);
          if (mode === 'laid out') await evaluate(page, `window.__bench.waitFor(() => document.querySelectorAll('.doc-text .far').length === 0, 120000, 'the whole book laid out')`);
          const traceFile = options.trace ? join(options.trace, `scroll-${mode.replace(' ', '-')}-${r + 1}.json`) : null;
          const call = mode === 'reading' ? `scrollThrough(${options.smoke ? 60 : READING_FRAMES}, ${READING_STEP_PX}, ${js(readingSelection)})` : 'scrollThrough(5000)';
          const s = await traced<ScrollRun>(browser, page, traceFile, `window.__bench.${call}`);
          if (mode !== 'reading' && !s.reachedEnd) throw new Error(`scrolling did not reach the end of the book: ${js(s)}`);
          if (mode === 'reading' && !s.selectionKept) throw new Error('the selection (and its toolbar) did not survive scrolling');
          ({ opening: runs, 'laid out': laidOutRuns, reading: readingRuns })[mode].push(s);
          for (const parts of s.longAnimationFrameParts) log(`  long animation frame: ${js(parts)}`);
          if (s.heightChanges.length) log(`  scroll height changed in ${s.heightChanges.length} frames: ${js(s.heightChanges.slice(0, 12))}${s.heightChanges.length > 12 ? ' …' : ''}`);
          log(`scroll ${r + 1}/${options.reps}${mode === 'opening' ? '' : ` (${mode})`}: ${s.frames} frames × ${s.step} px, ${s.longFrames} long (> 50 ms)${s.longFrames ? ` at frames ${s.longAt.map(([i, ms]) => `${i} (${ms} ms)`).join(', ')}` : ''}, ${s.slowFrames} over 34 ms, worst ${s.maxFrameMs.toFixed(0)} ms; long animation frames ${s.longAnimationFrames ?? 'n/a'}${s.longAnimationFrames ? ` (longest ${s.longestAnimationFrameMs!.toFixed(0)} ms)` : ''}; book laid out ${s.laidOutAt < 0 ? 'after the end' : `from frame ${s.laidOutAt}`}`);
        }
      }
      m.scroll = { ...summary(runs), laidOut: summary(laidOutRuns), reading: summary(readingRuns) };
    }
    await book.close();

    if (wants('stripes')) {
      log('stripes: the book with margin coding stripes on');
      m.stripes = await measureStripes({
        url: bookServer.url,
        reps: options.reps,
        readingFrames: options.smoke ? 60 : READING_FRAMES,
        readingStepPx: READING_STEP_PX,
        book: { title: bookTitle, expected: bookExpected, spans: bookSpans, codingSpans: codingSpans(bookText, options.codeApplications, 12) },
        note: { title: noteTitle, codingSpans: codingSpans(noteText, options.codeApplications, 11) },
        newSeededContext: async (initScript) => {
          const context = await newContext(browser, options.appCss);
          await context.addInitScript({ content: initScript });
          await seed(context, bookServer, bookBackupFile);
          return context;
        },
        freshPage,
        log,
      });
    }

    if (wants('documents')) {
      const d = await measureDocuments({ url: bookServer.url, dataDir: dir, seed: options.seed, scale: options.scale, newContext: () => newContext(browser, options.appCss), log });
      (m as Record<string, unknown>).documents = d;
      log(
        `documents: ${d.files} .docx in ${d.seconds.toFixed(1)} s (${d.filesPerSecond.toFixed(1)} files/s); ${d.pdfPages}-page PDF to text in ${d.pdfSeconds.toFixed(1)} s; ` +
          `${d.longFrames} of ${d.frames} frames > 50 ms, ${d.framesOver200} > 200 ms (worst ${d.worstFrameMs.toFixed(0)} ms); heap +${d.heapGrowthMB.toFixed(1)} MB for ${d.textMB.toFixed(1)} MB of text (${d.heapPerText.toFixed(2)}×)`,
      );
    }

    if (wants('popup')) {
      log(`popup: opening the coding popup with ${POPUP_CODES} codes`);
      m.popup = await measurePopup({
        url: bookServer.url,
        openings: options.smoke ? 5 : 60,
        book: { title: bookTitle, expected: bookExpected, spans: bookSpans },
        backup: bookBackup,
        bookBackupFile,
        largeBackupFile: join(dir, `book-backup-${POPUP_CODES}-codes.json`),
        traceFile: options.trace ? join(options.trace, 'popup.json') : null,
        newSeededContext: async (backupFile) => {
          const context = await newContext(browser, options.appCss);
          await seed(context, bookServer, backupFile);
          return context;
        },
        freshPage,
        log,
      });
    }

    if (options.only?.has('projectfile')) {
      log('projectfile: coding with the project file kept current, and opening 100,000 segments from it');
      const p = await measureProjectFile({
        browser,
        rendererDir,
        bundledCorpus: join(ROOT, 'resources', 'corpus'),
        book: { folder: join(dir, 'book'), backup: bookBackup, backupFile: bookBackupFile, title: bookTitle, expected: bookExpected, spans: bookSpans },
        corpus: { folder: join(dir, 'corpus'), backup: readBackup(corpusBackupFile), backupFile: corpusBackupFile },
        codingSpans: (round) => codingSpans(bookText, options.codeApplications, options.seed + 7 + round),
        reps: options.reps,
        newContext: () => newContext(browser, options.appCss),
        log,
      });
      (m as Record<string, unknown>).projectfile = p;
      log(
        `projectfile: coding p95 ${p.codeP95WithFileMs.toFixed(1)} ms with the file vs ${p.codeP95WithoutFileMs.toFixed(1)} ms without (added ${p.addedP95Ms.toFixed(1)} ms, ${p.codeRatio}×; target ≤ 5 ms); ` +
          `append ${p.appendMedianMs.toFixed(1)} ms median, ${p.appendP95Ms.toFixed(1)} ms p95 over ${p.appends} requests; ` +
          `${p.segments} segments opened from the file ${p.openFromFileMs.toFixed(0)} ms vs restored from the backup ${p.restoreBackupMs.toFixed(0)} ms (${p.openRatio}×; target ≤ 1.0×)`,
      );
    }

    if (wants('codebook')) {
      log(`codebook: start with ${CODEBOOK_CODES} codes, and import them as a .qdc`);
      (m as Record<string, unknown>).codebook = await measureCodebook({
        url: bookServer.url,
        reps: Math.min(options.reps, 3),
        backup: bookBackup,
        bookBackupFile,
        largeBackupFile: join(dir, `book-backup-${CODEBOOK_CODES}-codes.json`),
        newSeededContext: async (backupFile) => {
          const context = await newContext(browser, options.appCss);
          await seed(context, bookServer, backupFile);
          return context;
        },
        freshPage,
        log,
        traceDir: options.trace,
      });
    }

    // ---- The corpus: list, open one, heap over 50 documents.
    if (wants('corpus')) {
      const backup = readBackup(corpusBackupFile);
      const docs = corpusCorpus.listing.documents;
      const expectedOf = new Map(docs.map((d) => [d.id, expectedHighlights(backup.segments, d.id)]));
      const corpus = await newContext(browser, options.appCss);
      await seed(corpus, corpusServer, corpusBackupFile);
      const listMs: number[] = [];
      const readMs: number[] = [];
      const readyMs: number[] = [];
      const openMs: number[] = [];
      const heapFirst: number[] = [];
      const heapAfter: number[] = [];
      const opened = Math.min(50, docs.length - 1);
      for (let r = 0; r < options.reps; r++) {
        const page = await freshPage(corpus, corpusServer.url);
        // performance.now() counts from navigation start: the time the whole list is there.
        listMs.push(await evaluate<number>(page, `window.__bench.waitFor(() => window.__bench.linkCount() === ${docs.length}, 180000, 'the document list')`));
        // …the time the open document can be coded (its segments are read ahead of the rest)…
        readyMs.push(await evaluate<number>(page, `window.__bench.waitFor(() => window.__bench.documentReady(), 180000, 'the open document ready')`));
        // …and the time all 100,000 segments are read (the codebook shows its counts).
        readMs.push(await evaluate<number>(page, `window.__bench.waitFor(window.__bench.allSegmentsRead, 180000, 'every coded segment read')`));
        const first = docs[0]!;
        await evaluate(page, `window.__bench.appReady(${js(first.title)}, ${expectedOf.get(first.id)})`);
        heapFirst.push((await evaluate<number | null>(page, `window.__bench.gcHeap()`)) ?? NaN);
        const middle = docs[Math.floor(docs.length / 2)]!;
        openMs.push((await evaluate<{ ms: number }>(page, `window.__bench.openDocument(${js(middle.title)}, ${expectedOf.get(middle.id)})`)).ms);
        for (let i = 1; i <= opened; i++) {
          const d = docs[i]!;
          await evaluate(page, `window.__bench.openDocument(${js(d.title)}, ${expectedOf.get(d.id)})`);
        }
        heapAfter.push((await evaluate<number | null>(page, `window.__bench.gcHeap()`)) ?? NaN);
        log(
          `corpus ${r + 1}/${options.reps}: list ${listMs[r]!.toFixed(0)} ms, first document codable ${readyMs[r]!.toFixed(0)} ms, all segments read ${readMs[r]!.toFixed(0)} ms, open one ${openMs[r]!.toFixed(0)} ms, ` +
            `heap ${(heapFirst[r]! / 1e6).toFixed(1)} → ${(heapAfter[r]! / 1e6).toFixed(1)} MB after ${opened + 1} documents`,
        );
      }
      // Coding where the project holds 100,000 segments (reported beside the book's target):
      // the cost of one coding must not grow with the project either.
      const codeDoc = docs[Math.floor(docs.length / 3)]!;
      await evaluate(await freshPage(corpus, corpusServer.url), `window.__bench.removeBenchSegments()`);
      const codePage = await freshPage(corpus, `${corpusServer.url}#doc=${codeDoc.id}`);
      await evaluate(codePage, `window.__bench.appReady(${js(codeDoc.title)}, ${expectedOf.get(codeDoc.id)})`);
      const corpusApplications = Math.max(10, Math.round(options.codeApplications / 4));
      const codeTrace = options.trace ? join(options.trace, 'code-corpus.json') : null;
      const codeTimes = await traced<number[]>(browser, codePage, codeTrace, `window.__bench.codeRun(${js(codingSpans(corpusCorpus.texts.get(codeDoc.id)!, corpusApplications, 13))}, '1')`);
      await evaluate(codePage, `window.__bench.removeBenchSegments()`);
      log(`corpus: ${corpusApplications} codings at ${backup.segments.length} segments: p50 ${percentile(codeTimes, 50).toFixed(0)} ms, p95 ${percentile(codeTimes, 95).toFixed(0)} ms`);
      await corpus.close();
      m.corpus = {
        codeApplications: corpusApplications,
        codeP50Ms: percentile(codeTimes, 50),
        codeP95Ms: percentile(codeTimes, 95),
        documents: docs.length,
        segments: backup.segments.length,
        listMs: median(listMs),
        documentReadyMs: median(readyMs),
        segmentsReadMs: median(readMs),
        openOneMs: median(openMs),
        documentsOpened: opened + 1,
        heapAfterFirstMB: Number((median(heapFirst) / 1e6).toFixed(1)),
        heapAfterManyMB: Number((median(heapAfter) / 1e6).toFixed(1)),
        heapRatio: ratio(median(heapAfter), median(heapFirst)),
      };
    }

    if (wants('search')) {
      log('search: the synthetic corpus (index, 50 queries, baselines, code all hits)');
      (m as Record<string, unknown>).search = await measureSearch({
        browser,
        url: corpusServer.url,
        documents: corpusCorpus.listing.documents,
        texts: corpusCorpus.texts,
        reps: Math.min(options.reps, 3),
        newAppContext: async () => {
          const context = await newContext(browser, options.appCss);
          await context.addInitScript({ content: SEARCH_PAGE_HELPERS });
          return context;
        },
        freshPage,
        traced: (page, name, expression) => traced(browser, page, options.trace ? join(options.trace, name) : null, expression),
        log,
      });
    }
    if (wants('analysis')) {
      const docs = corpusCorpus.listing.documents;
      const codeDoc = docs[Math.floor(docs.length / 4)]!;
      // Read, counted and let go: the benchmark's heap holds both corpora already.
      const counts = (() => {
        const backup = readBackup(corpusBackupFile);
        return { segments: backup.segments.length, codes: backup.codes.length, expected: expectedHighlights(backup.segments, codeDoc.id) };
      })();
      (m as Record<string, unknown>).analysis = await measureAnalysis({
        backupFile: corpusBackupFile,
        corpusFolder: join(dir, 'corpus'),
        segments: counts.segments,
        documents: docs.length,
        codes: counts.codes,
        reps: options.reps,
        codings: options.smoke ? 5 : 50,
        url: corpusServer.url,
        codeDocument: {
          id: codeDoc.id,
          title: codeDoc.title,
          expectedHighlights: counts.expected,
          spans: codingSpans(corpusCorpus.texts.get(codeDoc.id)!, options.smoke ? 5 : 40, 17),
        },
        newContext: () => newContext(browser, options.appCss),
        freshPage,
        log,
      });
    }
  } finally {
    await browser.close();
    await Promise.all([bookServer.close(), corpusServer.close(), new Promise((r) => peer.server.close(r))]);
  }

  results.targets = evaluateTargets(results);
  results.durationS = Math.round((Date.now() - started) / 1000);
  writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
  console.log('\n' + formatTable(results));
  log(`wrote ${options.out} in ${results.durationS} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
