/**
 * Which blocks of a long document are near the viewport: one passive scroll listener and a
 * binary search over the blocks' positions, once per frame while scrolling. (An
 * IntersectionObserver over thousands of blocks recomputes every target on every frame —
 * measured at ~10 ms a frame for a 2 MB book — even when nothing scrolls.)
 */

export interface BlockRange {
  /** First and last block index (inclusive) within one screen above and below the viewport. */
  first: number;
  last: number;
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return null;
}

/** Index of the first block whose predicate holds (blocks are in vertical order). */
function search(blocks: readonly HTMLElement[], holds: (rect: DOMRect) => boolean): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(blocks[mid]!.getBoundingClientRect())) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class ViewportTracker {
  private listeners = new Set<(range: BlockRange) => void>();
  private frame = 0;
  private readonly scroller: HTMLElement | null;
  range: BlockRange;

  constructor(private readonly blocks: readonly HTMLElement[]) {
    this.scroller = blocks[0] ? scrollParent(blocks[0]) : null;
    this.range = this.measure();
    (this.scroller ?? window).addEventListener('scroll', this.schedule, { passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  subscribe(listener: (range: BlockRange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-measures now (e.g. after blocks were revealed or hidden and positions moved). */
  update = (): void => {
    const next = this.measure();
    if (next.first === this.range.first && next.last === this.range.last) return;
    this.range = next;
    for (const l of this.listeners) l(next);
  };

  dispose(): void {
    cancelAnimationFrame(this.frame);
    (this.scroller ?? window).removeEventListener('scroll', this.schedule);
    window.removeEventListener('resize', this.schedule);
    this.listeners.clear();
  }

  private schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  };

  private measure(): BlockRange {
    if (this.blocks.length === 0) return { first: 0, last: -1 };
    const view = this.scroller?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const margin = view.height;
    const top = view.top - margin;
    const bottom = view.bottom + margin;
    const first = Math.min(this.blocks.length - 1, search(this.blocks, (r) => r.bottom > top));
    const last = Math.max(first, search(this.blocks, (r) => r.top >= bottom) - 1);
    return { first, last };
  }
}
