/** Published and hand-worked figures, and the edge cases the agreement table must get right. */
import { describe, expect, it } from 'vitest';
import type { Segment } from '../model';
import { agreementInput } from './agreementInput';
import { computeAgreement } from './computeAgreement';
import { documentRows, stretchesOf } from './resultColumns';
import { cohensKappa, percentAgreement } from './kappa';
import { coincidencesOf } from './krippendorff';
import { runsLength, runsOf } from './runs';
import { brennanPrediger, overlapShare, segmentCounts } from './segmentMatch';

const NOW = '2026-01-01T00:00:00.000Z';
let ids = 0;
/** A segment with one coding per [code, coder]. */
function seg(documentId: string, start: number, end: number, ...codings: [string, string][]): Segment {
  return {
    id: `s${++ids}`,
    documentId,
    documentHash: 'h',
    start,
    end,
    quote: 'x'.repeat(end - start),
    prefix: '',
    suffix: '',
    codings: codings.map(([codeId, coder]) => ({ id: `c${++ids}`, codeId, coder, createdAt: NOW })),
    memo: '',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** One document of `length` characters, codes X and Y, coders A and B. */
function compare(length: number, segments: Segment[], codeIds = ['X'], coders = ['A', 'B']) {
  return computeAgreement(agreementInput({ documents: [{ id: 'd', length, segments }], codeIds, coders }));
}

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's nominal example: 4 coders, 12 units, missing values, α = 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: reliability
    // data of coders A–D on 12 units (null = no value). Unit 12 has one value: not pairable.
    const _ = null;
    const A = ['1', '2', '3', '3', '2', '1', '4', '1', '2', _, _, _];
    const B = ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', _, '3'];
    const C = [_, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', _];
    const D = ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', _];
    const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);
    const coincidences = coincidencesOf(units);
    expect(coincidences.total()).toBeCloseTo(40, 10); // n: the pairable values
    // The published coincidence matrix's first row: o_11 = 7, o_12 = 4/3, o_13 = o_14 = 1/3.
    expect([1, 2, 3, 4].map((k) => coincidences.get('1', String(k)))).toEqual([7, 4 / 3, 1 / 3, 1 / 3].map((v) => expect.closeTo(v, 10)));
    expect(coincidences.nominalAlpha()).toBeCloseTo(0.743, 3);
  });

  it('is undefined, not 1 or NaN, when every value is the same', () => {
    expect(coincidencesOf([['a', 'a'], ['a', 'a']]).nominalAlpha()).toBeNull();
  });
});

describe("Cohen's kappa at character level", () => {
  it('matches a hand-worked example', () => {
    // A document of 100 characters. A codes [0, 40), B codes [10, 50).
    //   both: [10, 40) = 30   only A: [0, 10) = 10   only B: [40, 50) = 10   neither: 50
    //   po = (30 + 50) / 100 = 0.80
    //   pA = pB = 40 / 100 = 0.40, so pe = 0.4 × 0.4 + 0.6 × 0.6 = 0.52
    //   κ = (0.80 − 0.52) / (1 − 0.52) = 0.28 / 0.48 = 0.58333…
    const r = compare(100, [seg('d', 0, 40, ['X', 'A']), seg('d', 10, 50, ['X', 'B'])]);
    const x = r.byCode[0]!;
    expect(x.characters).toEqual({ both: 30, onlyA: 10, onlyB: 10, neither: 50 });
    expect(x.percent).toBeCloseTo(80, 10);
    expect(x.kappa).toBeCloseTo(0.28 / 0.48, 12);
    expect(documentRows(r, ['A', 'B'])).toHaveLength(1);
    expect(documentRows(r, ['A', 'B'])[0]!.kappa).toBeCloseTo(0.28 / 0.48, 12);
  });

  it('is 1 for identical codings', () => {
    const r = compare(100, [seg('d', 5, 25, ['X', 'A'], ['X', 'B']), seg('d', 60, 70, ['X', 'A']), seg('d', 60, 70, ['X', 'B'])]);
    expect(r.byCode[0]!.kappa).toBe(1);
    expect(r.byCode[0]!.percent).toBe(100);
    expect(stretchesOf(r)).toEqual([]);
  });

  it('is below 0 for disjoint codings', () => {
    // both 0, only A 20, only B 20, neither 60: po = 0.6, pe = 0.2·0.2 + 0.8·0.8 = 0.68, κ = −0.08/0.32.
    const r = compare(100, [seg('d', 0, 20, ['X', 'A']), seg('d', 50, 70, ['X', 'B'])]);
    expect(r.byCode[0]!.kappa).toBeCloseTo(-0.25, 12);
    expect(stretchesOf(r).map((s) => [s.start, s.end])).toEqual([
      [0, 20],
      [50, 70],
    ]);
  });

  it('is undefined (null, with the reason) for a code one coder never used', () => {
    const r = compare(100, [seg('d', 0, 20, ['X', 'A']), seg('d', 50, 70, ['Y', 'B'])], ['X', 'Y']);
    const [x, y] = r.byCode;
    expect(x!.kappa).toBeNull();
    expect(x!.kappaNote).toBe('B never used the code');
    expect(y!.kappa).toBeNull();
    expect(y!.kappaNote).toBe('A never used the code');
    expect(x!.percent).toBe(80); // percentage agreement stays defined
    expect(Number.isNaN(x!.alpha)).toBe(false);
  });

  it('counts overlapping segments of one coder once per character', () => {
    expect(runsLength(runsOf([{ start: 0, end: 30 }, { start: 10, end: 40 }, { start: 40, end: 45 }]))).toBe(45);
    const r = compare(100, [seg('d', 0, 30, ['X', 'A']), seg('d', 10, 40, ['X', 'A']), seg('d', 0, 40, ['X', 'B'])]);
    expect(r.byCode[0]!.characters).toEqual({ both: 40, onlyA: 0, onlyB: 0, neither: 60 });
    expect(r.byCode[0]!.kappa).toBe(1);
  });

  it('weighs documents by their length at corpus level (the tables are summed)', () => {
    const input = agreementInput({
      documents: [
        { id: 'short', length: 10, segments: [seg('short', 0, 5, ['X', 'A'])] },
        { id: 'long', length: 1000, segments: [seg('long', 0, 100, ['X', 'A'], ['X', 'B'])] },
      ],
      codeIds: ['X'],
      coders: ['A', 'B'],
    });
    const r = computeAgreement(input);
    expect(r.byCode[0]!.characters).toEqual({ both: 100, onlyA: 5, onlyB: 0, neither: 905 });
    expect(r.byCode[0]!.percent).toBeCloseTo((1005 / 1010) * 100, 10);
    expect(documentRows(r, ['A', 'B']).map((d) => [d.documentId, d.percent])).toEqual([
      ['short', 50],
      ['long', 100],
    ]);
  });

  it('gives percentage agreement and kappa from the table alone', () => {
    expect(percentAgreement({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toBeNull();
    expect(cohensKappa({ both: 0, onlyA: 0, onlyB: 0, neither: 10 })).toBeNull();
  });
});

describe('segment-level agreement (MAXQDA) with Brennan & Prediger kappa', () => {
  it('matches segments overlapping by at least the chosen share of their union', () => {
    expect(overlapShare({ start: 0, end: 100 }, { start: 0, end: 90 })).toBeCloseTo(0.9, 12);
    expect(segmentCounts([{ start: 0, end: 100 }], [{ start: 0, end: 90 }], 0.9)).toEqual({ segmentsA: 1, segmentsB: 1, matchedA: 1, matchedB: 1 });
    expect(segmentCounts([{ start: 0, end: 100 }], [{ start: 0, end: 89 }], 0.9)).toEqual({ segmentsA: 1, segmentsB: 1, matchedA: 0, matchedB: 0 });
    expect(segmentCounts([{ start: 0, end: 100 }], [{ start: 0, end: 89 }], 0.5).matchedA).toBe(1);
  });

  it('corrects for chance with 1/k, k the number of codes compared', () => {
    // 3 of 4 segments matched: po = 0.75; two codes: (0.75 − 0.5) / 0.5 = 0.5.
    expect(brennanPrediger({ segmentsA: 2, segmentsB: 2, matchedA: 2, matchedB: 1 }, 2)).toBeCloseTo(0.5, 12);
    expect(brennanPrediger({ segmentsA: 2, segmentsB: 2, matchedA: 2, matchedB: 1 }, 1)).toBeNull();
    expect(brennanPrediger({ segmentsA: 0, segmentsB: 0, matchedA: 0, matchedB: 0 }, 4)).toBeNull();
  });

  it('counts, per code, each coder’s segments and how many found a partner', () => {
    const r = compare(
      200,
      [seg('d', 0, 100, ['X', 'A']), seg('d', 0, 95, ['X', 'B']), seg('d', 150, 160, ['X', 'B']), seg('d', 120, 130, ['Y', 'A'], ['Y', 'B'])],
      ['X', 'Y'],
    );
    expect(r.byCode[0]!.segments).toEqual({ segmentsA: 1, segmentsB: 2, matchedA: 1, matchedB: 1 });
    expect(r.overall.segments).toEqual({ segmentsA: 2, segmentsB: 3, matchedA: 2, matchedB: 2 });
    expect(r.overall.segmentPercent).toBeCloseTo(80, 10);
    expect(r.overall.kappaBP).toBeCloseTo((0.8 - 0.5) / 0.5, 12);
  });
});
