/**
 * Opening the coding popup with 300 codes (issue 13's target: p95 ≤ 50 ms from the selection's
 * last mouse-up), beside the same with the book's own 48 codes, measured in the same run. In the
 * book (10,000 segments): a passage near the top of the view is selected between a mouse-down on
 * the text and the mouse-up; the time runs from the mouse-up until the popup lists every code and
 * has painted (house rule: forced layout, two frames); Escape closes it before the next one.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { Backup } from '../renderer/formats/backup/backup';
import type { Code } from '../renderer/domain/model';
import { PALETTE } from '../renderer/domain/palette';
import { percentile, ratio, type PopupMeasurement } from './report';

export interface PopupBench {
  url: string;
  /** How many times the popup is opened per codebook. */
  openings: number;
  book: { title: string; expected: number; spans: unknown[] };
  /** The book's backup, and where to write the same with 300 codes. */
  backup: Backup;
  largeBackupFile: string;
  bookBackupFile: string;
  /** Where to write a Chromium trace of the timed openings with 300 codes (bench/trace-summary.ts), or null. */
  traceFile: string | null;
  /** run.ts's own: a browser context with the page helpers, seeded with a backup file, and pages in it. */
  newSeededContext: (backupFile: string) => Promise<BrowserContext>;
  freshPage: (context: BrowserContext, url: string) => Promise<Page>;
  log: (message: string) => void;
}

export const POPUP_CODES = 300;

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];

/** The book's codes plus enough more (top-level and sub-codes, as a real codebook has) to make 300. */
function withCodes(backup: Backup, total: number): Backup {
  const now = '2024-01-01T00:00:00.000Z';
  const extra: Code[] = [];
  for (let i = 0; extra.length < total - backup.codes.length; i++) {
    // Every fourth a theme, the next three its sub-codes.
    const parentId = i % 4 === 0 ? null : `bench-popup-${i - (i % 4)}`;
    extra.push({
      id: `bench-popup-${i}`,
      name: parentId ? `Aspect ${i % 4}` : `Theme ${i / 4}`,
      colour: PALETTE[i % PALETTE.length]!,
      description: parentId ? '' : `Passages about theme ${i / 4}, for the popup benchmark.`,
      parentId,
      shortcut: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { ...backup, codes: [...backup.codes, ...extra] };
}

/**
 * In the page (plain JavaScript, as page-helpers.js: nothing the TypeScript loader adds may leak
 * into it): opens the popup `count` times on passages near the top of the view, each listing
 * `options` codes; returns the ms from each mouse-up.
 */
const OPEN_POPUPS = `async (count, options) => {
  const bench = window.__bench;
  const root = document.querySelector('.doc-text');
  const popup = () => document.querySelector('[role=dialog][aria-label="Apply code"]');
  const reader = document.querySelector('main.reader').getBoundingClientRect();
  const blocks = [...root.querySelectorAll('[data-start]')].filter((b) => {
    const r = b.getBoundingClientRect();
    // Its first line in the upper two thirds of the view (a paragraph may run on below it).
    return r.top >= reader.top && r.top < reader.top + (reader.height * 2) / 3 && b.textContent.length > 45;
  }).slice(0, 8);
  if (!blocks.length) throw new Error('no line of text in view to select');
  const times = [];
  for (let i = 0; i < count; i++) {
    const text = document.createTreeWalker(blocks[i % blocks.length], NodeFilter.SHOW_TEXT).nextNode();
    const from = 2 + (i % 7);
    root.dispatchEvent(new MouseEvent('mousedown', { button: 0, bubbles: true }));
    window.getSelection().setBaseAndExtent(text, from, text, Math.min(text.length, from + 30 + (i % 11)));
    await bench.settle(); // the selection settles while the button is down, as in a drag
    const t0 = performance.now();
    window.dispatchEvent(new MouseEvent('mouseup', { button: 0, bubbles: true }));
    await bench.waitFor(() => popup() && !popup().hidden && popup().querySelector('[role=option]')?.getAttribute('aria-setsize') === String(options), 20000, 'the coding popup with ' + options + ' codes');
    await bench.settle();
    times.push(performance.now() - t0);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await bench.waitFor(() => !popup(), 20000, 'the coding popup closed');
    await bench.settle();
  }
  return times;
}`;

const openPopups = (page: Page, count: number, options: number) => page.evaluate(`(${OPEN_POPUPS})(${count}, ${options})`) as Promise<number[]>;

export async function measurePopup(b: PopupBench): Promise<PopupMeasurement> {
  const large = withCodes(b.backup, POPUP_CODES);
  writeFileSync(b.largeBackupFile, JSON.stringify(large));
  const run = async (backupFile: string, codes: number) => {
    const context = await b.newSeededContext(backupFile);
    const page = await b.freshPage(context, `${b.url}#doc=book`);
    await page.evaluate(`window.__bench.setSpans(${JSON.stringify(b.book.spans)})`);
    await page.evaluate(`window.__bench.appReady(${JSON.stringify(b.book.title)}, ${b.book.expected})`);
    await openPopups(page, 3, codes); // warm-up, untimed
    const browser = page.context().browser();
    const tracing = codes === POPUP_CODES && b.traceFile && browser;
    if (tracing) await browser.startTracing(page, { path: b.traceFile!, categories: TRACE_CATEGORIES });
    const times = await openPopups(page, b.openings, codes);
    if (tracing) {
      await browser.stopTracing();
      b.log(`trace written to ${b.traceFile}`);
    }
    await context.close();
    b.log(`popup: ${codes} codes, ${b.openings} openings: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
    return times;
  };
  const base = await run(b.bookBackupFile, b.backup.codes.length);
  const times = await run(b.largeBackupFile, large.codes.length);
  return {
    openings: b.openings,
    codes: large.codes.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    baselineCodes: b.backup.codes.length,
    baselineP95Ms: percentile(base, 95),
    ratioP95: ratio(percentile(times, 95), percentile(base, 95)),
  };
}
