/**
 * The book with margin coding stripes on (issue 13's targets): opening it beside a bare paint,
 * scrolling right after opening (and, for the record, at reading speed, where stripes follow the
 * view), and coding p95 beside the uncoded note — each baseline measured in the same run, in a
 * browser context of its own. run.ts's other measurements run with stripes off, so the two sets
 * of rows show what the stripes cost.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median, percentile, ratio, type StripesMeasurement } from './report';

/** Sets the app's stripes switch (renderer/features/reader/StripesToggle.tsx) before the app starts. */
export const stripesSetting = (on: boolean): string =>
  `try { localStorage.setItem('marginalia.codingStripes', ${JSON.stringify(on ? 'on' : 'off')}); } catch {}`;

export interface StripesBench {
  url: string;
  reps: number;
  readingFrames: number;
  readingStepPx: number;
  book: { title: string; expected: number; spans: unknown[]; codingSpans: Array<[number, number]> };
  note: { title: string; codingSpans: Array<[number, number]> };
  /** run.ts's own: a browser context with the page helpers, seeded with the book's backup, and pages in it. */
  newSeededContext: (initScript: string) => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  log: (message: string) => void;
}

interface ScrollRun {
  frames: number;
  step: number;
  longFrames: number;
  maxFrameMs: number;
  reachedEnd: boolean;
}

const call = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
const js = (v: unknown) => JSON.stringify(v);
const stripesDrawn = (page: Page) => call<number>(page, `document.querySelectorAll('.doc-stripes .stripe').length`);

function summary(runs: readonly ScrollRun[]) {
  return {
    frames: median(runs.map((s) => s.frames)),
    stepPx: median(runs.map((s) => s.step)),
    longFrames: median(runs.map((s) => s.longFrames)),
    longFramesMax: Math.max(...runs.map((s) => s.longFrames)),
    worstFrameMs: median(runs.map((s) => s.maxFrameMs)),
  };
}

export async function measureStripes(b: StripesBench): Promise<StripesMeasurement> {
  const context = await b.newSeededContext(stripesSetting(true));
  const { book, note } = b;
  const openBook = async (page: Page) => {
    await call(page, `window.__bench.setSpans(${js(book.spans)})`);
    await call(page, `window.__bench.appReady(${js(book.title)}, ${book.expected})`);
    if ((await stripesDrawn(page)) === 0) throw new Error('the book opened with stripes on shows no stripe');
  };

  const ours: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < b.reps; r++) {
    let page = await b.freshPage(context, b.url);
    await call(page, `window.__bench.appReady(${js(note.title)}, 0)`);
    await call(page, `window.__bench.setSpans(${js(book.spans)})`);
    ours.push((await call<{ ms: number }>(page, `window.__bench.openDocument(${js(book.title)}, ${book.expected})`)).ms);
    if ((await stripesDrawn(page)) === 0) throw new Error('the book opened with stripes on shows no stripe');
    page = await b.freshPage(context, b.url);
    await call(page, `window.__bench.appReady(${js(note.title)}, 0)`);
    bare.push((await call<{ ms: number }>(page, `window.__bench.barePaint('book')`)).ms);
    b.log(`stripes: open ${r + 1}/${b.reps}: ${ours[r]!.toFixed(0)} ms, bare ${bare[r]!.toFixed(0)} ms`);
  }

  const scrolls: ScrollRun[] = [];
  const readings: ScrollRun[] = [];
  for (let r = 0; r < b.reps; r++) {
    for (const reading of [false, true]) {
      const page = await b.freshPage(context, `${b.url}#doc=book`);
      await openBook(page);
      const s = await call<ScrollRun>(page, reading ? `window.__bench.scrollThrough(${b.readingFrames}, ${b.readingStepPx})` : 'window.__bench.scrollThrough(5000)');
      if (!reading && !s.reachedEnd) throw new Error(`scrolling with stripes did not reach the end of the book: ${js(s)}`);
      (reading ? readings : scrolls).push(s);
      b.log(`stripes: scroll ${r + 1}/${b.reps}${reading ? ' (reading speed)' : ''}: ${s.frames} frames × ${s.step} px, ${s.longFrames} long (> 50 ms), worst ${s.maxFrameMs.toFixed(0)} ms`);
    }
  }

  const runCode = async (docId: string, title: string, expected: number, spans: Array<[number, number]>) => {
    await call(await b.freshPage(context, b.url), `window.__bench.removeBenchSegments()`);
    const page = await b.freshPage(context, `${b.url}#doc=${docId}`);
    if (docId === 'book') await openBook(page);
    else await call(page, `window.__bench.appReady(${js(title)}, ${expected})`);
    const times = await call<number[]>(page, `window.__bench.codeRun(${js(spans)}, '1')`);
    if ((await stripesDrawn(page)) === 0) throw new Error(`no stripe after coding ${docId}`);
    await call(page, `window.__bench.removeBenchSegments()`);
    return times;
  };
  b.log(`stripes: ${note.codingSpans.length} codings in the uncoded note, then in the book`);
  const empty = await runCode('note', note.title, 0, note.codingSpans);
  const full = await runCode('book', book.title, book.expected, book.codingSpans);
  await context.close();
  return {
    open: { oursMs: median(ours), barePaintMs: median(bare), ratio: ratio(median(ours), median(bare)) },
    scroll: summary(scrolls),
    reading: summary(readings),
    code: { applications: full.length, bookP95Ms: percentile(full, 95), emptyP95Ms: percentile(empty, 95), ratioP95: ratio(percentile(full, 95), percentile(empty, 95)) },
  };
}
