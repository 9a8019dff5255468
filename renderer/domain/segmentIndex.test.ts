import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/synth/prng';
import { compareSpans, SegmentIndex, type IndexedSpan } from './segmentIndex';

/** The synthetic data's seeded PRNG, so failures reproduce. */
const rng = mulberry32;

function randomSpans(seed: number, count: number, textLength: number): IndexedSpan[] {
  const random = rng(seed);
  const spans: IndexedSpan[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly short spans, some very long ones, some sharing starts/ends, a few empty.
    const start = random() < 0.1 && spans.length ? spans[Math.floor(random() * spans.length)]!.start : Math.floor(random() * textLength);
    const length = random() < 0.1 ? Math.floor(random() * textLength) : Math.floor(random() * 40);
    spans.push({ id: `s${i}`, start, end: Math.min(textLength, start + length) });
  }
  return spans;
}

const ids = (spans: readonly IndexedSpan[]) => spans.map((s) => s.id);
const coveringAt = (spans: readonly IndexedSpan[], p: number) => spans.filter((s) => s.start <= p && p < s.end).sort(compareSpans);

describe('SegmentIndex', () => {
  it('answers point queries like a brute-force scan (seeded random data, up to 10,000 spans over 2 MB)', () => {
    // Speed is measured by `npm run bench`, never asserted here; this checks the result at scale.
    for (const [seed, count, textLength] of [[1, 1500, 5000], [2, 1500, 5000], [42, 10_000, 2_000_000]] as const) {
      const spans = randomSpans(seed, count, textLength);
      const index = new SegmentIndex(spans);
      const random = rng(seed + 100);
      for (let q = 0; q < 400; q++) {
        const p = Math.floor(random() * (textLength + 2)) - 1;
        expect(ids(index.segmentsAt(p)), `at ${p}`).toEqual(ids(coveringAt(spans, p)));
      }
    }
  });

  it('treats spans as half-open and ignores empty ones', () => {
    const index = new SegmentIndex([
      { id: 'a', start: 0, end: 5 },
      { id: 'b', start: 5, end: 10 },
      { id: 'empty', start: 3, end: 3 },
    ]);
    expect(ids(index.segmentsAt(3))).toEqual(['a']);
    expect(ids(index.segmentsAt(5))).toEqual(['b']);
    expect(ids(index.segmentsAt(10))).toEqual([]);
    expect(ids(new SegmentIndex([]).segmentsAt(0))).toEqual([]);
  });

  it('orders results outer-first and keeps the caller’s objects', () => {
    const outer = { id: 'outer', start: 0, end: 100, extra: 1 };
    const inner = { id: 'inner', start: 0, end: 10, extra: 2 };
    const index = new SegmentIndex([inner, outer]);
    expect(index.segmentsAt(5)).toEqual([outer, inner]);
    expect(index.segmentsAt(5)[0]).toBe(outer);
  });
});
