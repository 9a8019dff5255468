/**
 * A document's segments resolved against the codebook and a coder restriction: the units every
 * count, sweep and query of one document works on. They are parallel typed arrays sorted by
 * position (start, then longest first) — the codes a unit carries as bit sets, its codings as
 * runs of interned code and coder numbers — so counting 100,000 segments allocates a few
 * arrays per document, not objects per segment.
 */
import type { CodeIndex } from './codeIndex';
import type { AnalysisSegment } from './input';

/** 0: a code's own codings; 1: with its sub-codes (rolled up). */
export type Level = 0 | 1;
export const LEVELS: readonly Level[] = [0, 1];

export interface Units {
  readonly count: number;
  /** Words of a code bit set (one bit per code of the codebook). */
  readonly words: number;
  /** The segment behind each unit. */
  readonly segments: readonly AnalysisSegment[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * Per level, unit i's codes at words [i × words, (i + 1) × words): level 0 the distinct codes
   * of its codings, level 1 those and every ancestor of each.
   */
  readonly masks: readonly [Uint32Array, Uint32Array];
  /** Unit i's codings that count are [codingFrom[i], codingFrom[i + 1]) of codingCode/codingCoder. */
  readonly codingFrom: Int32Array;
  readonly codingCode: Int32Array;
  /** Coder numbers of the engine's Interner. */
  readonly codingCoder: Int32Array;
}

/** Numbers for names (coders), the same for as long as the engine lives. */
export class Interner {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.numbers.set(name, n);
    }
    return n;
  }
}

const byPosition = (a: AnalysisSegment, b: AnalysisSegment) => a.start - b.start || b.end - a.end;

function positionOrder(segments: readonly AnalysisSegment[]): readonly AnalysisSegment[] {
  for (let i = 1; i < segments.length; i++) if (byPosition(segments[i - 1]!, segments[i]!) > 0) return [...segments].sort(byPosition);
  return segments;
}

/** Work arrays for resolving, grown as needed and reused document after document (one thread). */
let scratch = { units: 0, codings: 0, words: 0, ints: new Int32Array(0), masks: new Uint32Array(0), codingCode: new Int32Array(0), codingCoder: new Int32Array(0) };

function scratchFor(units: number, codings: number, words: number) {
  if (scratch.units < units || scratch.codings < codings || scratch.words !== words) {
    units = Math.max(units, scratch.units);
    codings = Math.max(codings, scratch.codings);
    scratch = { units, codings, words, ints: new Int32Array(3 * units + 1), masks: new Uint32Array(2 * units * words), codingCode: new Int32Array(codings), codingCoder: new Int32Array(codings) };
  }
  return scratch;
}

/**
 * Units of one document, by start (then longest first). Codings of codes the codebook does not
 * hold, and of coders outside `coders`, do not count; a segment left with none is no unit.
 * Resolved in work arrays, then packed into one buffer: a document costs one allocation.
 */
export function resolveUnits(segments: readonly AnalysisSegment[], codes: CodeIndex, coders: Interner, allowed?: ReadonlySet<string>): Units {
  const ordered = positionOrder(segments);
  const words = codes.words;
  const lineages = codes.lineageMasks;
  const total = ordered.length;
  let codingTotal = 0;
  for (const s of ordered) codingTotal += s.codings.length;
  // ints: starts, ends and codingFrom, `total` apart; masks: own and rolled, `total × words` apart.
  const { ints, masks, codingCode, codingCoder } = scratchFor(total, codingTotal, words);
  const kept: AnalysisSegment[] = [];
  let n = 0;
  let m = 0;
  for (const segment of ordered) {
    const first = m;
    for (let w = 0; w < words; w++) masks[n * words + w] = masks[(total + n) * words + w] = 0;
    for (const c of segment.codings) {
      if (allowed && !allowed.has(c.coder)) continue;
      const code = codes.indexOf(c.codeId);
      if (code < 0) continue;
      codingCode[m] = code;
      codingCoder[m++] = coders.numberOf(c.coder);
      masks[n * words + (code >>> 5)]! |= 1 << (code & 31);
      for (let w = 0; w < words; w++) masks[(total + n) * words + w]! |= lineages[code * words + w]!;
    }
    if (m === first) continue;
    kept.push(segment);
    ints[n] = segment.start;
    ints[total + n] = segment.end;
    ints[2 * total + ++n] = m;
  }
  ints[2 * total] = 0;
  const buffer = new ArrayBuffer(4 * (3 * n + 1 + 2 * n * words + 2 * m));
  let at = 0;
  function take(from: Int32Array, offset: number, length: number): Int32Array;
  function take(from: Uint32Array, offset: number, length: number): Uint32Array;
  function take(from: Int32Array | Uint32Array, offset: number, length: number): Int32Array | Uint32Array {
    const out = from instanceof Int32Array ? new Int32Array(buffer, at, length) : new Uint32Array(buffer, at, length);
    out.set(from.subarray(offset, offset + length));
    at += 4 * length;
    return out;
  }
  return {
    count: n,
    words,
    segments: kept,
    starts: take(ints, 0, n),
    ends: take(ints, total, n),
    codingFrom: take(ints, 2 * total, n + 1),
    masks: [take(masks, 0, n * words), take(masks, total * words, n * words)],
    codingCode: take(codingCode, 0, m),
    codingCoder: take(codingCoder, 0, m),
  };
}

/** Whether the unit at `unit` carries `code` in a level's bit set. */
export const hasCode = (mask: Uint32Array, unit: number, words: number, code: number): boolean =>
  (mask[unit * words + (code >>> 5)]! & (1 << (code & 31))) !== 0;

/** Index of the first value ≥ x in an ascending array (looking from `from` on). */
export function lowerBound(values: ArrayLike<number>, x: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value > x in an ascending array (how many are ≤ x), looking from `from` on. */
export function upperBound(values: ArrayLike<number>, x: number, from = 0): number {
  return lowerBound(values, x + 1, from);
}

/**
 * The marked units (already sorted by start), asked where they lie: is there one touching a
 * window, or one starting in a range? Each answer is a binary search.
 */
export class SpanIndex {
  private readonly starts: Int32Array;
  /** Largest end among the first i + 1 marked units. */
  private readonly maxEnd: Int32Array;

  constructor(units: Units, marks: Uint8Array) {
    let n = 0;
    for (let i = 0; i < units.count; i++) n += marks[i]!;
    this.starts = new Int32Array(n);
    this.maxEnd = new Int32Array(n);
    let max = -1;
    for (let i = 0, j = 0; i < units.count; i++) {
      if (!marks[i]) continue;
      this.starts[j] = units.starts[i]!;
      this.maxEnd[j++] = max = Math.max(max, units.ends[i]!);
    }
  }

  /** A unit with start ≤ hi and end ≥ lo. */
  touches(lo: number, hi: number): boolean {
    const n = upperBound(this.starts, hi);
    return n > 0 && this.maxEnd[n - 1]! >= lo;
  }

  /** A unit whose start lies in [from, to]. */
  startsWithin(from: number, to: number): boolean {
    const i = lowerBound(this.starts, from);
    return i < this.starts.length && this.starts[i]! <= to;
  }
}
