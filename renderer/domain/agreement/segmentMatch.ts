/**
 * Segment-level agreement as MAXQDA defines it: a coded segment of one coder counts as matched
 * when the other coder put the same code on a segment that overlaps it by at least a chosen
 * share (default 90%); the share is the characters both segments cover over the characters
 * either covers (their intersection over their union). Every segment of both coders is checked,
 * so a pair of matching segments counts twice (once for each coder), as in MAXQDA's table.
 * Chance is corrected as Brennan & Prediger (1981): with k codes in the analysis, a coder
 * picking a code at random agrees with probability 1/k.
 */
import type { Span } from '../span';

export const DEFAULT_OVERLAP = 0.9;

/** Characters both cover over characters either covers; 0 when they do not overlap. */
export function overlapShare(s: Span, t: Span): number {
  const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(s.end, t.end) - Math.min(s.start, t.start));
}

const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
/** Shares are ratios of integers: a share equal to the threshold must not fail on rounding. */
const EPSILON = 1e-9;

/** How many of `spans` have a partner in `others` overlapping it by at least `threshold`. */
function countMatched(spans: readonly Span[], others: readonly Span[], threshold: number): number {
  if (spans.length === 0 || others.length === 0) return 0;
  const sorted = [...others].sort(byStart);
  let longest = 0;
  for (const t of sorted) longest = Math.max(longest, t.end - t.start);
  let matched = 0;
  for (const s of spans) {
    // Partners start after s.start − longest (else they end before s starts) and before s.end.
    let lo = 0;
    let hi = sorted.length;
    const from = s.start - longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < sorted.length && sorted[j]!.start < s.end; j++) {
      if (overlapShare(s, sorted[j]!) >= threshold - EPSILON) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

export interface SegmentCounts {
  segmentsA: number;
  segmentsB: number;
  matchedA: number;
  matchedB: number;
}

export const emptySegmentCounts = (): SegmentCounts => ({ segmentsA: 0, segmentsB: 0, matchedA: 0, matchedB: 0 });

export function segmentCounts(a: readonly Span[], b: readonly Span[], threshold: number): SegmentCounts {
  return {
    segmentsA: a.length,
    segmentsB: b.length,
    matchedA: countMatched(a, b, threshold),
    matchedB: countMatched(b, a, threshold),
  };
}

export function addSegmentCounts(sum: SegmentCounts, c: SegmentCounts): void {
  sum.segmentsA += c.segmentsA;
  sum.segmentsB += c.segmentsB;
  sum.matchedA += c.matchedA;
  sum.matchedB += c.matchedB;
}

/** Matched segments over all segments of both coders, in %; null without segments. */
export function segmentPercent(c: SegmentCounts): number | null {
  const total = c.segmentsA + c.segmentsB;
  return total === 0 ? null : ((c.matchedA + c.matchedB) / total) * 100;
}

/**
 * Brennan & Prediger's kappa: (po − 1/k) / (1 − 1/k), po the share of matched segments and k
 * the number of codes in the analysis; null without segments or with fewer than two codes.
 */
export function brennanPrediger(c: SegmentCounts, codeCount: number): number | null {
  const percent = segmentPercent(c);
  if (percent === null || codeCount < 2) return null;
  const chance = 1 / codeCount;
  return (percent / 100 - chance) / (1 - chance);
}
