/**
 * Paints coded spans with the CSS Custom Highlight API: one Highlight per code holding a
 * StaticRange per segment. Nothing is added to the document's DOM, and overlaps stay
 * distinguishable because each code's fill is translucent: fills blend, and the more codes
 * cover a passage the deeper it gets.
 *
 * Chromium re-validates every registered range whenever any highlight changes, so the cost of
 * one change grows with the number of registered ranges. Long documents therefore register
 * only the segments overlapping the blocks near the viewport, and a change repaints only the
 * segments that changed: new span lists are compared with the last by reference, so a coding
 * looks at the row it changed. (Filtering 10,000 spans when the window moves is a fraction of a
 * millisecond: cheaper than keeping an interval index up to date on every change.)
 *
 * A code gets its Highlight and style rule when the document's spans first use it, not when the
 * codebook is given: every ::highlight rule is matched at every style recalculation, and 20,000
 * codes (a big imported codebook, most not used in this document) took 40 s of style work. Not
 * when a span of it is first painted either: a rule added while the reader scrolls restyles the
 * whole document in that frame (~100 ms in the book), so the rules of all the codes a document
 * uses are added together, with its spans.
 */
import { HIGHLIGHT_ALPHA, themeColour } from '../domain/palette';
import { changedMiddle } from '../domain/listDiff';
import { spanToRange } from './domOffsets';

export interface PaintSpan {
  id: string;
  start: number;
  end: number;
  /** Who put which code here: a code painted once however many coders applied it. */
  codings: readonly { codeId: string }[];
}

export interface PaintCode {
  id: string;
  colour: string;
}

/** [from, to) of the text whose segments are registered; null = the whole document. */
export type PaintWindow = { from: number; to: number } | null;

let instances = 0;

export class HighlightPainter {
  private readonly prefix = `mg${++instances}`;
  private readonly style = document.createElement('style');
  private colours = new Map<string, string>();
  /** Highlight names of the codes painted so far (see nameFor). */
  private codeNames = new Map<string, string>();
  private painted = new Map<string, { span: PaintSpan; range: StaticRange }>();
  private spans = new Map<string, PaintSpan>();
  /** The list last passed to setSpans (its items are compared by reference). */
  private spanList: readonly PaintSpan[] = [];
  private window: PaintWindow = null;
  private readonly activeName: string;
  private named = 0;
  private activeIds: readonly string[] = [];

  constructor(
    private readonly blocks: readonly HTMLElement[],
    private readonly starts: readonly number[],
  ) {
    this.activeName = `${this.prefix}-active`;
    document.head.append(this.style);
    CSS.highlights.set(this.activeName, new Highlight());
  }

  /** Codes and their colours; repaints everything (names and rules are made again as spans need them). */
  setCodes(codes: readonly PaintCode[]): void {
    this.style.textContent = `::highlight(${this.activeName}) { text-decoration: underline 3px currentColor; text-underline-offset: 3px; }`;
    for (const name of this.codeNames.values()) CSS.highlights.delete(name);
    this.codeNames = new Map();
    this.colours = new Map(codes.map((c) => [c.id, c.colour]));
    this.painted.clear();
    this.nameCodesOf(this.spans.values());
    this.refresh();
  }

  private nameCodesOf(spans: Iterable<PaintSpan>): void {
    for (const span of spans) for (const { codeId } of span.codings) this.nameFor(codeId);
  }

  /** The Highlight name of a code, registered with its rule on first use; undefined for a code not given. */
  private nameFor(codeId: string): string | undefined {
    const known = this.codeNames.get(codeId);
    if (known) return known;
    const colour = this.colours.get(codeId);
    const sheet = this.style.sheet;
    if (colour === undefined || !sheet) return undefined;
    const name = `${this.prefix}-c${++this.named}`;
    const alpha = Math.round(HIGHLIGHT_ALPHA * 100);
    // The colour adjusted for the theme showing: a near-black code still shows on the dark background.
    sheet.insertRule(
      `::highlight(${name}) { background-color: color-mix(in srgb, ${themeColour(colour)} ${alpha}%, transparent); }`,
      sheet.cssRules.length,
    );
    CSS.highlights.set(name, new Highlight());
    this.codeNames.set(codeId, name);
    return name;
  }

  /**
   * All segments of the document; paints those that fall in the window. Spans that are the
   * same objects as last time are not looked at (a coding passes ten thousand and changes one).
   */
  setSpans(spans: readonly PaintSpan[]): void {
    const { removed, added } = changedMiddle(this.spanList, spans);
    this.spanList = spans;
    for (const span of removed) {
      this.spans.delete(span.id);
      this.unpaint(span.id);
    }
    this.nameCodesOf(added);
    for (const span of added) {
      this.spans.set(span.id, span);
      this.unpaint(span.id);
      if (this.inWindow(span)) this.addSpan(span);
    }
    if (this.activeIds.length) this.setActive(this.activeIds);
  }

  /** Restricts painting to [from, to) (the blocks near the viewport), or null for everything. */
  setWindow(window: PaintWindow): void {
    this.window = window;
    this.refresh();
  }

  /** Underlines the given segments (the ones open in the Segment panel). */
  setActive(ids: readonly string[]): void {
    this.activeIds = ids;
    const active = new Highlight();
    for (const id of ids) {
      const p = this.painted.get(id);
      if (p) active.add(p.range);
    }
    CSS.highlights.set(this.activeName, active);
  }

  dispose(): void {
    for (const name of this.codeNames.values()) CSS.highlights.delete(name);
    CSS.highlights.delete(this.activeName);
    this.style.remove();
    this.painted.clear();
  }

  /** Brings the registered ranges in line with spans × window, touching only what differs. */
  private refresh(): void {
    const wanted = this.wanted();
    for (const [id, { span, range }] of this.painted) {
      const next = wanted.get(id);
      if (next && (next === span || sameSpan(next, span))) {
        wanted.delete(id);
        continue;
      }
      this.removeRange(span, range);
      this.painted.delete(id);
    }
    for (const span of wanted.values()) this.addSpan(span);
    if (this.activeIds.length) this.setActive(this.activeIds);
  }

  private wanted(): Map<string, PaintSpan> {
    if (!this.window) return new Map(this.spans);
    const out = new Map<string, PaintSpan>();
    for (const [id, s] of this.spans) if (this.inWindow(s)) out.set(id, s);
    return out;
  }

  private inWindow(span: PaintSpan): boolean {
    return !this.window || (span.start < this.window.to && span.end > this.window.from);
  }

  private unpaint(id: string): void {
    const painted = this.painted.get(id);
    if (!painted) return;
    this.removeRange(painted.span, painted.range);
    this.painted.delete(id);
  }

  private addSpan(span: PaintSpan): void {
    const range = spanToRange(this.blocks, this.starts, span);
    if (!range) return;
    this.painted.set(span.id, { span, range });
    for (const { codeId } of span.codings) {
      const name = this.nameFor(codeId);
      if (name) CSS.highlights.get(name)?.add(range);
    }
  }

  private removeRange(span: PaintSpan, range: StaticRange): void {
    for (const { codeId } of span.codings) {
      const name = this.codeNames.get(codeId);
      if (name) CSS.highlights.get(name)?.delete(range);
    }
  }
}

function sameSpan(a: PaintSpan, b: PaintSpan): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.codings.length === b.codings.length &&
    a.codings.every((c, i) => c.codeId === b.codings[i]!.codeId)
  );
}
