/**
 * The sweeps against a brute-force computation, character by character, on seeded random
 * codings: two and three coders, overlapping and nested segments of one coder, documents some
 * coder never touched (missing values for alpha), several codes on one character (ambiguous
 * for cu-α).
 */
import { describe, expect, it } from 'vitest';
import { fork, intIn, type Rng } from '../../../scripts/synth/prng';
import type { Segment } from '../model';
import { agreementInput, type ComparedDocument } from './agreementInput';
import { computeAgreement } from './computeAgreement';
import { stretchesOf } from './resultColumns';
import { cohensKappa, type CharacterTable } from './kappa';
import { coincidencesOf } from './krippendorff';
import { overlapShare } from './segmentMatch';

const CODES = ['X', 'Y', 'Z'];
const NOW = '2026-01-01T00:00:00.000Z';

function randomProject(rng: Rng, coders: readonly string[]): ComparedDocument[] {
  const documents: ComparedDocument[] = [];
  for (let d = 0; d < 6; d++) {
    const length = intIn(rng, 40, 240);
    const segments: Segment[] = [];
    for (const coder of coders) {
      if (rng() < 0.15) continue; // this coder never touched the document
      const n = intIn(rng, 1, 9);
      for (let i = 0; i < n; i++) {
        const start = intIn(rng, 0, length - 2);
        const end = Math.min(length, start + intIn(rng, 1, 40));
        const codeId = CODES[intIn(rng, 0, CODES.length - 1)]!;
        segments.push({
          id: `${d}-${coder}-${i}`,
          documentId: `d${d}`,
          documentHash: 'h',
          start,
          end,
          quote: 'q',
          prefix: '',
          suffix: '',
          codings: [{ id: `${d}-${coder}-${i}-c`, codeId, coder, createdAt: NOW }],
          memo: '',
          createdAt: NOW,
          updatedAt: NOW,
        });
      }
    }
    documents.push({ id: `d${d}`, length, segments });
  }
  return documents;
}

/** covered[code][coder][char]: whether the coder put the code on the character. */
function coverage(doc: ComparedDocument, coders: readonly string[]): boolean[][][] {
  const out = CODES.map(() => coders.map(() => new Array<boolean>(doc.length).fill(false)));
  for (const s of doc.segments) {
    for (const c of s.codings) {
      const row = out[CODES.indexOf(c.codeId)]![coders.indexOf(c.coder)]!;
      for (let i = s.start; i < s.end; i++) row[i] = true;
    }
  }
  return out;
}

function bruteForce(documents: readonly ComparedDocument[], coders: readonly string[]) {
  const tables: CharacterTable[] = CODES.map(() => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }));
  const binaryUnits: (string | null)[][][] = CODES.map(() => []);
  const cuUnits: (string | null)[][] = [];
  const stretches: string[] = [];
  for (const doc of documents) {
    const cover = coverage(doc, coders);
    const present = coders.map((coder) => doc.segments.some((s) => s.codings.some((c) => c.coder === coder)));
    CODES.forEach((code, k) => {
      const [a, b] = [cover[k]![0]!, cover[k]![1]!];
      for (let i = 0; i < doc.length; i++) {
        const t = tables[k]!;
        if (a[i] && b[i]) t.both++;
        else if (a[i]) t.onlyA++;
        else if (b[i]) t.onlyB++;
        else t.neither++;
        binaryUnits[k]!.push(coders.map((_, c) => (present[c] ? (cover[k]![c]![i] ? '1' : '0') : null)));
      }
      // Maximal stretches either of the two coded, where their coverage differs somewhere.
      for (let i = 0; i < doc.length; ) {
        if (!a[i] && !b[i]) {
          i++;
          continue;
        }
        const start = i;
        let differs = false;
        for (; i < doc.length && (a[i] || b[i]); i++) if (a[i] !== b[i]) differs = true;
        if (differs) stretches.push(`${doc.id} ${code} ${start}-${i}`);
      }
    });
    for (let i = 0; i < doc.length; i++) {
      cuUnits.push(
        coders.map((_, c) => {
          const here = CODES.filter((_, k) => cover[k]![c]![i]);
          return here.length === 1 ? here[0]! : null;
        }),
      );
    }
  }
  return { tables, binaryUnits, cuUnits, stretches };
}

function bruteSegments(documents: readonly ComparedDocument[], code: string, threshold: number) {
  let segmentsA = 0;
  let segmentsB = 0;
  let matchedA = 0;
  let matchedB = 0;
  for (const doc of documents) {
    const of = (coder: string) => doc.segments.filter((s) => s.codings.some((c) => c.coder === coder && c.codeId === code));
    const a = of('A');
    const b = of('B');
    segmentsA += a.length;
    segmentsB += b.length;
    matchedA += a.filter((s) => b.some((t) => overlapShare(s, t) >= threshold)).length;
    matchedB += b.filter((s) => a.some((t) => overlapShare(s, t) >= threshold)).length;
  }
  return { segmentsA, segmentsB, matchedA, matchedB };
}

describe.each([
  [['A', 'B'], 1],
  [['A', 'B'], 2],
  [['A', 'B', 'C'], 3],
  [['A', 'B', 'C'], 4],
])('against brute force: coders %j, seed %i', (coders, seed) => {
  const documents = randomProject(fork(seed, 18), coders);
  const result = computeAgreement(agreementInput({ documents, codeIds: CODES, coders, overlap: 0.6 }));
  const brute = bruteForce(documents, coders);

  it('gives every code the same character table, percentage and kappa', () => {
    CODES.forEach((_, k) => {
      const row = result.byCode[k]!;
      const t = brute.tables[k]!;
      expect(row.characters).toEqual(t);
      expect(row.percent).toBeCloseTo(((t.both + t.neither) / (t.both + t.onlyA + t.onlyB + t.neither)) * 100, 9);
      const kappa = cohensKappa(t);
      if (kappa === null) expect(row.kappa).toBeNull();
      else expect(row.kappa).toBeCloseTo(kappa, 9);
    });
  });

  it('gives every code the same binary alpha over all coders, missing values included', () => {
    CODES.forEach((_, k) => {
      const expected = coincidencesOf(brute.binaryUnits[k]!).nominalAlpha();
      if (expected === null) expect(result.byCode[k]!.alpha).toBeNull();
      else expect(result.byCode[k]!.alpha).toBeCloseTo(expected, 9);
    });
  });

  it('gives the same cu-α (gaps and ambiguous characters missing)', () => {
    const expected = coincidencesOf(brute.cuUnits);
    expect(result.overall.cuPairable).toBeCloseTo(expected.total(), 6);
    expect(result.overall.cuAlpha).toBeCloseTo(expected.nominalAlpha()!, 9);
  });

  it('matches segments like a comparison of every pair', () => {
    CODES.forEach((code, k) => expect(result.byCode[k]!.segments).toEqual(bruteSegments(documents, code, 0.6)));
  });

  it('lists the same disagreeing stretches', () => {
    const listed = stretchesOf(result).map((s) => `${s.documentId} ${s.codeId} ${s.start}-${s.end}`);
    expect(listed.sort()).toEqual([...brute.stretches].sort());
  });
});
