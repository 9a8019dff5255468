/**
 * Search at scale (issue 16) on the synthetic corpus (1,000 documents, ~50 MB): index build time
 * and memory (built off the main thread; frames meanwhile), query p95 from keystroke to the first
 * 100 rows painted over the fixed 50 queries of searchQueries.ts with the exact total checked
 * against a linear scan, both baselines (linear scan, MiniSearch) answering the same queries in
 * the same run, and "Code all hits" for ~10,000 hits with the frames meanwhile.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import MiniSearch from 'minisearch';
import { foldText } from '../renderer/domain/textFold';
import { SearchIndex } from '../renderer/domain/search/searchIndex';
import { parseQuery } from '../renderer/domain/search/query';
import { percentile, median, ratio } from './report';
import { SEARCH_QUERIES, baselineQuery, benchOptions, type BenchQuery } from './searchQueries';
import { startBaselineServer } from './searchBaselines';

export const SEARCH_PAGE_HELPERS = readFileSync(new URL('./search-page.js', import.meta.url), 'utf8');

export interface SearchBench {
  browser: Browser;
  /** The app served on the synthetic corpus. */
  url: string;
  documents: ReadonlyArray<{ id: string; date: string | null }>;
  texts: ReadonlyMap<string, string>;
  reps: number;
  /**
   * run.ts's own: a browser context with the page helpers (and this file's). Its project is fresh
   * (the default codebook, no codings): the corpus backup (83 MB) overflows the DevTools pipe
   * when a route serves it.
   */
  newAppContext: () => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  /** run.ts's: evaluates an expression, recording a Chromium trace named `name` when the bench was asked for traces (--trace DIR). */
  traced: <T>(page: Page, name: string, expression: string) => Promise<T>;
  log: (message: string) => void;
}

const call = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
const js = (v: unknown) => JSON.stringify(v);
const MODE_LABELS = { phrase: 'Exact phrase', all: 'All words', any: 'Any word', regex: 'Regular expression' } as const;
const FOLD = { matchCase: false, matchDiacritics: false };
const mb = (bytes: number) => Number((bytes / 1e6).toFixed(1));

/** Heap (JS objects and array buffers) a structure keeps, measured in Node's V8 around collections. */
function retained<T>(build: () => T): { value: T; mb: number; ms: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const used = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const t0 = performance.now();
  const value = build();
  const ms = performance.now() - t0;
  return { value, ms, mb: mb(used() - before) };
}

/** A word and the first months of the corpus whose documents hold about 10,000 of it (for "Code all hits"). */
function tenThousandHits(b: SearchBench, index: SearchIndex): { word: string; from: string; to: string; hits: number } {
  const word = 'ministers';
  const parsed = parseQuery(word, benchOptions({ text: word, mode: 'phrase', kind: 'word' }));
  if (!parsed.ok) throw new Error(parsed.message);
  const months = [...new Set(b.documents.map((d) => d.date?.slice(0, 7)).filter((m): m is string => !!m))].sort();
  let hits = 0;
  for (const month of months) {
    const documents = b.documents.filter((d) => d.date && d.date.slice(0, 7) >= months[0]! && d.date.slice(0, 7) <= month).map((d) => d.id);
    hits = index.search(parsed.query, benchOptions({ text: word, mode: 'phrase', kind: 'word' }), { documents }).count;
    if (hits >= 10_000) return { word, from: months[0]!, to: month, hits };
  }
  return { word, from: months[0] ?? '', to: months.at(-1) ?? '', hits };
}

export async function measureSearch(b: SearchBench) {
  const ids = b.documents.map((d) => d.id);
  const characters = ids.reduce((n, id) => n + b.texts.get(id)!.length, 0);

  // Index memory and build time, measured in Node (the same V8 and code as the worker).
  b.log('search: building our index and MiniSearch in Node (memory)');
  const ours = retained(() => {
    const index = new SearchIndex();
    for (const id of ids) index.add(id, b.texts.get(id)!);
    index.prepare();
    return index;
  });
  const folded = ids.map((id) => ({ id, text: foldText(b.texts.get(id)!, FOLD).text }));
  const theirs = retained(() => {
    const m = new MiniSearch({ fields: ['text'], tokenize: (s) => s.split(/[^\p{L}\p{M}\p{N}]+/u), processTerm: (t) => t || null });
    m.addAll(folded);
    return m;
  });
  b.log(`search: ours ${ours.ms.toFixed(0)} ms, ${ours.mb} MB (${ours.value.wordCount.toLocaleString('en')} words, ${ours.value.vocabulary.size} distinct); MiniSearch ${theirs.ms.toFixed(0)} ms, ${theirs.mb} MB`);
  const target = tenThousandHits(b, ours.value);

  // The app: index built off the main thread, then the 50 queries, then "Code all hits".
  const context = await b.newAppContext();
  const page = await b.freshPage(context, b.url);
  await call(page, `window.__bench.appReady(null, 0)`);
  const build = await call<{ ms: number; frames: number; maxFrameMs: number; over200: number; over50: number; heapBefore: number | null; heapAfter: number | null }>(
    page,
    `window.__searchBench.openAndIndex(${ids.length})`,
  );
  b.log(`search: app index built in ${build.ms.toFixed(0)} ms (texts read from the host included); worst frame meanwhile ${build.maxFrameMs.toFixed(0)} ms, ${build.over200} over 200 ms, ${build.over50} over 50 ms`);

  const oursMs: number[][] = SEARCH_QUERIES.map(() => []);
  const totals: number[] = [];
  for (let r = 0; r < b.reps; r++) {
    for (const [i, query] of SEARCH_QUERIES.entries()) {
      const options = benchOptions(query);
      await call(page, `window.__searchBench.setOptions(${js(MODE_LABELS[query.mode])}, ${js({ 'Whole words': options.wholeWord, 'Match case': false, 'Match diacritics (é ≠ e)': false })})`);
      const answer = await call<{ ms: number; total: number }>(page, `window.__searchBench.query(${js(query.text)})`);
      oursMs[i]!.push(answer.ms);
      totals[i] = answer.total;
    }
    b.log(`search: queries round ${r + 1}/${b.reps}: p95 ${percentile(oursMs.map((t) => t[r]!), 95).toFixed(0)} ms`);
  }
  // Traced apart (tracing slows the page): the slowest queries of the last round, one trace each.
  const slowest = SEARCH_QUERIES.map((q, i) => ({ q, ms: oursMs[i]!.at(-1)! })).sort((x, y) => y.ms - x.ms).slice(0, 3);
  for (const [k, { q }] of slowest.entries()) {
    await call(page, `window.__searchBench.setOptions(${js(MODE_LABELS[q.mode])}, ${js({ 'Whole words': benchOptions(q).wholeWord })})`);
    await b.traced(page, `search-query-${k + 1}.json`, `window.__searchBench.query(${js(q.text)})`);
  }

  // Baselines, in a page of their own.
  const baseline = await startBaselineServer(folded);
  const basePage = await b.browser.newPage();
  await basePage.goto(`${baseline.url}/baseline.html`);
  const linearLoad = await call<{ ms: number }>(basePage, `window.__baseline.load('linear')`);
  const miniLoad = await call<{ ms: number }>(basePage, `window.__baseline.load('minisearch')`);
  const linearMs: number[][] = SEARCH_QUERIES.map(() => []);
  const miniMs: number[][] = SEARCH_QUERIES.map(() => []);
  const expected: number[] = [];
  for (let r = 0; r < b.reps; r++) {
    for (const [i, query] of SEARCH_QUERIES.entries()) {
      const bq = baselineQuery(query);
      const linear = await call<{ ms: number; count: number }>(basePage, `window.__baseline.query('linear', ${js(bq)})`);
      linearMs[i]!.push(linear.ms);
      expected[i] = linear.count;
      if (bq.minisearch) miniMs[i]!.push((await call<{ ms: number }>(basePage, `window.__baseline.query('minisearch', ${js(bq.minisearch)})`)).ms);
    }
  }
  await basePage.close();
  await new Promise((done) => baseline.server.close(done));
  const wrong = SEARCH_QUERIES.flatMap((q, i) => (totals[i] === expected[i] ? [] : [`${q.text}: ours ${totals[i]}, linear scan ${expected[i]}`]));
  if (wrong.length) b.log(`search: totals differ from the linear scan: ${wrong.join('; ')}`);

  // Code all hits: ~10,000 hits of one word in the first months' documents, coded as themselves.
  b.log(`search: code all ${target.hits} hits of "${target.word}" (${target.from} to ${target.to})`);
  await call(page, `window.__searchBench.setOptions('Exact phrase', { 'Whole words': true })`);
  await call(page, `window.__searchBench.setDateScope(${js(target.from)}, ${js(target.to)})`);
  const shown = await call<{ total: number }>(page, `window.__searchBench.query(${js(target.word)})`);
  const coding = await b.traced<{ prepareMs: number; preview: string; codeMs: number; report: string; maxFrameMs: number; over200: number; frames: number }>(page, 'search-code-all.json', `window.__searchBench.codeAll()`);
  b.log(`search: coded ${shown.total} hits: ${coding.report} in ${coding.codeMs.toFixed(0)} ms (preview after ${coding.prepareMs.toFixed(0)} ms: ${coding.preview}); worst frame ${coding.maxFrameMs.toFixed(0)} ms`);
  await context.close();

  const p95 = (runs: number[][]) => percentile(runs.filter((t) => t.length).map((t) => median(t)), 95);
  const byKind = (kind: BenchQuery['kind'], runs: number[][]) => percentile(runs.filter((t, i) => t.length && SEARCH_QUERIES[i]!.kind === kind).map((t) => median(t)), 95);
  const kinds = ['word', 'phrase', 'wildcard', 'words', 'folded', 'regex'] as const;
  const miniAnswered = miniMs.map((t, i) => (t.length ? oursMs[i]! : []));
  return {
    documents: ids.length,
    characters,
    index: {
      appBuildMs: build.ms,
      appBuildMaxFrameMs: build.maxFrameMs,
      appBuildFramesOver200: build.over200,
      appMainHeapBeforeMB: build.heapBefore === null ? null : mb(build.heapBefore),
      appMainHeapAfterMB: build.heapAfter === null ? null : mb(build.heapAfter),
      nodeBuildMs: ours.ms,
      nodeRetainedMB: ours.mb,
      words: ours.value.wordCount,
      distinctWords: ours.value.vocabulary.size,
      minisearchNodeBuildMs: theirs.ms,
      minisearchNodeRetainedMB: theirs.mb,
      minisearchWorkerBuildMs: miniLoad.ms,
      linearWorkerLoadMs: linearLoad.ms,
    },
    queries: {
      count: SEARCH_QUERIES.length,
      reps: b.reps,
      oursP95Ms: p95(oursMs),
      oursMedianMs: median(oursMs.map((t) => median(t))),
      oursP95ByKind: Object.fromEntries(kinds.map((k) => [k, byKind(k, oursMs)])),
      linearP95Ms: p95(linearMs),
      oursOverLinear: ratio(p95(oursMs), p95(linearMs)),
      minisearchAnswered: miniMs.filter((t) => t.length).length,
      minisearchP95Ms: p95(miniMs),
      oursP95OnThoseMs: p95(miniAnswered),
      oursOverMinisearch: ratio(p95(miniAnswered), p95(miniMs)),
      exactTotals: wrong.length === 0,
      mismatches: wrong,
      perQuery: SEARCH_QUERIES.map((q, i) => ({ query: q.text, kind: q.kind, mode: q.mode, total: totals[i], oursMs: median(oursMs[i]!), linearMs: median(linearMs[i]!), minisearchMs: miniMs[i]!.length ? median(miniMs[i]!) : null })),
    },
    codeAll: { hits: shown.total, codeMs: coding.codeMs, prepareMs: coding.prepareMs, report: coding.report, maxFrameMs: coding.maxFrameMs, framesOver200: coding.over200 },
  };
}

export type SearchMeasurement = Awaited<ReturnType<typeof measureSearch>>;
