/**
 * Hits: spans of documents, kept in typed arrays (a common word has hundreds of thousands),
 * in document order and, within a document, by position, never overlapping.
 */
import type { Span } from '../span';

export interface HitList {
  /** Document ids; `doc[i]` indexes this list. */
  documents: string[];
  count: number;
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export class HitListBuilder {
  private readonly documents: string[] = [];
  private doc = new Int32Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  private count = 0;

  /** Adds one document's hits (already sorted and without overlaps). */
  addDocument(documentId: string, hits: readonly Span[]): void {
    if (hits.length === 0) return;
    const slot = this.documents.length;
    this.documents.push(documentId);
    if (this.count + hits.length > this.doc.length) this.grow(this.count + hits.length);
    for (const h of hits) {
      this.doc[this.count] = slot;
      this.start[this.count] = h.start;
      this.end[this.count++] = h.end;
    }
  }

  build(): HitList {
    return { documents: this.documents, count: this.count, doc: this.doc.slice(0, this.count), start: this.start.slice(0, this.count), end: this.end.slice(0, this.count) };
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.doc.length * 2);
    for (const key of ['doc', 'start', 'end'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}

/**
 * Hits sorted by start (longer first at one start), keeping each one that begins at or after
 * the end of the last kept: counts are of non-overlapping hits, as a find-next would step.
 */
export function withoutOverlaps(hits: Span[]): Span[] {
  let ordered = true;
  for (let i = 1; i < hits.length && ordered; i++) ordered = hits[i]!.start >= hits[i - 1]!.end;
  if (ordered) return hits; // the usual case (one word): in text order already, none overlapping
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let reached = -1;
  for (const h of hits) {
    if (h.start < reached) continue;
    out.push(h);
    reached = h.end;
  }
  return out;
}

/** Where in a document hits count: inside the text coded with a code, or outside it. */
export type RegionMode = 'inside' | 'outside';

/**
 * `ranges`: sorted, non-overlapping [start, end, start, end, …] (see mergeRanges). Inside: the
 * hit lies within one range; outside: it touches none.
 */
export function inRegion(ranges: Int32Array, hit: Span, mode: RegionMode): boolean {
  // The last range starting at or before the hit's start.
  let lo = 0;
  let hi = ranges.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid * 2]! <= hit.start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo - 1;
  if (mode === 'inside') return before >= 0 && ranges[before * 2 + 1]! >= hit.end;
  const overlapsBefore = before >= 0 && ranges[before * 2 + 1]! > hit.start;
  const overlapsNext = lo < ranges.length >> 1 && ranges[lo * 2]! < hit.end;
  return !overlapsBefore && !overlapsNext;
}

/** The union of spans as sorted, non-overlapping [start, end, …] (touching spans join). */
export function mergeRanges(spans: readonly Span[]): Int32Array {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: number[] = [];
  for (const s of sorted) {
    const last = out.length - 1;
    if (last > 0 && s.start <= out[last]!) out[last] = Math.max(out[last]!, s.end);
    else out.push(s.start, s.end);
  }
  return Int32Array.from(out);
}
