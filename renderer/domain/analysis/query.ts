/**
 * Coding queries: which segments a combination of codes finds. A query is a tree; each node
 * marks the units of one document it matches, and the root's marks are the hits.
 *
 * - code: the segment carries the code (or, with sub-codes, any code below it).
 * - anyOf / allOf on the segment: some / every term matches the segment itself.
 * - allOf overlapping: the segment matches some term, and within it lies text that segments
 *   matching every term cover at once (for two terms: it overlaps a segment of the other).
 * - not: the segment does not match; "overlapping" also drops segments that overlap a match.
 * - near: the segment matches `of` and a segment matching `to` (itself included) lies within
 *   N characters (0: adjacent) or touches the same paragraph (line).
 * - followedBy: the segment matches `of` and a segment matching `by` starts at its end or at
 *   most N characters after it.
 */
import type { CodeIndex } from './codeIndex';
import { hasCode, lowerBound, SpanIndex, type Units } from './units';

export type Distance = { chars: number } | 'paragraph';

export type Query =
  | { op: 'coded' }
  | { op: 'code'; codeId: string; withSubcodes: boolean }
  | { op: 'anyOf'; of: Query[] }
  | { op: 'allOf'; of: Query[]; on: 'segment' | 'overlap' }
  | { op: 'not'; of: Query; on: 'segment' | 'overlap' }
  | { op: 'near'; of: Query; to: Query; within: Distance }
  | { op: 'followedBy'; of: Query; by: Query; within: number };

/** Overlapping, as a distance: a unit touches another's window only where they share a character. */
export const OVERLAP: Distance = { chars: -1 };

export interface QueryDocument {
  units: Units;
  codes: CodeIndex;
  /** Line starts of the text (for 'paragraph'), and its length. */
  lines: { starts: Int32Array; length: number } | null;
}

/** Whether answering needs the document's text profile. */
export function needsLines(q: Query): boolean {
  switch (q.op) {
    case 'coded':
    case 'code':
      return false;
    case 'anyOf':
    case 'allOf':
      return q.of.some(needsLines);
    case 'not':
      return needsLines(q.of);
    case 'near':
      return q.within === 'paragraph' || needsLines(q.of) || needsLines(q.to);
    case 'followedBy':
      return needsLines(q.of) || needsLines(q.by);
  }
}

/** 1 for each unit of the document the query matches. */
export function evaluate(q: Query, doc: QueryDocument): Uint8Array {
  const { units } = doc;
  const n = units.count;
  switch (q.op) {
    case 'coded':
      return new Uint8Array(n).fill(1);
    case 'code': {
      const k = doc.codes.indexOf(q.codeId);
      const out = new Uint8Array(n);
      if (k < 0) return out;
      const mask = units.masks[q.withSubcodes ? 1 : 0];
      for (let i = 0; i < n; i++) out[i] = hasCode(mask, i, units.words, k) ? 1 : 0;
      return out;
    }
    case 'anyOf':
      return combine(q.of.map((t) => evaluate(t, doc)), n, (a, b) => a | b, 0);
    case 'allOf': {
      const terms = q.of.map((t) => evaluate(t, doc));
      if (q.on === 'segment' || terms.length === 0) return combine(terms, n, (a, b) => a & b, terms.length ? 1 : 0);
      return sharedRegions(units, terms);
    }
    case 'not': {
      const inner = evaluate(q.of, doc);
      const out = new Uint8Array(n);
      const index = q.on === 'overlap' ? new SpanIndex(units, inner) : null;
      for (let i = 0; i < n; i++) out[i] = !inner[i] && !index?.touches(units.starts[i]! + 1, units.ends[i]! - 1) ? 1 : 0;
      return out;
    }
    case 'near': {
      const of = evaluate(q.of, doc);
      const index = new SpanIndex(units, evaluate(q.to, doc));
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (!of[i]) continue;
        const [lo, hi] = windowOf(units.starts[i]!, units.ends[i]!, q.within, doc);
        out[i] = index.touches(lo, hi) ? 1 : 0;
      }
      return out;
    }
    case 'followedBy': {
      const of = evaluate(q.of, doc);
      const index = new SpanIndex(units, evaluate(q.by, doc));
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = of[i] && index.startsWithin(units.ends[i]!, units.ends[i]! + Math.max(0, q.within)) ? 1 : 0;
      return out;
    }
  }
}

function combine(terms: Uint8Array[], n: number, op: (a: number, b: number) => number, empty: 0 | 1): Uint8Array {
  if (terms.length === 0) return new Uint8Array(n).fill(empty);
  const out = Uint8Array.from(terms[0]!);
  for (let t = 1; t < terms.length; t++) for (let i = 0; i < n; i++) out[i] = op(out[i]!, terms[t]![i]!);
  return out;
}

/** windowOf's answer, reused: read it before the next call (one is made per unit of 100,000). */
const WINDOW: [number, number] = [0, 0];

/**
 * The window [lo, hi] a neighbour of the unit [start, end) must touch (start ≤ hi and end ≥ lo):
 * the unit widened by N characters, or the lines it lies on (sharing a character with them or
 * the newline that ends the last: a unit starting on that newline lies on the line, so "on the
 * same paragraph" holds both ways).
 */
export function windowOf(start: number, end: number, within: Distance, doc: Pick<QueryDocument, 'lines'>): readonly [number, number] {
  if (within !== 'paragraph') {
    WINDOW[0] = start - within.chars;
    WINDOW[1] = end + within.chars;
    return WINDOW;
  }
  const lines = doc.lines;
  if (!lines) throw new Error('paragraphs need the text of the document');
  const first = lowerBound(lines.starts, start + 1) - 1;
  const last = lowerBound(lines.starts, end) - 1; // the line holding the unit's last character
  const lineStart = lines.starts[Math.max(0, first)]!;
  const next = last + 1 < lines.starts.length ? lines.starts[last + 1]! - 1 : lines.length;
  WINDOW[0] = lineStart + 1;
  WINDOW[1] = next;
  return WINDOW;
}

/** Units matching some term that lie on text every term's units cover at once. */
function sharedRegions(units: Units, terms: Uint8Array[]): Uint8Array {
  let regions = coverOf(units, terms[0]!);
  for (let t = 1; t < terms.length && regions.length; t++) regions = intersect(regions, coverOf(units, terms[t]!));
  const starts = Int32Array.from(regions, (r) => r[0]);
  const out = new Uint8Array(units.count);
  for (let i = 0; i < units.count; i++) {
    if (!terms.some((t) => t[i])) continue;
    // The last region starting before the unit's end must end after its start.
    const j = lowerBound(starts, units.ends[i]!) - 1;
    out[i] = j >= 0 && regions[j]![1] > units.starts[i]! ? 1 : 0;
  }
  return out;
}

/** The text the marked units cover, as sorted disjoint [start, end) runs. */
function coverOf(units: Units, marks: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < units.count; i++) {
    if (!marks[i]) continue;
    const last = runs[runs.length - 1];
    if (last && units.starts[i]! <= last[1]) last[1] = Math.max(last[1], units.ends[i]!);
    else runs.push([units.starts[i]!, units.ends[i]!]);
  }
  return runs;
}

function intersect(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (start < end) out.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

