import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/synth/prng';
import { boundaries, compareSpans, SegmentIndex, type Span } from './segmentIndex';

/** The synthetic data's seeded PRNG, so failures reproduce. */
const rng = mulberry32;

function randomSpans(seed: number, count: number, textLength: number): Span[] {
  const random = rng(seed);
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly short spans, some very long ones, some sharing starts/ends, a few empty.
    const start = random() < 0.1 && spans.length ? spans[Math.floor(random() * spans.length)]!.start : Math.floor(random() * textLength);
    const length = random() < 0.1 ? Math.floor(random() * textLength) : Math.floor(random() * 40);
    spans.push({ id: `s${i}`, start, end: Math.min(textLength, start + length) });
  }
  return spans;
}

const ids = (spans: readonly Span[]) => spans.map((s) => s.id);
const coveringAt = (spans: readonly Span[], p: number) => spans.filter((s) => s.start <= p && p < s.end).sort(compareSpans);

describe('SegmentIndex', () => {
  it('answers point and range queries like a brute-force scan (seeded random data)', () => {
    for (const seed of [1, 2, 3]) {
      const textLength = 5000;
      const spans = randomSpans(seed, 1500, textLength);
      const index = new SegmentIndex(spans);
      expect(index.size).toBe(spans.filter((s) => s.start < s.end).length);
      const random = rng(seed + 100);
      for (let q = 0; q < 400; q++) {
        const p = Math.floor(random() * (textLength + 2)) - 1;
        expect(ids(index.segmentsAt(p)), `at ${p}`).toEqual(ids(coveringAt(spans, p)));
        const a = Math.floor(random() * textLength);
        const b = a + 1 + Math.floor(random() * (random() < 0.5 ? 30 : 2000));
        const brute = spans.filter((s) => s.start < s.end && s.start < b && s.end > a).sort(compareSpans);
        expect(ids(index.segmentsOverlapping(a, b)), `overlapping ${a}-${b}`).toEqual(ids(brute));
      }
    }
  });

  it('treats spans as half-open and ignores empty ones', () => {
    const index = new SegmentIndex([
      { id: 'a', start: 0, end: 5 },
      { id: 'b', start: 5, end: 10 },
      { id: 'empty', start: 3, end: 3 },
    ]);
    expect(ids(index.segmentsAt(4))).toEqual(['a']);
    expect(ids(index.segmentsAt(5))).toEqual(['b']);
    expect(ids(index.segmentsAt(10))).toEqual([]);
    expect(ids(index.segmentsOverlapping(5, 5))).toEqual([]);
    expect(ids(index.segmentsOverlapping(4, 6))).toEqual(['a', 'b']);
    expect(ids(new SegmentIndex([]).segmentsOverlapping(0, 100))).toEqual([]);
  });

  it('orders results outer-first and keeps the caller’s objects', () => {
    const outer = { id: 'outer', start: 0, end: 100, extra: 1 };
    const inner = { id: 'inner', start: 0, end: 10, extra: 2 };
    const index = new SegmentIndex([inner, outer]);
    expect(index.segmentsAt(5)).toEqual([outer, inner]);
    expect(index.segmentsAt(5)[0]).toBe(outer);
  });

  it('answers for 10,000 overlapping segments over a 2 MB text like a linear scan', () => {
    // Speed is measured by `npm run bench`, never asserted here; this checks the result at scale.
    const spans = randomSpans(42, 10_000, 2_000_000);
    const index = new SegmentIndex(spans);
    const random = rng(7);
    for (let q = 0; q < 200; q++) {
      const a = Math.floor(random() * 2_000_000);
      const expected = spans.filter((s) => s.start < a + 500 && s.end > a && s.start < s.end).length;
      expect(index.segmentsOverlapping(a, a + 500)).toHaveLength(expected);
    }
  });
});

describe('boundaries', () => {
  /** Pieces must tile [from, to), change coverage at every cut, and match a per-offset oracle. */
  function checkAgainstOracle(spans: readonly Span[], from: number, to: number) {
    const pieces = boundaries(spans, from, to);
    let cursor = from;
    for (const [i, piece] of pieces.entries()) {
      expect(piece.start).toBe(cursor);
      expect(piece.end).toBeGreaterThan(piece.start);
      if (i > 0) expect(piece.ids).not.toEqual(pieces[i - 1]!.ids);
      for (let p = piece.start; p < piece.end; p++) expect(piece.ids).toEqual(ids(coveringAt(spans, p)));
      cursor = piece.end;
    }
    expect(cursor).toBe(to);
  }

  it('cuts a block where coverage changes, with ids per piece', () => {
    const spans = [
      { id: 'a', start: 2, end: 8 },
      { id: 'b', start: 5, end: 12 },
      { id: 'c', start: 5, end: 8 },
    ];
    expect(boundaries(spans, 0, 10)).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b', 'c'] },
      { start: 8, end: 10, ids: ['b'] },
    ]);
    expect(boundaries(spans, 4, 4)).toEqual([]);
  });

  it('matches a brute-force oracle on seeded random data, via the index too', () => {
    for (const seed of [11, 12, 13, 14]) {
      const spans = randomSpans(seed, 300, 1500);
      const random = rng(seed);
      const index = new SegmentIndex(spans);
      for (let q = 0; q < 20; q++) {
        const from = Math.floor(random() * 1500);
        const to = from + 1 + Math.floor(random() * 200);
        checkAgainstOracle(spans, from, to);
        expect(index.boundaries(from, to)).toEqual(boundaries(spans, from, to));
      }
    }
  });
});
