/**
 * Which blocks of a long document are near the viewport: one passive scroll listener and a
 * binary search over the sections' positions (then the blocks' in the two end sections), once
 * per frame while scrolling. (An IntersectionObserver over thousands of blocks recomputes every
 * target on every frame — measured at ~10 ms a frame for a 2 MB book — even when nothing scrolls.)
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

/** Index in [lo, hi) of the first element whose predicate holds (elements are in vertical order), or hi. */
function search(els: readonly HTMLElement[], lo: number, hi: number, holds: (rect: DOMRect) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(els[mid]!.getBoundingClientRect())) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The sections the blocks are grouped in (see groupSections in blocks.ts). */
export interface SectionMap {
  sections: readonly HTMLElement[];
  /** Index of each section's first block. */
  firsts: readonly number[];
  /**
   * Whether a section's blocks are laid out. Only then are they measured one by one: reading
   * the position of a block inside a section that skips layout would lay that section out.
   */
  isLaidOut: (section: HTMLElement) => boolean;
}

export class ViewportTracker {
  private listeners = new Set<(range: BlockRange) => void>();
  private frame = 0;
  private readonly scroller: HTMLElement | null;
  range: BlockRange;
  /** How far (px) the view scrolled between the last two measurements that changed the range. */
  scrolledBy = 0;
  private scrollTop = 0;

  constructor(
    private readonly blocks: readonly HTMLElement[],
    private readonly map: SectionMap,
  ) {
    this.scroller = blocks[0] ? scrollParent(blocks[0]) : null;
    this.range = this.measure();
    this.scrollTop = this.currentScrollTop();
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
    const top = this.currentScrollTop();
    this.scrolledBy = Math.abs(top - this.scrollTop);
    this.scrollTop = top;
    this.range = next;
    for (const l of this.listeners) l(next);
  };

  dispose(): void {
    cancelAnimationFrame(this.frame);
    (this.scroller ?? window).removeEventListener('scroll', this.schedule);
    window.removeEventListener('resize', this.schedule);
    this.listeners.clear();
  }

  /** The height of the view the blocks scroll in. */
  get viewHeight(): number {
    return this.scroller?.clientHeight ?? window.innerHeight;
  }

  private currentScrollTop(): number {
    return this.scroller?.scrollTop ?? window.scrollY;
  }

  private schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  };

  private measure(): BlockRange {
    if (this.blocks.length === 0 || this.map.sections.length === 0) return { first: 0, last: -1 };
    const view = this.scroller?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const margin = view.height;
    const top = view.top - margin;
    const bottom = view.bottom + margin;
    const { sections, firsts, isLaidOut } = this.map;
    const end = (k: number) => firsts[k + 1] ?? this.blocks.length;
    // First the sections, then (where laid out) the blocks inside the first and last one.
    const s1 = Math.min(sections.length - 1, search(sections, 0, sections.length, (r) => r.bottom > top));
    const s2 = Math.max(s1, search(sections, 0, sections.length, (r) => r.top >= bottom) - 1);
    const first = isLaidOut(sections[s1]!)
      ? Math.min(end(s1) - 1, search(this.blocks, firsts[s1]!, end(s1), (r) => r.bottom > top))
      : firsts[s1]!;
    const last = isLaidOut(sections[s2]!)
      ? Math.max(firsts[s2]!, search(this.blocks, firsts[s2]!, end(s2), (r) => r.top >= bottom) - 1)
      : end(s2) - 1;
    return { first, last: Math.max(first, last) };
  }
}
