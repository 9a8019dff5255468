/**
 * The search bench's baselines, in a page of their own with the same keystroke-to-painted
 * measure as the app: a linear scan (RegExp over every folded text, in a Web Worker) and
 * MiniSearch (a well-kept full-text library, in a Web Worker). The page paints the first 100
 * answers as table rows, as the app does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const LINEAR_WORKER = `
let docs = [];
onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'load') {
    const t0 = performance.now();
    docs = await (await fetch('/texts.json')).json();
    postMessage({ type: 'loaded', ms: performance.now() - t0 });
    return;
  }
  const q = m.query;
  const patterns = q.patterns.map((p) => new RegExp(p, 'giu'));
  let count = 0;
  const rows = [];
  for (const d of docs) {
    const found = patterns.map((re) => [...d.text.matchAll(re)]);
    if (q.all && found.some((f) => f.length === 0)) continue;
    for (const list of found) {
      count += list.length;
      for (const hit of list) {
        if (rows.length >= 100) break;
        rows.push([d.id, d.text.slice(Math.max(0, hit.index - 60), hit.index), hit[0], d.text.slice(hit.index + hit[0].length, hit.index + hit[0].length + 60)]);
      }
    }
  }
  postMessage({ type: 'answer', count, rows });
};`;

const MINISEARCH_WORKER = `
importScripts('/minisearch.js');
let index = null;
onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'load') {
    const docs = await (await fetch('/texts.json')).json();
    const t0 = performance.now();
    index = new MiniSearch({ fields: ['text'], tokenize: (s) => s.split(/[^\\p{L}\\p{M}\\p{N}]+/u), processTerm: (t) => t || null });
    index.addAll(docs);
    postMessage({ type: 'loaded', ms: performance.now() - t0 });
    return;
  }
  const q = m.query;
  const results = index.search(q.text, { combineWith: q.combineWith, prefix: q.prefix });
  postMessage({ type: 'answer', count: results.length, rows: results.slice(0, 100).map((r) => [r.id, '', String(r.score.toFixed(2)), '']) });
};`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>search baselines</title>
<table id="rows"></table>
<script>
const workers = { linear: new Worker('/linear.js'), minisearch: new Worker('/minisearch-worker.js') };
const ask = (name, message) => new Promise((resolve) => {
  workers[name].onmessage = (e) => resolve(e.data);
  workers[name].postMessage(message);
});
const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
const esc = (s) => s.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
window.__baseline = {
  load: (name) => ask(name, { type: 'load' }),
  async query(name, query) {
    document.getElementById('rows').innerHTML = '';
    await raf();
    const t0 = performance.now();
    const answer = await ask(name, { type: 'query', query });
    document.getElementById('rows').innerHTML = answer.rows.map((r) => '<tr>' + r.map((c) => '<td>' + esc(c) + '</td>').join('') + '</tr>').join('');
    void document.body.offsetHeight;
    await raf();
    await raf();
    return { ms: performance.now() - t0, count: answer.count };
  },
};
</script>`;

/** Serves the baseline page, its workers, MiniSearch and the folded texts. */
export function startBaselineServer(foldedTexts: Array<{ id: string; text: string }>): Promise<{ url: string; server: Server }> {
  const require = createRequire(import.meta.url);
  const files: Record<string, { body: string | Buffer; type: string }> = {
    '/baseline.html': { body: PAGE, type: 'text/html; charset=utf-8' },
    '/linear.js': { body: LINEAR_WORKER, type: 'text/javascript; charset=utf-8' },
    '/minisearch-worker.js': { body: MINISEARCH_WORKER, type: 'text/javascript; charset=utf-8' },
    // The UMD build (not among the package's exports) lies beside the CommonJS one.
    '/minisearch.js': { body: readFileSync(join(dirname(require.resolve('minisearch')), '..', 'umd', 'index.js')), type: 'text/javascript; charset=utf-8' },
    '/texts.json': { body: JSON.stringify(foldedTexts), type: 'application/json' },
  };
  const server = createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': f.type, 'Cache-Control': 'no-store' });
    res.end(f.body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}
