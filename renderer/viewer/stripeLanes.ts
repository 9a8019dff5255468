/**
 * Lanes for margin coding stripes: one bar per (segment, code), bars that would touch side by
 * side. Interval partitioning (greedy by start, each bar taking the lowest free lane) uses as
 * many lanes as the deepest overlap, which is the fewest possible.
 *
 * A document has thousands of bars and only those near the viewport are drawn, so the lanes
 * are computed for the overlap clusters the drawn bars belong to: bars of different clusters
 * never share a line of text, and the greedy pass gives a cluster the same lanes whether it
 * runs over the whole document or starts at the cluster — a bar keeps its lane while the view
 * scrolls. The bars are kept sorted, so a coding costs a binary search and a splice.
 */
import type { Span } from '../domain/span';

export interface LaneItem extends Span {
  /** Unique and stable: the bar's key (segment and code). */
  key: string;
}

/**
 * Whether a bar ending at `end` leaves its lane free for a bar starting at `start`. Must hold
 * for every smaller `end` when it holds for one (the free lanes are found by increasing end).
 * Offsets alone say `end <= start`; the viewer also keeps apart bars that share a line.
 */
export type CanFollow = (end: number, start: number) => boolean;

export const byOffsets: CanFollow = (end, start) => end <= start;

/** Start ascending, then the longer first (it takes the lane nearer the text), then by key. */
export function compareItems(a: LaneItem, b: LaneItem): number {
  return a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Lane of each item (in the order given, which must be sorted by compareItems) and the number of lanes. */
export function assignLanes(sorted: readonly LaneItem[], canFollow: CanFollow = byOffsets): { lanes: number[]; count: number } {
  const lanes = new Array<number>(sorted.length);
  // Busy lanes by end (a min-heap), free lanes by index (a min-heap).
  const busy = new MinHeap<{ end: number; lane: number }>((a, b) => a.end - b.end || a.lane - b.lane);
  const free = new MinHeap<number>((a, b) => a - b);
  let count = 0;
  sorted.forEach((item, i) => {
    while (busy.size && canFollow(busy.peek()!.end, item.start)) free.push(busy.pop()!.lane);
    const lane = free.size ? free.pop()! : count++;
    lanes[i] = lane;
    busy.push({ end: item.end, lane });
  });
  return { lanes, count };
}

/** The bars of a document, sorted, with their lanes asked for a range at a time. */
export class LaneIndex<T extends LaneItem = LaneItem> {
  private items: T[] = [];
  /** maxEnd[i]: the largest end among items[0..i]; valid below `validUpTo`. */
  private maxEnd: number[] = [];
  private validUpTo = 0;

  constructor(private canFollow: CanFollow = byOffsets) {}

  get size(): number {
    return this.items.length;
  }

  /** A new rule for sharing lanes (e.g. the text was laid out at another width). */
  setCanFollow(canFollow: CanFollow): void {
    this.canFollow = canFollow;
  }

  add(item: T): void {
    const at = this.lowerBound(item);
    this.items.splice(at, 0, item);
    this.invalidateFrom(at);
  }

  remove(item: T): void {
    const at = this.lowerBound(item);
    if (this.items[at]?.key !== item.key) return;
    this.items.splice(at, 1);
    this.invalidateFrom(at);
  }

  /** Replaces every item at once (one sort, where adding them one by one would splice each). */
  reset(items: readonly T[]): void {
    this.items = [...items].sort(compareItems);
    this.invalidateFrom(0);
  }

  /**
   * The items overlapping [from, to) with their lanes (as a whole-document pass would give
   * them), and the most lanes any of their clusters needs.
   */
  lanesIn(from: number, to: number): { items: T[]; lanes: number[]; count: number } {
    const end = this.firstStartingAt(to);
    let first = this.firstStartingAt(from);
    this.ensureMaxEnd(end);
    // Items starting before `from` may reach into the range (or share its first line): the
    // pass then begins where their cluster begins.
    if (first > 0 && !this.canFollow(this.maxEnd[first - 1]!, from)) first = this.clusterStart(first - 1);
    const run = this.items.slice(first, end);
    const { lanes, count } = assignLanes(run, this.canFollow);
    const items: T[] = [];
    const kept: number[] = [];
    run.forEach((item, i) => {
      if (item.end <= from) return;
      items.push(item);
      kept.push(lanes[i]!);
    });
    return { items, lanes: kept, count };
  }

  /** Index of the first item of the cluster holding items[i]. */
  private clusterStart(i: number): number {
    let c = i;
    while (c > 0 && !this.canFollow(this.maxEnd[c - 1]!, this.items[c]!.start)) c--;
    return c;
  }

  private ensureMaxEnd(upTo: number): void {
    for (let i = this.validUpTo; i < upTo; i++) {
      this.maxEnd[i] = Math.max(i > 0 ? this.maxEnd[i - 1]! : -Infinity, this.items[i]!.end);
    }
    this.validUpTo = Math.max(this.validUpTo, upTo);
  }

  private invalidateFrom(i: number): void {
    this.validUpTo = Math.min(this.validUpTo, i);
    this.maxEnd.length = this.validUpTo;
  }

  /** Index of the first item not before `item` in sort order. */
  private lowerBound(item: LaneItem): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareItems(this.items[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first item starting at or after `offset`. */
  private firstStartingAt(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

class MinHeap<T> {
  private readonly heap: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(value: T): void {
    const h = this.heap;
    h.push(value);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(h[i]!, h[parent]!) >= 0) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!) < 0) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!) < 0) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
