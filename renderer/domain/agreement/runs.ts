/**
 * The characters a coder covered with one code in one document, as runs: a flat, sorted list
 * of disjoint half-open ranges [s0, e0, s1, e1, …] with gaps between them. Overlapping or
 * touching codings of one coder become one run, so a character counts once however many of
 * that coder's segments cover it. Flat number arrays keep 100,000 codings cheap to sweep.
 */
import type { Span } from '../span';

export type Runs = readonly number[];

export const NO_RUNS: Runs = Object.freeze([]);

/** The union of spans (any order, overlapping or not); empty spans cover nothing. */
export function runsOf(spans: readonly Span[]): Runs {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: number[] = [];
  for (const s of sorted) {
    const last = out.length - 1;
    if (last > 0 && s.start <= out[last]!) out[last] = Math.max(out[last]!, s.end);
    else out.push(s.start, s.end);
  }
  return out;
}

export function runsLength(runs: Runs): number {
  let n = 0;
  for (let i = 0; i < runs.length; i += 2) n += runs[i + 1]! - runs[i]!;
  return n;
}

/** Characters covered by both. */
export function intersectionLength(a: Runs, b: Runs): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(a[i + 1]!, b[j + 1]!);
    if (end > start) n += end - start;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return n;
}

/** Runs covered by either. */
export function unionRuns(a: Runs, b: Runs): Runs {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const spans: Span[] = [];
  for (let i = 0; i < a.length; i += 2) spans.push({ start: a[i]!, end: a[i + 1]! });
  for (let i = 0; i < b.length; i += 2) spans.push({ start: b[i]!, end: b[i + 1]! });
  return runsOf(spans);
}

/** The part of `runs` inside [start, end). */
export function clipRuns(runs: Runs, start: number, end: number): Runs {
  const out: number[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const s = Math.max(runs[i]!, start);
    const e = Math.min(runs[i + 1]!, end);
    if (e > s) out.push(s, e);
  }
  return out;
}

export function sameRuns(a: Runs, b: Runs): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function spansOfRuns(runs: Runs): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < runs.length; i += 2) out.push({ start: runs[i]!, end: runs[i + 1]! });
  return out;
}
