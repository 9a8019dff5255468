/**
 * Which segments cover an offset, for one document: what a hover or a click asks. A centred
 * interval tree answers in O(log n + k) (plus k log k to return the k hits in painting order);
 * building it is O(n log n).
 * Spans are half-open [start, end); empty spans cover nothing and are ignored.
 */
import type { Span } from './span';

export interface IndexedSpan extends Span {
  id: string;
}

interface TreeNode<T extends IndexedSpan> {
  center: number;
  /** Spans containing `center`, by start ascending … */
  byStart: T[];
  /** … and the same spans by end descending. */
  byEndDesc: T[];
  left: TreeNode<T> | null;
  right: TreeNode<T> | null;
}

/** Outer spans first (earlier start, then longer), then by id: a stable order for painting. */
export function compareSpans(a: IndexedSpan, b: IndexedSpan): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `sorted` is ordered by start; the median start as centre keeps both halves ≤ n/2. */
function buildTree<T extends IndexedSpan>(sorted: readonly T[]): TreeNode<T> | null {
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

export class SegmentIndex<T extends IndexedSpan> {
  private readonly root: TreeNode<T> | null;

  constructor(spans: readonly T[]) {
    this.root = buildTree(spans.filter((s) => s.start < s.end).sort(compareSpans));
  }

  /** Spans with start ≤ offset < end, in compareSpans order. */
  segmentsAt(offset: number): T[] {
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
    return out.sort(compareSpans);
  }
}
