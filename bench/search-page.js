/*
 * In-page helpers for bench/search.ts (plain JavaScript, injected as an init script beside
 * page-helpers.js, whose waitFor it uses). Everything is on window.__searchBench.
 * Timing rule: performance.now() → action → wait for the DOM → force layout → two rAFs.
 */
(() => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const settle = async () => {
    void document.body.offsetHeight;
    await raf();
    await raf();
  };
  // Found once and kept while in the page: waitFor checks on every mutation and every 4 ms, and a
  // search of the whole document each time (the reader's text comes first) took the app's main thread.
  const kept = (selector, within) => {
    let el = null;
    return () => (el?.isConnected ? el : (el = (within ? within() : document)?.querySelector(selector) ?? null));
  };
  const view = kept('.search-view');
  const field = () => view()?.querySelector('input[type=search]');
  const summaryElement = kept('.search-summary', view);
  const summary = () => summaryElement()?.textContent ?? '';
  const painted = () => view()?.querySelectorAll('.kwic-body [role=row]:not([aria-busy])').length ?? 0;
  const setValue = (input, value) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const byLabel = (text) => [...view().querySelectorAll('label')].find((l) => l.textContent.trim() === text)?.querySelector('input, select');

  /** Frame lengths from rAF timestamps while `work` runs. */
  async function withFrames(work) {
    const deltas = [];
    let running = true;
    let last = performance.now();
    const tick = (t) => {
      deltas.push(t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      return { value: await work(), frames: deltas.length, maxFrameMs: Math.max(0, ...deltas), over200: deltas.filter((d) => d > 200).length, over50: deltas.filter((d) => d > 50).length };
    } finally {
      running = false;
    }
  }

  window.__searchBench = {
    /** Opens the Search view (Ctrl/Cmd+Shift+F) and waits until `documents` are indexed; frames meanwhile. */
    async openAndIndex(documents) {
      const heapBefore = performance.memory ? performance.memory.usedJSHeapSize : null;
      const t0 = performance.now();
      const run = await withFrames(async () => {
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F', ctrlKey: true, shiftKey: true, bubbles: true }));
        const done = `${documents.toLocaleString('en')} documents indexed`;
        await window.__bench.waitFor(() => view()?.querySelector('.search-index')?.textContent === done, 600000, 'the index built');
        return performance.now() - t0;
      });
      const heapAfter = await window.__bench.gcHeap();
      return { ms: run.value, frames: run.frames, maxFrameMs: run.maxFrameMs, over200: run.over200, over50: run.over50, heapBefore, heapAfter };
    },

    /** Sets the match mode (its radio's label) and the options. */
    setOptions(mode, flags) {
      byLabel(mode).click();
      for (const [label, on] of Object.entries(flags)) {
        const box = byLabel(label);
        if (box.checked !== on) box.click();
      }
    },

    /** Sets the documents scope to a date range (YYYY-MM bounds). */
    async setDateScope(from, to) {
      const which = view().querySelector('select[aria-label="Which documents"]');
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(which, 'details');
      which.dispatchEvent(new Event('change', { bubbles: true }));
      await raf();
      setValue(byLabel('Dated from'), from);
      setValue(byLabel('to'), to);
    },

    /**
     * Types a query (one input event, as a paste) into a cleared field and waits until its
     * total shows and the first rows (up to 100) are painted. Returns ms and the total shown.
     */
    async query(text) {
      const input = field();
      setValue(input, '');
      await window.__bench.waitFor(() => summary() === '', 30000, 'the cleared results').catch((e) => {
        throw new Error(`${e.message}; the summary reads "${summary()}", the field "${input.value}"`);
      });
      await settle();
      const t0 = performance.now();
      setValue(input, text);
      await window.__bench.waitFor(
        () => {
          const m = /^([\d,]+) hits? in /.exec(summary());
          if (!m) return false;
          const total = Number(m[1].replace(/,/g, ''));
          return total === 0 || painted() >= Math.min(100, total);
        },
        120000,
        `the hits of ${text}`,
      );
      await settle();
      const ms = performance.now() - t0;
      return { ms, total: Number(/^([\d,]+)/.exec(summary())[1].replace(/,/g, '')), rows: painted() };
    },

    /** Opens "Code all hits" with the first code and the hit itself, waits for the preview, then codes; frames meanwhile. */
    async codeAll() {
      const t0 = performance.now();
      const details = view().querySelector('.code-all-details');
      details.querySelector('summary').click();
      // The panel starts with no code chosen (a bulk action never defaults to one): pick the first code.
      await window.__bench.waitFor(() => (details.querySelector('select')?.options.length ?? 0) > 2, 300000, 'the codes to choose from');
      const select = details.querySelector('select');
      const first = [...select.options].find((o) => !o.disabled && o.value && o.textContent !== 'New code…');
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, first.value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await window.__bench.waitFor(() => /^Will make /.test(details.querySelector('.code-all-preview')?.textContent ?? ''), 300000, 'the preview');
      const preview = details.querySelector('.code-all-preview').textContent;
      const prepareMs = performance.now() - t0;
      await settle();
      const button = [...details.querySelectorAll('button')].find((b) => /^Code [\d,]+ hits?$/.test(b.textContent));
      const t1 = performance.now();
      const run = await withFrames(async () => {
        button.click();
        await window.__bench.waitFor(() => /codings? in /.test(details.querySelector('.code-all-report')?.textContent ?? ''), 300000, 'the report');
        await settle();
        return performance.now() - t1;
      });
      return { prepareMs, preview, codeMs: run.value, report: details.querySelector('.code-all-report').textContent, maxFrameMs: run.maxFrameMs, over200: run.over200, frames: run.frames };
    },
  };
})();
