/**
 * Margin coding stripes: beside the text, one bar per code on a segment, named by the code,
 * overlapping and nested codings side by side (lanes: see stripeLanes.ts). Plain DOM, no React:
 * a book has thousands of codings, and only the bars near the viewport exist, positioned from
 * the text's own layout (the client rects of a segment's first and last characters).
 *
 * Cheap by construction, like the highlight painter: a new span list is compared with the last
 * by reference (a coding looks at the row it changed); bars are measured all at once and then
 * written (one layout, not one per bar); the column is a layout and paint containment boundary,
 * so a bar changing never re-lays-out the text. Bars are positioned in the column, which spans
 * the text: laid-out text does not move unless the text's box changes size (the lazy layout
 * keeps the book's height while it lays sections out), and then a ResizeObserver measures again.
 */
import { changedMiddle } from '../domain/listDiff';
import { blockIndexAt } from './blocks';
import { offsetToDomPoint } from './domOffsets';
import { emphasise } from './emphasis';
import type { PaintWindow } from './highlightPainter';
import { LaneIndex, type CanFollow, type LaneItem } from './stripeLanes';

export interface StripeCoding {
  codeId: string;
  coder: string;
}

export interface StripeSpan {
  id: string;
  start: number;
  end: number;
  quote: string;
  codings: readonly StripeCoding[];
}

export interface StripeCode {
  id: string;
  name: string;
  colour: string;
}

/** Which codings get a stripe (e.g. a coder filter); null: all. */
export type CodingFilter = ((coding: StripeCoding) => boolean) | null;

interface StripeItem extends LaneItem {
  segmentId: string;
  codeId: string;
  quote: string;
}

interface Bar {
  el: HTMLButtonElement;
  item: StripeItem;
  lane: number;
  /** Positioned from an estimate (its text was not laid out yet): measured again on the next pass. */
  estimated: boolean;
}

/** Above this many new rows the index is rebuilt and sorted once rather than spliced row by row. */
const BULK = 64;
/** A conservative average glyph width (em): more characters per line than real text has. */
const NARROW_GLYPH_EM = 0.3;

const keyOf = (segmentId: string, codeId: string) => `${segmentId}\u001f${codeId}`;

export class StripePainter {
  private readonly index = new LaneIndex<StripeItem>();
  private spanList: readonly StripeSpan[] = [];
  private readonly itemsOf = new Map<string, StripeItem[]>();
  private codes = new Map<string, StripeCode>();
  private filter: CodingFilter = null;
  private window: PaintWindow = null;
  private readonly bars = new Map<string, Bar>();
  /** The bar that takes Tab (one tab stop for the column; arrows move between bars). */
  private current: string | null = null;
  private remeasure = true;
  private scheduled = false;
  private disposed = false;
  private readonly resizes: ResizeObserver;
  private width = -1;

  constructor(
    private readonly layer: HTMLElement,
    private readonly root: HTMLElement,
    private readonly blocks: readonly HTMLElement[],
    private readonly starts: readonly number[],
    private readonly onOpen: (segmentId: string) => void,
  ) {
    this.resizes = new ResizeObserver(() => this.onResize());
    this.resizes.observe(root);
    layer.addEventListener('click', this.onClick);
    layer.addEventListener('pointerover', this.onPointer);
    layer.addEventListener('pointerout', this.onPointer);
    layer.addEventListener('focusin', this.onFocus);
    layer.addEventListener('focusout', this.onFocus);
    layer.addEventListener('keydown', this.onKey);
  }

  setCodes(codes: readonly StripeCode[]): void {
    this.codes = new Map(codes.map((c) => [c.id, c]));
    for (const bar of this.bars.values()) bar.el.remove();
    this.bars.clear();
    this.schedule();
  }

  setFilter(filter: CodingFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    const spans = this.spanList;
    this.spanList = [];
    this.setSpans(spans);
  }

  /** All segments of the document (placed offsets); only what changed since the last list is looked at. */
  setSpans(spans: readonly StripeSpan[]): void {
    const { removed, added } = changedMiddle(this.spanList, spans);
    this.spanList = spans;
    if (added.length > BULK) {
      this.itemsOf.clear();
      for (const span of spans) this.itemsOf.set(span.id, this.itemsFor(span));
      this.index.reset([...this.itemsOf.values()].flat());
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
    this.layer.removeEventListener('click', this.onClick);
    this.layer.removeEventListener('pointerover', this.onPointer);
    this.layer.removeEventListener('pointerout', this.onPointer);
    this.layer.removeEventListener('focusin', this.onFocus);
    this.layer.removeEventListener('focusout', this.onFocus);
    this.layer.removeEventListener('keydown', this.onKey);
    emphasise(this.blocks, this.starts, null);
    this.layer.replaceChildren();
    this.bars.clear();
  }

  private itemsFor(span: StripeSpan): StripeItem[] {
    const codeIds = new Set<string>();
    for (const c of span.codings) if (!this.filter || this.filter(c)) codeIds.add(c.codeId);
    return [...codeIds].map((codeId) => ({ key: keyOf(span.id, codeId), start: span.start, end: span.end, segmentId: span.id, codeId, quote: span.quote }));
  }

  /** Several setters in one commit (codes, spans, window) make one pass. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.disposed) this.paint();
    });
  }

  private onResize(): void {
    const width = this.root.clientWidth;
    if (width !== this.width) {
      this.width = width;
      this.index.setCanFollow(this.lineRule());
    }
    this.remeasure = true;
    this.paint();
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

  private paint(): void {
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
    const stale = [...wanted.values()].filter(({ item, lane }) => {
      const bar = this.bars.get(item.key);
      return this.remeasure || !bar || bar.item !== item || bar.lane !== lane || bar.estimated;
    });
    this.remeasure = false;
    // All reads first, then all writes: one layout for the whole pass.
    const top = this.layer.getBoundingClientRect().top;
    const boxes = stale.map(({ item }) => this.measure(item, top));
    stale.forEach(({ item, lane }, i) => this.place(item, lane, boxes[i]!));
    this.layer.style.setProperty('--lanes', String(Math.max(1, count)));
    this.layer.classList.toggle('stripes-narrow', count > 6);
    this.updateTabStop();
  }

  /** Top and height (px, in the column) of a span's lines; estimated where its text is not laid out. */
  private measure(item: StripeItem, layerTop: number): { top: number; height: number; estimated: boolean } {
    const a = this.edge(item.start, 'top');
    const b = this.edge(item.end, 'bottom');
    return { top: a.y - layerTop, height: Math.max(4, b.y - a.y), estimated: a.estimated || b.estimated };
  }

  /** The top of the character at `offset`, or the bottom of the one before it. */
  private edge(offset: number, side: 'top' | 'bottom'): { y: number; estimated: boolean } {
    const block = this.blocks[blockIndexAt(this.starts, offset)];
    const body = block?.parentElement;
    // A section that skips layout: its box is known, its lines are not (and asking would lay it out).
    if (!block || !body || body.classList.contains('far')) {
      const box = (body ?? this.root).getBoundingClientRect();
      return { y: side === 'top' ? box.top : box.bottom, estimated: true };
    }
    const a = offsetToDomPoint(this.blocks, this.starts, side === 'top' ? offset : Math.max(0, offset - 1));
    const b = offsetToDomPoint(this.blocks, this.starts, side === 'top' ? offset + 1 : offset);
    const range = document.createRange();
    if (a && b) {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    }
    const rects = range.getClientRects();
    const rect = side === 'top' ? rects[0] : rects[rects.length - 1];
    const box = rect ?? block.getBoundingClientRect();
    return { y: side === 'top' ? box.top : box.bottom, estimated: false };
  }

  private place(item: StripeItem, lane: number, box: { top: number; height: number; estimated: boolean }): void {
    let bar = this.bars.get(item.key);
    if (!bar) {
      bar = { el: this.createBar(item), item, lane, estimated: box.estimated };
      this.bars.set(item.key, bar);
      this.layer.append(bar.el);
    } else if (bar.item.quote !== item.quote) {
      this.label(bar.el, item);
    }
    bar.item = item;
    bar.lane = lane;
    bar.estimated = box.estimated;
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
    el.style.backgroundColor = code.colour;
    el.style.color = inkOn(code.colour);
    const name = document.createElement('span');
    name.className = 'stripe-name';
    name.setAttribute('aria-hidden', 'true');
    name.textContent = code.name;
    el.append(name);
    this.label(el, item);
    return el;
  }

  /** The accessible name: the code, then the passage it codes (shortened). */
  private label(el: HTMLElement, item: StripeItem): void {
    const name = this.codes.get(item.codeId)?.name ?? '';
    const quote = item.quote.length > 60 ? `${item.quote.slice(0, 60).trimEnd()}…` : item.quote;
    const label = `${name}: “${quote}”`;
    el.setAttribute('aria-label', label);
    el.title = label;
  }

  private updateTabStop(): void {
    if (!this.current || !this.bars.has(this.current)) this.current = this.ordered()[0]?.item.key ?? null;
    for (const [key, bar] of this.bars) bar.el.tabIndex = key === this.current ? 0 : -1;
  }

  /** The drawn bars top to bottom, nearest the text first. */
  private ordered(): Bar[] {
    return [...this.bars.values()].sort((a, b) => a.item.start - b.item.start || a.lane - b.lane);
  }

  private barOf(target: EventTarget | null): Bar | undefined {
    const el = target instanceof Element ? target.closest<HTMLElement>('.stripe') : null;
    return el?.dataset.key ? this.bars.get(el.dataset.key) : undefined;
  }

  private emphasise(bar: Bar | undefined): void {
    emphasise(this.blocks, this.starts, bar?.item ?? null);
  }

  private onClick = (e: MouseEvent): void => {
    const bar = this.barOf(e.target);
    if (bar) this.onOpen(bar.item.segmentId);
  };

  /** The bar under the pointer is emphasised, else the one with focus. */
  private onPointer = (e: PointerEvent): void => {
    const hovered = this.barOf(e.type === 'pointerover' ? e.target : e.relatedTarget);
    this.emphasise(hovered ?? this.barOf(document.activeElement));
  };

  private onFocus = (e: FocusEvent): void => {
    const bar = this.barOf(e.type === 'focusin' ? e.target : e.relatedTarget);
    if (bar && e.type === 'focusin') {
      this.current = bar.item.key;
      this.updateTabStop();
    }
    this.emphasise(bar);
  };

  private onKey = (e: KeyboardEvent): void => {
    const bars = this.ordered();
    const at = bars.findIndex((b) => b.el === document.activeElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: bars.length - 1 }[e.key];
    if (next === undefined || !bars[next]) return;
    e.preventDefault();
    bars[next].el.focus();
  };
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
