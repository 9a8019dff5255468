/*
 * In-page helpers for bench/run.ts, injected as an init script (plain JavaScript, so nothing
 * the TypeScript loader adds can leak into page.evaluate). Everything is on window.__bench.
 * Timing rule (BENCH-NOTES): performance.now() → action → force layout → two rAFs.
 */
(() => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  /** The target's long frame, and how far rAF timestamps stray from the vsync they mark. */
  const LONG_FRAME_MS = 50;
  const VSYNC_JITTER_MS = 1;
  const settle = async () => {
    void document.body.offsetHeight;
    await raf();
    await raf();
  };

  /** Code highlights currently registered (one entry per segment × code), and the painters' prefixes. */
  function highlights() {
    let count = 0;
    const prefixes = new Set();
    if (typeof CSS === 'undefined' || !CSS.highlights) return { count, prefixes };
    for (const [name, h] of CSS.highlights) {
      if (name.endsWith('-active')) continue;
      prefixes.add(name.split('-')[0]);
      count += h.size;
    }
    return { count, prefixes };
  }

  /** Resolves with performance.now() once cond() holds; checked on every DOM mutation and every 4 ms. */
  function waitFor(cond, timeoutMs, label) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let done = false;
      const finish = (fn, v) => {
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        fn(v);
      };
      const check = () => {
        if (done) return;
        let ok = false;
        try {
          ok = cond();
        } catch (e) {
          return finish(reject, e);
        }
        if (ok) return finish(resolve, performance.now());
        if (performance.now() - started > timeoutMs) {
          const alert = document.querySelector('[role=alert]')?.textContent ?? '';
          return finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${label}${alert ? ` (alert: ${alert})` : ''}`));
        }
        timer = setTimeout(check, 4);
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      let timer = setTimeout(check, 0);
      check();
    });
  }

  const docLinks = () => document.querySelectorAll('nav[aria-label="Documents"] a');
  const title = () => document.querySelector('article h1')?.textContent ?? '';
  const blocks = () => document.querySelectorAll('.doc-text [data-start]');
  /** The codebook shows its counts (not "…") once every segment of the project is read. */
  const allSegmentsRead = () => {
    const counts = [...document.querySelectorAll('[role="tree"] [role="treeitem"] .code-count')];
    return counts.length > 0 && counts.every((c) => c.textContent !== '…');
  };
  const metaCount = () => Number(/(\d+) coded segment/.exec(document.querySelector('.doc-meta')?.textContent ?? '')?.[1] ?? NaN);

  /**
   * Segments of the open document as [start, end, codes] (set by the bench for long documents,
   * whose viewer registers only the highlights near the viewport).
   */
  let knownSpans = null;

  /** Document offsets [lo, hi) of the blocks visible in the reader. */
  function viewportWindow() {
    const reader = document.querySelector('main.reader').getBoundingClientRect();
    const bs = blocks();
    let a = 0;
    let b = bs.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (bs[mid].getBoundingClientRect().bottom > reader.top) b = mid;
      else a = mid + 1;
    }
    let last = a;
    while (last + 1 < bs.length && bs[last + 1].getBoundingClientRect().top < reader.bottom) last++;
    const end = bs[last];
    return [Number(bs[a].dataset.start), Number(end.dataset.start) + end.textContent.length];
  }

  function offsetOf(node, offset) {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const block = el.closest('[data-start]');
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.start) + range.toString().length;
  }

  /** Registered code-highlight ranges overlapping [lo, hi). */
  function registeredIn(lo, hi) {
    let n = 0;
    for (const [name, h] of CSS.highlights) {
      if (name.endsWith('-active') || !/-c\d+$/.test(name)) continue;
      for (const r of h) {
        if (offsetOf(r.startContainer, r.startOffset) < hi && offsetOf(r.endContainer, r.endOffset) > lo) n++;
      }
    }
    return n;
  }

  /**
   * The document `docTitle` is shown by a new painter with its highlights painted: all of them,
   * or — where the bench gave the spans of a long document — every one the reader can see.
   */
  const painted = (docTitle, expected, oldPrefixes) => () => {
    if (title() !== docTitle || blocks().length === 0) return false;
    const h = highlights();
    if (expected === 0) return true;
    if (h.prefixes.size !== 1 || [...h.prefixes].some((p) => oldPrefixes.has(p))) return false;
    if (!knownSpans) return h.count === expected;
    const [lo, hi] = viewportWindow();
    let want = 0;
    for (const [s, e, codes] of knownSpans) if (s < hi && e > lo) want += codes;
    return want > 0 && registeredIn(lo, hi) === want;
  };

  /**
   * Waits until the number of registered highlights has not changed for 4 frames and 200 ms
   * (after a jump the viewer brings highlights up to date once scrolling has been calm 120 ms).
   */
  async function settleHighlights() {
    let last = -1;
    let stable = 0;
    let since = performance.now();
    while (stable < 4 || performance.now() - since < 200) {
      await raf();
      const now = highlights().count;
      if (now !== last) since = performance.now();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  }

  async function gcHeap() {
    for (let i = 0; i < 4; i++) {
      if (typeof gc === 'function') gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.memory ? performance.memory.usedJSHeapSize : null;
  }

  function pointAt(offset) {
    const list = [...blocks()];
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (Number(list[mid].dataset.start) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const block = list[lo];
    let remaining = offset - Number(block.dataset.start);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (remaining <= n.data.length) return { node: n, offset: remaining };
      remaining -= n.data.length;
      last = n;
    }
    return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 };
  }

  function select(start, end) {
    const a = pointAt(start);
    const b = pointAt(end);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function idbRequest(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  const openDb = () => idbRequest(indexedDB.open('marginalia'));

  window.__bench = {
    settle,
    highlights: () => highlights().count,
    setSpans(spans) {
      knownSpans = spans;
    },
    waitFor,
    gcHeap,

    async appReady(docTitle, expected) {
      await waitFor(() => docLinks().length > 0, 120000, 'the Documents navigation');
      if (docTitle) await waitFor(painted(docTitle, expected, new Set()), 180000, `"${docTitle}" painted`);
      // The app reads coded segments after the first paint; coding starts once they are in.
      if (docTitle) await waitFor(() => !Number.isNaN(metaCount()), 180000, 'the coded segments read');
      // The open document's segments are read ahead of the rest; measurements start once all are in.
      await waitFor(allSegmentsRead, 180000, 'every coded segment read');
      await settle();
    },

    /** Deletes the segments the app wrote during a benchmark (synthetic rows are all dated 2024). */
    async removeBenchSegments() {
      const db = await openDb();
      const tx = db.transaction('segments', 'readwrite');
      let removed = 0;
      await new Promise((resolve, reject) => {
        const req = tx.objectStore('segments').openCursor();
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return;
          if (cursor.value.createdAt > '2024-12-31T23:59:59.999Z') {
            cursor.delete();
            removed++;
          }
          cursor.continue();
        };
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return removed;
    },

    /** Click a document in the Documents navigation → its text and all its highlights painted. */
    async openDocument(linkTitle, expected) {
      const link = [...docLinks()].find((a) => a.textContent.includes(linkTitle));
      if (!link) throw new Error(`no link for "${linkTitle}"`);
      const old = highlights().prefixes;
      const resourcesBefore = performance.getEntriesByType('resource').length;
      const t0 = performance.now();
      link.click();
      let textAt = null;
      const cond = painted(linkTitle, expected, old);
      await waitFor(() => {
        if (textAt === null && title() === linkTitle && blocks().length > 0) textAt = performance.now();
        return cond();
      }, 180000, `"${linkTitle}" painted with ${expected} highlights`);
      await settle();
      const ms = performance.now() - t0;
      const fetches = performance.getEntriesByType('resource').slice(resourcesBefore).filter((e) => e.name.includes('/api/getDocument'));
      return { ms, textMs: textAt - t0, fetchMs: fetches.reduce((s, e) => s + e.duration, 0) };
    },

    /** Baseline: the same text as one bare pre-wrap div with the viewer's typography, in the same page. */
    async barePaint(docId) {
      // As the app asks (renderer/transport/httpTransport.ts): the session secret the host wrote into the page, and the reply envelope.
      const session = document.querySelector('meta[name="marginalia-session"]')?.content ?? '';
      const headers = { 'Content-Type': 'application/json', 'X-Marginalia-Session': session };
      const res = await fetch('/api/getDocument', { method: 'POST', headers, body: JSON.stringify({ id: docId }) });
      const { text } = (await res.json()).value;
      const reader = document.querySelector('main.reader');
      const article = reader.querySelector('article');
      const host = document.createElement('div');
      host.className = 'doc-pane';
      await settle();
      const t0 = performance.now();
      const div = document.createElement('div');
      div.className = 'doc-text';
      div.style.whiteSpace = 'pre-wrap';
      div.textContent = text;
      host.append(div);
      if (article) article.style.display = 'none';
      reader.append(host);
      await settle();
      return { ms: performance.now() - t0, chars: text.length };
    },

    /** Select each span, press the digit, wait until the segment is stored, listed and painted. */
    async codeRun(spans, key) {
      const root = document.querySelector('.doc-text');
      const times = [];
      for (const [start, end] of spans) {
        // An analyst codes what is on screen: bring the passage into view first (not timed).
        const block = [...blocks()].reverse().find((b) => Number(b.dataset.start) <= start);
        block?.parentElement?.classList.remove('far'); // its section's body
        block?.scrollIntoView({ block: 'center' });
        await settleHighlights();
        select(start, end);
        // The coding popup opens, as it would for an analyst, and the page goes quiet
        // (an analyst reads before pressing a key): only the coding itself is timed.
        await waitFor(() => document.querySelector('[role=dialog][aria-label="Apply code"]'), 20000, 'the Apply code popup');
        await settle();
        await settle();
        const before = metaCount();
        const hBefore = highlights().count;
        const t0 = performance.now();
        root.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        await waitFor(() => metaCount() === before + 1 && highlights().count === hBefore + 1, 20000, `segment ${start}–${end} coded`).catch((e) => {
          throw new Error(`${e.message}: coded segments ${before} → ${metaCount()}, highlights ${hBefore} → ${highlights().count}`);
        });
        await settle();
        times.push(performance.now() - t0);
        performance.measure('bench:timed', { start: t0 }); // the timed window, for --trace
      }
      return times;
    },

    /**
     * Scroll the reader from the top, `stepPx` a frame (default: one screen) until the end or
     * `maxFrames`; long frames from rAF timestamps. With `selection` ([start, end]) that passage
     * is selected first and the coding popup left open, as while an analyst reads on.
     */
    async scrollThrough(maxFrames, stepPx = null, selection = null) {
      const reader = document.querySelector('main.reader');
      reader.scrollTop = 0;
      await settle();
      if (selection) {
        select(selection[0], selection[1]);
        await waitFor(() => document.querySelector('[role=dialog][aria-label="Apply code"]'), 20000, 'the Apply code popup');
        await settle();
      }
      const step = stepPx ?? reader.clientHeight;
      const stamps = [];
      // Live collection: its length is cheap to read every frame (no query over the book).
      const hidden = reader.getElementsByClassName('far');
      let laidOutAt = hidden.length === 0 ? 0 : -1;
      // The browser's own account of long frames (Long Animation Frames: main-thread work from
      // the first task to the frame's rendering), alongside the rAF intervals.
      const loafs = [];
      const loafObserver = PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')
        ? new PerformanceObserver((list) => loafs.push(...list.getEntries()))
        : null;
      loafObserver?.observe({ type: 'long-animation-frame' });
      // Frames in which the scrollable height changed (background layout is meant to keep it still).
      const heightChanges = [];
      let lastHeight = reader.scrollHeight;
      await new Promise((resolve) => {
        const frame = (ts) => {
          stamps.push(ts);
          if (laidOutAt < 0 && hidden.length === 0) laidOutAt = stamps.length - 1;
          if (reader.scrollHeight !== lastHeight) {
            heightChanges.push([stamps.length - 1, reader.scrollHeight - lastHeight]);
            lastHeight = reader.scrollHeight;
          }
          if (reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 1 || stamps.length > maxFrames) return resolve();
          reader.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      loafs.push(...(loafObserver?.takeRecords() ?? []));
      loafObserver?.disconnect();
      const scrolled = loafs.filter((e) => e.startTime >= stamps[0] && e.startTime < stamps[stamps.length - 1]);
      const deltas = stamps.slice(1).map((t, i) => t - stamps[i]);
      // rAF timestamps fall on 60 Hz vsyncs (±0.1 ms): an interval of three (50.0 ms) means the
      // frame took 33–50 ms, not more; over 50 ms shows as four intervals (66.7 ms).
      const long = deltas.flatMap((d, i) => (d > LONG_FRAME_MS + VSYNC_JITTER_MS ? [i] : []));
      // Long frames become the timed windows of a --trace (bench/trace-summary.ts looks only there).
      for (const i of long) performance.measure('bench:timed', { start: stamps[i], end: stamps[i + 1] });
      return {
        frames: deltas.length,
        longFrames: long.length,
        /** Where the long frames were: [frame index, ms]. */
        longAt: long.map((i) => [i, Math.round(deltas[i] * 10) / 10]),
        /** Frames over 34 ms (two 60 Hz frames missed): a finer sign of jank than the target's 50 ms. */
        slowFrames: deltas.filter((d) => d > 34).length,
        maxFrameMs: Math.max(0, ...deltas),
        /** Long animation frames (> 50 ms of main-thread work) the browser reported; null where unsupported. */
        longAnimationFrames: loafObserver ? scrolled.length : null,
        longestAnimationFrameMs: loafObserver ? Math.max(0, ...scrolled.map((e) => e.duration)) : null,
        /** Where each long animation frame went (ms): tasks before rendering, rAF callbacks, style/layout/paint. */
        longAnimationFrameParts: scrolled.map((e) => ({
          at: Math.round(e.startTime - stamps[0]),
          duration: Math.round(e.duration),
          beforeRender: Math.round((e.renderStart || e.startTime + e.duration) - e.startTime),
          frameCallbacks: e.renderStart ? Math.round(e.styleAndLayoutStart - e.renderStart) : 0,
          styleLayoutPaint: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
          scripts: e.scripts.map((x) => `${x.invoker || x.invokerType} ${Math.round(x.duration)} ms (forced layout ${Math.round(x.forcedStyleAndLayoutDuration)})`),
        })),
        /** [frame, px] where the scrollable height changed while scrolling. */
        heightChanges,
        /** The frame from which on the whole book was laid out (-1: not by the end). */
        laidOutAt,
        totalMs: stamps[stamps.length - 1] - stamps[0],
        scrollHeight: reader.scrollHeight,
        step,
        reachedEnd: reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 1,
        /** Whether the passage selected before scrolling is still the selection (and its coding popup open). */
        selectionKept: selection ? !!document.querySelector('[role=dialog][aria-label="Apply code"]') : null,
      };
    },

    linkCount: () => docLinks().length,
    /** Whether the open document shows its count of coded segments (it can be coded). */
    documentReady: () => !Number.isNaN(metaCount()),
    allSegmentsRead,
    linkTitles: () => [...docLinks()].map((a) => a.querySelector('.doc-list-title')?.textContent ?? ''),

    /** The peer: the same text and ranges through @recogito/text-annotator (its page, not the app). */
    async peer(textUrl, annotationsUrl, renderer) {
      const text = await (await fetch(textUrl)).text();
      const annotations = await (await fetch(annotationsUrl)).json();
      const reader = document.getElementById('reader');
      await settle();
      const t0 = performance.now();
      const div = document.createElement('div');
      div.className = 'doc-text';
      div.textContent = text;
      reader.append(div);
      const anno = window.createTextAnnotator(div, renderer ? { renderer } : {});
      // Its renderer draws what is on screen after a 10 ms debounce and a frame, then emits onRedraw.
      const redrawn = new Promise((resolve) => anno.renderer.on('onRedraw', resolve));
      anno.setAnnotations(annotations, false);
      await Promise.race([redrawn, new Promise((_, reject) => setTimeout(() => reject(new Error('the peer never redrew')), 300000))]);
      await settle();
      const ms = performance.now() - t0;
      let cssRanges = 0;
      for (const [, h] of CSS.highlights) cssRanges += h.size;
      const spans = document.querySelectorAll('.r6o-span-highlight-layer *').length;
      return { ms, stored: anno.getAnnotations().length, drawnSpans: spans, cssRanges };
    },
  };
})();
