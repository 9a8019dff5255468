/**
 * A document's segments resolved against the codebook and a coder restriction: each a unit
 * with its offsets, the codes it carries (own) and those codes with all their ancestors
 * (rolled up), sorted by start. Every count and query of one document works on these.
 */
import type { CodeIndex } from './codeIndex';
import type { AnalysisSegment } from './input';

export interface Unit {
  segment: AnalysisSegment;
  start: number;
  end: number;
  /** Distinct code indices of the codings that count. */
  own: readonly number[];
  /** `own` and every ancestor of each, distinct. */
  rolled: readonly number[];
  /** The codings that count: code index and coder, side by side. */
  codingCodes: readonly number[];
  codingCoders: readonly string[];
}

/** 0: a code's own codings; 1: with its sub-codes (rolled up). */
export type Level = 0 | 1;
export const LEVELS: readonly Level[] = [0, 1];

export const codesAt = (unit: Unit, level: Level): readonly number[] => (level === 0 ? unit.own : unit.rolled);

/**
 * Units of one document, by start (then longest first). Codings of codes the codebook does not
 * hold, and of coders outside `coders`, do not count; a segment left with none is no unit.
 */
export function resolveUnits(segments: readonly AnalysisSegment[], codes: CodeIndex, coders?: ReadonlySet<string>): Unit[] {
  const units: Unit[] = [];
  for (const segment of segments) {
    const codingCodes: number[] = [];
    const codingCoders: string[] = [];
    const own: number[] = [];
    for (const c of segment.codings) {
      if (coders && !coders.has(c.coder)) continue;
      const code = codes.indexOf(c.codeId);
      if (code < 0) continue;
      codingCodes.push(code);
      codingCoders.push(c.coder);
      if (!own.includes(code)) own.push(code);
    }
    if (codingCodes.length === 0) continue;
    // One code (the usual case): its lineage is the rolled-up list as it is.
    let rolled: readonly number[] = codes.lineage[own[0]!]!;
    if (own.length > 1) {
      const all: number[] = [];
      for (const code of own) for (const k of codes.lineage[code]!) if (!all.includes(k)) all.push(k);
      rolled = all;
    }
    units.push({ segment, start: segment.start, end: segment.end, own, rolled, codingCodes, codingCoders });
  }
  return units.sort(byPosition);
}

const byPosition = (a: Unit, b: Unit) => a.start - b.start || b.end - a.end;

/** Index of the first value ≥ x in an ascending array. */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value > x in an ascending array (how many are ≤ x). */
export function upperBound(values: ArrayLike<number>, x: number): number {
  return lowerBound(values, x + 1);
}

/**
 * Some units (already sorted by start), asked where they lie: is there one touching a window,
 * or one starting in a range? Each answer is a binary search.
 */
export class SpanIndex {
  private readonly starts: Int32Array;
  /** Largest end among the first i + 1 units. */
  private readonly maxEnd: Int32Array;

  constructor(units: readonly Unit[]) {
    this.starts = Int32Array.from(units, (u) => u.start);
    this.maxEnd = new Int32Array(units.length);
    let max = -1;
    units.forEach((u, i) => (this.maxEnd[i] = max = Math.max(max, u.end)));
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
