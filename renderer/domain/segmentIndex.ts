/**
 * Which segments cover which offsets, for one document. Built once per (re-anchored) document
 * and queried on every render/hover: a centred interval tree answers "what covers this point"
 * in O(log n + k), and a start-sorted array adds "what starts inside this range", which
 * together answer overlap queries in O(log n + k) (plus k log k to return the k hits in painting
 * order). Building is O(n log n).
 * Spans are half-open [start, end); empty spans cover nothing and are ignored.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

interface TreeNode<T extends Span> {
  center: number;
  /** Spans containing `center`, by start ascending … */
  byStart: T[];
  /** … and the same spans by end descending. */
  byEndDesc: T[];
  left: TreeNode<T> | null;
  right: TreeNode<T> | null;
}

/** Outer spans first (earlier start, then longer), then by id: a stable order for painting. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `sorted` is ordered by start; the median start as centre keeps both halves ≤ n/2. */
function buildTree<T extends Span>(sorted: readonly T[]): TreeNode<T> | null {
  if (!sorted.length) return null;
  const center = sorted[sorted.length >> 1]!.start;
  const left: T[] = [];
  const right: T[] = [];
  const here: T[] = [];
  for (const span of sorted) {
    if (span.end <= center) left.push(span);
    else if (span.start > center) right.push(span);
    else here.push(span);
  }
  return {
    center,
    byStart: here,
    byEndDesc: [...here].sort((a, b) => b.end - a.end),
    left: buildTree(left),
    right: buildTree(right),
  };
}

/** First index in `sorted` (by start) whose start is ≥ offset. */
function lowerBound(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SegmentIndex<T extends Span = Span> {
  private readonly sorted: T[];
  private readonly root: TreeNode<T> | null;

  constructor(spans: readonly T[]) {
    this.sorted = spans.filter((s) => s.start < s.end).sort(compareSpans);
    this.root = buildTree(this.sorted);
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Spans with start ≤ offset < end, in compareSpans order. */
  segmentsAt(offset: number): T[] {
    return this.stab(offset).sort(compareSpans);
  }

  /** Spans sharing at least one offset with [start, end), in compareSpans order. */
  segmentsOverlapping(start: number, end: number): T[] {
    if (start >= end) return [];
    // Those starting before `start` overlap iff they cover `start`; the rest iff they start before `end`.
    const out = this.stab(start).filter((s) => s.start < start);
    for (let i = lowerBound(this.sorted, start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      out.push(this.sorted[i]!);
    }
    return out.sort(compareSpans);
  }

  /** Coverage pieces of [from, to), for painting one visible block (see `boundaries`). */
  boundaries(from: number, to: number): CoveragePiece[] {
    return boundaries(this.segmentsOverlapping(from, to), from, to);
  }

  private stab(offset: number): T[] {
    const out: T[] = [];
    let node = this.root;
    while (node) {
      if (offset < node.center) {
        // Every span here ends after the centre, so it covers offset iff it starts by then.
        for (const s of node.byStart) {
          if (s.start > offset) break;
          out.push(s);
        }
        node = node.left;
      } else {
        // Every span here starts at or before the centre, so it covers offset iff it ends after it.
        for (const s of node.byEndDesc) {
          if (s.end <= offset) break;
          out.push(s);
        }
        node = offset === node.center ? null : node.right;
      }
    }
    return out;
  }
}

export interface CoveragePiece {
  start: number;
  end: number;
  /** Ids of the spans covering the whole piece, in compareSpans order (empty = uncoded). */
  ids: string[];
}

/**
 * Cuts [from, to) at every point where the set of covering spans changes. The pieces are
 * contiguous and cover [from, to) exactly, so a renderer can paint blended or stacked
 * highlights piece by piece.
 */
export function boundaries(spans: readonly Span[], from: number, to: number): CoveragePiece[] {
  if (from >= to) return [];
  const relevant = spans.filter((s) => s.start < to && s.end > from && s.start < s.end).sort(compareSpans);
  const rank = new Map(relevant.map((s, i) => [s, i]));
  // Events: +span at max(start, from), −span at min(end, to).
  const events: Array<{ at: number; span: Span; enter: boolean }> = [];
  for (const span of relevant) {
    events.push({ at: Math.max(span.start, from), span, enter: true });
    events.push({ at: Math.min(span.end, to), span, enter: false });
  }
  events.sort((a, b) => a.at - b.at);

  const active = new Set<Span>();
  const pieces: CoveragePiece[] = [];
  let cursor = from;
  const emit = (until: number) => {
    if (until <= cursor) return;
    const ids = [...active].sort((a, b) => rank.get(a)! - rank.get(b)!).map((s) => s.id);
    const last = pieces[pieces.length - 1];
    if (last && last.end === cursor && sameIds(last.ids, ids)) last.end = until;
    else pieces.push({ start: cursor, end: until, ids });
    cursor = until;
  };
  for (let i = 0; i < events.length; ) {
    const at = events[i]!.at;
    emit(at);
    for (; i < events.length && events[i]!.at === at; i++) {
      const event = events[i]!;
      if (event.enter) active.add(event.span);
      else active.delete(event.span);
    }
  }
  emit(to);
  return pieces;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
