/**
 * The JS heap after opening one document near the corpus limit (issue: ≤ 10× the text's size).
 * Not part of `npm run bench` (it takes a minute at 49 MB): `npx tsx bench/bigDocument.ts 49`.
 * Writes a corpus folder of one document of that many MB of the synthetic book's text (run
 * `npm run synth -- --out bench/data/seed-1-scale-1` first), opens it in the Node host, waits for
 * the text and its lazy layout, collects garbage and reads the page's heap.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startHost } from '../e2e/support/host';
import { CHROMIUM_ARGS } from '../playwright.config';

async function main(): Promise<void> {
  const mb = Number(process.argv[2] ?? 49);
  const dir = join(tmpdir(), `marginalia-big-${mb}`);
  mkdirSync(dir, { recursive: true });
  const book = readFileSync(resolve(import.meta.dirname, 'data/seed-1-scale-1/book/book.txt'), 'utf8');
  let text = '';
  while (text.length < mb * 1024 * 1024) text += book;
  writeFileSync(join(dir, 'big.txt'), text.slice(0, mb * 1024 * 1024));
  const host = await startHost(dir, 0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    const started = Date.now();
    await page.goto(host.url);
    await page.getByRole('textbox', { name: 'Document text' }).waitFor({ timeout: 300_000 });
    await page.waitForTimeout(8_000); // the lazy layout of far sections settles
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const heapMB = usedSize / 1048576;
    console.log(JSON.stringify({ mb, openMs: Date.now() - started, heapMB: +heapMB.toFixed(1), ratio: +(heapMB / mb).toFixed(2) }));
  } finally {
    await browser.close();
    await host.close();
  }
}

void main();
