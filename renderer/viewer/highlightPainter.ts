/**
 * Paints coded spans with the CSS Custom Highlight API: one Highlight per code holding a
 * StaticRange per segment. Nothing is added to the document's DOM, so 10,000 overlapping
 * segments cost no layout, and a change repaints only the segments that changed.
 * Overlaps stay distinguishable because each code's fill is translucent: fills blend, and
 * the more codes cover a passage the deeper it gets.
 */
import { HIGHLIGHT_ALPHA } from '../domain/palette';
import { offsetToDomPoint } from './domOffsets';

export interface PaintSpan {
  id: string;
  start: number;
  end: number;
  codeIds: readonly string[];
}

export interface PaintCode {
  id: string;
  colour: string;
}

let instances = 0;

export class HighlightPainter {
  private readonly prefix = `mg${++instances}`;
  private readonly style = document.createElement('style');
  private codeNames = new Map<string, string>();
  private painted = new Map<string, { span: PaintSpan; range: StaticRange }>();
  private activeName: string;

  constructor(
    private readonly blocks: readonly HTMLElement[],
    private readonly starts: readonly number[],
  ) {
    this.activeName = `${this.prefix}-active`;
    document.head.append(this.style);
    CSS.highlights.set(this.activeName, new Highlight());
  }

  /** Codes and their colours; repaints everything if the set of colours changed. */
  setCodes(codes: readonly PaintCode[]): void {
    const rules: string[] = [];
    const names = new Map<string, string>();
    codes.forEach((code, i) => {
      const name = `${this.prefix}-c${i}`;
      names.set(code.id, name);
      rules.push(`::highlight(${name}) { background-color: color-mix(in srgb, ${code.colour} ${Math.round(HIGHLIGHT_ALPHA * 100)}%, transparent); }`);
    });
    rules.push(
      `::highlight(${this.activeName}) { text-decoration: underline 3px currentColor; text-underline-offset: 3px; }`,
    );
    this.style.textContent = rules.join('\n');
    for (const name of this.codeNames.values()) CSS.highlights.delete(name);
    this.codeNames = names;
    for (const name of names.values()) CSS.highlights.set(name, new Highlight());
    const spans = [...this.painted.values()].map((p) => p.span);
    this.painted.clear();
    this.addSpans(spans);
  }

  /** Brings the painted spans in line with `spans`, touching only what changed. */
  setSpans(spans: readonly PaintSpan[]): void {
    const next = new Map(spans.map((s) => [s.id, s]));
    for (const [id, { span, range }] of this.painted) {
      const incoming = next.get(id);
      if (incoming && sameSpan(incoming, span)) {
        next.delete(id);
        continue;
      }
      this.removeRange(span, range);
      this.painted.delete(id);
    }
    this.addSpans([...next.values()]);
  }

  /** Underlines the given segments (the ones open in the Segment panel). */
  setActive(ids: readonly string[]): void {
    const active = new Highlight();
    for (const id of ids) {
      const p = this.painted.get(id);
      if (p) active.add(p.range);
    }
    CSS.highlights.set(this.activeName, active);
  }

  rangeFor(span: { start: number; end: number }): StaticRange | null {
    const a = offsetToDomPoint(this.blocks, this.starts, span.start);
    const b = offsetToDomPoint(this.blocks, this.starts, span.end);
    if (!a || !b) return null;
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
  }

  dispose(): void {
    for (const name of this.codeNames.values()) CSS.highlights.delete(name);
    CSS.highlights.delete(this.activeName);
    this.style.remove();
    this.painted.clear();
  }

  private addSpans(spans: readonly PaintSpan[]): void {
    for (const span of spans) {
      const range = this.rangeFor(span);
      if (!range) continue;
      this.painted.set(span.id, { span, range });
      for (const codeId of span.codeIds) {
        const name = this.codeNames.get(codeId);
        if (name) CSS.highlights.get(name)?.add(range);
      }
    }
  }

  private removeRange(span: PaintSpan, range: StaticRange): void {
    for (const codeId of span.codeIds) {
      const name = this.codeNames.get(codeId);
      if (name) CSS.highlights.get(name)?.delete(range);
    }
  }
}

function sameSpan(a: PaintSpan, b: PaintSpan): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.codeIds.length === b.codeIds.length &&
    a.codeIds.every((id, i) => id === b.codeIds[i])
  );
}
