/**
 * Margin coding stripes: beside the text, one bar per code on a segment, named by the code,
 * overlapping and nested codings side by side (lanes: see stripeLanes.ts). Plain DOM, no React:
 * a book has thousands of codings, and only the bars near the viewport exist, positioned from
 * the text's own layout (the client rects of a segment's first and last characters).
 *
 * Cheap by construction, like the highlight painter: a new span list is compared with the last
 * by reference (a coding looks at the row it changed); only new or moved bars are measured, all
 * reads before all writes (one layout a pass, none when nothing is new); the column is a layout
 * and paint containment boundary, so a bar changing never re-lays-out the text.
 * Laid-out text near the viewport does not move unless the text's box changes size (the lazy
 * layout keeps the book's height while it lays sections out); then a ResizeObserver either
 * measures again (a new width: the text reflowed) or shifts every bar by what one block moved.
 */
import { changedMiddle } from '../domain/listDiff';
import { colourOn } from '../domain/palette';
import { blockIndexAt } from './blocks';
import type { PaintWindow } from './highlightPainter';
import { charRect, laidOutBlock } from './spanGeometry';
import { attachStripeColumn } from './stripeColumn';
import { LaneIndex, type CanFollow, type LaneItem } from './stripeLanes';

/** A segment as the stripes see it: the codings are those shown (the coder filter applies before). */
export interface StripeSpan {
  id: string;
  start: number;
  end: number;
  quote: string;
  codings: readonly { codeId: string; coder: string }[];
}

export interface StripeCode {
  id: string;
  name: string;
  colour: string;
}

interface StripeItem extends LaneItem {
  segmentId: string;
  codeId: string;
  quote: string;
  /** Who applied the code here, when several coders are shown (else empty: names would be noise). */
  coders: readonly string[];
}

interface Bar {
  el: HTMLButtonElement;
  item: StripeItem;
  lane: number;
  top: number;
  /** Positioned from an estimate (its text was not laid out yet): measured again on the next pass. */
  estimated: boolean;
}

/** Above this many new rows the index is rebuilt and sorted once rather than spliced row by row. */
const BULK = 64;
/** A conservative average glyph width (em): more characters per line than real text has. */
const NARROW_GLYPH_EM = 0.3;
/** More lanes than this and the names no longer fit: the bars narrow and keep their names for hover and assistive technology. */
const NAMED_LANES = 6;

const keyOf = (segmentId: string, codeId: string) => `${segmentId}\u001f${codeId}`;

export class StripePainter {
  private readonly index = new LaneIndex<StripeItem>();
  private spanList: readonly StripeSpan[] = [];
  private readonly itemsOf = new Map<string, StripeItem[]>();
  private codes = new Map<string, StripeCode>();
  /** Initials by coder while more than one coder is shown; null: stripes name no coder. */
  private initials: ReadonlyMap<string, string> | null = null;
  private window: PaintWindow = null;
  private readonly bars = new Map<string, Bar>();
  /** The bar that takes Tab (one tab stop for the column; arrows move between bars). */
  private current: string | null = null;
  /** A block of the drawn window and its top in the column when last measured (see onResize). */
  private anchor: { block: HTMLElement; top: number } | null = null;
  private scheduled = false;
  private disposed = false;
  private width = -1;
  private readonly resizes = new ResizeObserver(() => this.onResize());
  private readonly detach: () => void;

  constructor(
    private readonly layer: HTMLElement,
    private readonly root: HTMLElement,
    private readonly blocks: readonly HTMLElement[],
    private readonly starts: readonly number[],
    onOpen: (segmentId: string) => void,
  ) {
    this.resizes.observe(root);
    this.detach = attachStripeColumn(layer, {
      blocks,
      starts,
      stripeOf: (el) => {
        const item = this.bars.get((el as HTMLElement).dataset.key ?? '')?.item;
        return item ? { segmentId: item.segmentId, span: item, name: this.codes.get(item.codeId)?.name ?? '' } : null;
      },
      ordered: () => this.ordered().map((bar) => bar.el),
      onFocus: (el) => {
        this.current = el.dataset.key ?? null;
        this.updateTabStop();
      },
      onOpen,
    });
  }

  setCodes(codes: readonly StripeCode[]): void {
    this.codes = new Map(codes.map((c) => [c.id, c]));
    for (const bar of this.bars.values()) bar.el.remove();
    this.bars.clear();
    this.schedule();
  }

  /** Names the coders on each stripe by their initials (when several coders are shown), or not (null). */
  setCoderInitials(initials: ReadonlyMap<string, string> | null): void {
    if (initials === this.initials) return;
    this.initials = initials;
    for (const bar of this.bars.values()) bar.el.remove();
    this.bars.clear();
    this.reindex(); // every item again, with or without its coders
    this.schedule();
  }

  /** All segments of the document (placed offsets); only what changed since the last list is looked at. */
  setSpans(spans: readonly StripeSpan[]): void {
    const { removed, added } = changedMiddle(this.spanList, spans);
    this.spanList = spans;
    if (added.length > BULK) {
      this.reindex();
    } else {
      for (const span of removed) for (const item of this.itemsOf.get(span.id) ?? []) this.index.remove(item);
      for (const span of removed) this.itemsOf.delete(span.id);
      for (const span of added) {
        const items = this.itemsFor(span);
        this.itemsOf.set(span.id, items);
        for (const item of items) this.index.add(item);
      }
    }
    this.schedule();
  }

  /** Draws only the bars overlapping [from, to) (the text near the viewport), or all for null. */
  setWindow(window: PaintWindow): void {
    this.window = window;
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.resizes.disconnect();
    this.detach();
    for (const bar of this.bars.values()) bar.el.remove();
    this.bars.clear();
  }

  /** Builds every span's items and the lane index afresh (sorted once rather than spliced row by row). */
  private reindex(): void {
    this.itemsOf.clear();
    for (const span of this.spanList) this.itemsOf.set(span.id, this.itemsFor(span));
    this.index.reset([...this.itemsOf.values()].flat());
  }

  private itemsFor(span: StripeSpan): StripeItem[] {
    // One bar per code, however many coders applied it (named by their initials when several are shown).
    const codersOf = new Map<string, string[]>();
    for (const { codeId, coder } of span.codings) {
      const coders = codersOf.get(codeId);
      if (!coders) codersOf.set(codeId, [coder]);
      else if (!coders.includes(coder)) coders.push(coder);
    }
    return [...codersOf].map(([codeId, coders]) => ({
      key: keyOf(span.id, codeId),
      start: span.start,
      end: span.end,
      segmentId: span.id,
      codeId,
      quote: span.quote,
      coders: this.initials ? coders : [],
    }));
  }

  /** Several setters in one commit (codes, spans, window) make one pass. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.disposed) this.paint(false);
    });
  }

  /** Runs after layout, so reading positions here costs no extra layout. */
  private onResize(): void {
    const width = this.root.clientWidth;
    if (width !== this.width) {
      this.width = width;
      this.index.setCanFollow(this.lineRule());
      return this.paint(true);
    }
    if (!this.anchor) return;
    // Only the height changed (far sections laid out): the drawn text moved as one piece, if at all.
    const shift = this.anchor.block.getBoundingClientRect().top - this.layer.getBoundingClientRect().top - this.anchor.top;
    if (Math.abs(shift) < 0.5) return;
    this.anchor.top += shift;
    for (const bar of this.bars.values()) {
      bar.top += shift;
      bar.el.style.top = `${bar.top}px`;
    }
  }

  /**
   * Bars may share a lane when their spans are in different paragraphs, or far enough apart
   * in one that they cannot share a line of text (a line holds fewer characters than this).
   */
  private lineRule(): CanFollow {
    const fontSize = parseFloat(getComputedStyle(this.root).fontSize) || 17;
    const perLine = Math.ceil(this.root.clientWidth / (fontSize * NARROW_GLYPH_EM));
    return (end, start) => end + perLine <= start || blockIndexAt(this.starts, end) < blockIndexAt(this.starts, start);
  }

  /** Brings the drawn bars in line with spans × window; `all` measures every bar again. */
  private paint(all: boolean): void {
    const from = this.window?.from ?? 0;
    const to = this.window?.to ?? Infinity;
    const { items, lanes, count } = this.index.lanesIn(from, to);
    const wanted = new Map<string, { item: StripeItem; lane: number }>();
    items.forEach((item, i) => {
      if (this.codes.has(item.codeId)) wanted.set(item.key, { item, lane: lanes[i]! });
    });
    for (const [key, bar] of this.bars) {
      if (wanted.has(key)) continue;
      bar.el.remove();
      this.bars.delete(key);
    }
    this.layer.style.setProperty('--lanes', String(Math.max(1, count)));
    this.layer.classList.toggle('stripes-narrow', count > NAMED_LANES);
    const stale = [...wanted.values()].filter(({ item, lane }) => {
      const bar = this.bars.get(item.key);
      return all || !bar || bar.item !== item || bar.lane !== lane || bar.estimated;
    });
    // Nothing new: no layout forced (the book may be laying out a section in this frame).
    if (stale.length) this.measureAndPlace(stale, from);
    this.updateTabStop();
  }

  /** All reads first, then all writes: one layout for the whole pass. */
  private measureAndPlace(stale: readonly { item: StripeItem; lane: number }[], from: number): void {
    const layerTop = this.layer.getBoundingClientRect().top;
    const boxes = stale.map(({ item }) => this.measure(item, layerTop));
    const anchor = laidOutBlock(this.blocks, this.starts, from);
    this.anchor = anchor ? { block: anchor, top: anchor.getBoundingClientRect().top - layerTop } : null;
    stale.forEach(({ item, lane }, i) => this.place(item, lane, boxes[i]!));
  }

  /** Top and height (px, in the column) of a span's lines; estimated where its text is not laid out. */
  private measure(item: StripeItem, layerTop: number): { top: number; height: number; estimated: boolean } {
    const first = charRect(this.blocks, this.starts, item.start, 'first');
    const last = charRect(this.blocks, this.starts, item.end, 'last');
    // A section that skips layout: its box is known, its lines are not.
    const sectionOf = (offset: number) => (this.blocks[blockIndexAt(this.starts, offset)]?.parentElement ?? this.root).getBoundingClientRect();
    const top = first?.top ?? sectionOf(item.start).top;
    const bottom = last?.bottom ?? sectionOf(item.end - 1).bottom;
    return { top: top - layerTop, height: Math.max(4, bottom - top), estimated: !first || !last };
  }

  private place(item: StripeItem, lane: number, box: { top: number; height: number; estimated: boolean }): void {
    let bar = this.bars.get(item.key);
    if (!bar) {
      bar = { el: this.createBar(item), item, lane, top: box.top, estimated: box.estimated };
      this.bars.set(item.key, bar);
      this.layer.append(bar.el);
    } else if (bar.item.quote !== item.quote) {
      this.label(bar.el, item);
    }
    Object.assign(bar, { item, lane, top: box.top, estimated: box.estimated });
    const s = bar.el.style;
    s.setProperty('--lane', String(lane));
    s.top = `${box.top}px`;
    s.height = `${box.height}px`;
  }

  private createBar(item: StripeItem): HTMLButtonElement {
    const code = this.codes.get(item.codeId)!;
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'stripe';
    el.tabIndex = -1;
    el.dataset.key = item.key;
    // Each theme draws the colour adjusted to show on its background, with the ink that reads on it.
    const [light, dark] = [colourOn(code.colour, 'light'), colourOn(code.colour, 'dark')];
    el.style.backgroundColor = `light-dark(${light}, ${dark})`;
    el.style.color = `light-dark(${inkOn(light)}, ${inkOn(dark)})`;
    const name = document.createElement('span');
    name.className = 'stripe-name';
    name.setAttribute('aria-hidden', 'true');
    const initials = item.coders.map((c) => this.initials?.get(c) ?? c).join(' ');
    name.textContent = initials ? `${code.name} · ${initials}` : code.name;
    el.append(name);
    this.label(el, item);
    return el;
  }

  /** The accessible name (and tooltip): the code, then the passage it codes (shortened). */
  private label(el: HTMLElement, item: StripeItem): void {
    const name = this.codes.get(item.codeId)?.name ?? '';
    const quote = item.quote.length > 60 ? `${item.quote.slice(0, 60).trimEnd()}…` : item.quote;
    const by = item.coders.length ? ` (${item.coders.map((c) => c || 'unknown coder').join(', ')})` : '';
    const label = `${name}${by}: “${quote}”`;
    el.setAttribute('aria-label', label);
    el.title = label;
  }

  private updateTabStop(): void {
    if (!this.current || !this.bars.has(this.current)) this.current = this.ordered()[0]?.item.key ?? null;
    for (const [key, bar] of this.bars) {
      const tabIndex = key === this.current ? 0 : -1;
      if (bar.el.tabIndex !== tabIndex) bar.el.tabIndex = tabIndex;
    }
  }

  /** The drawn bars top to bottom, nearest the text first. */
  private ordered(): Bar[] {
    return [...this.bars.values()].sort((a, b) => a.item.start - b.item.start || a.lane - b.lane);
  }
}

/** Black or white, whichever reads better on the bar's colour (WCAG relative luminance). */
function inkOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}
