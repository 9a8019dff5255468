/**
 * What one document adds to the frequencies and to the code × document and code × attribute
 * matrices: per code and level, its codings, segments, covered characters and words, and the
 * same codings and segments per coder. Totals are sums of these, so after one coding only
 * the coded document's tally is computed again.
 */
import { coverageOf } from './coverage';
import { LEVELS, codesAt, type Unit } from './units';
import type { CodeIndex } from './codeIndex';

export interface CoderTally {
  codings: Int32Array;
  segments: Int32Array;
}

export interface DocumentTally {
  /** Units (segments with at least one counted coding). */
  units: number;
  /** Each [level × codes + code]. */
  codings: Int32Array;
  segments: Int32Array;
  chars: Int32Array;
  words: Int32Array;
  coders: Map<string, CoderTally>;
}

export const MEASURES = ['segments', 'codings', 'chars', 'words'] as const;
export type Measure = (typeof MEASURES)[number];

/** Each coder of a unit with the distinct codes they put on it, own and rolled up (one coder, the usual case, without a map). */
function codesByCoder(u: Unit, codes: CodeIndex): Array<[string, readonly number[], readonly number[]]> {
  const first = u.codingCoders[0]!;
  if (u.codingCoders.every((c) => c === first)) return [[first, u.own, u.rolled]];
  const byCoder = new Map<string, number[]>();
  u.codingCoders.forEach((coder, i) => {
    const list = byCoder.get(coder) ?? [];
    if (!list.includes(u.codingCodes[i]!)) list.push(u.codingCodes[i]!);
    byCoder.set(coder, list);
  });
  return [...byCoder].map(([coder, own]) => [coder, own, rollUp(own, codes)]);
}

/** The codes and all their ancestors, each once. */
function rollUp(own: readonly number[], codes: CodeIndex): number[] {
  const out: number[] = [];
  for (const code of own) for (const k of codes.lineage[code]!) if (!out.includes(k)) out.push(k);
  return out;
}

export function tallyDocument(units: readonly Unit[], codes: CodeIndex, wordStarts: Uint32Array | null): DocumentTally {
  const size = 2 * codes.size;
  const codings = new Int32Array(size);
  const segments = new Int32Array(size);
  const coders = new Map<string, CoderTally>();
  const coderTally = (coder: string) => {
    let t = coders.get(coder);
    if (!t) coders.set(coder, (t = { codings: new Int32Array(size), segments: new Int32Array(size) }));
    return t;
  };
  for (const u of units) {
    for (const level of LEVELS) for (const k of codesAt(u, level)) segments[level * codes.size + k]!++;
    for (let c = 0; c < u.codingCodes.length; c++) {
      const code = u.codingCodes[c]!;
      const byCoder = coderTally(u.codingCoders[c]!).codings;
      codings[code]!++;
      byCoder[code]!++;
      for (const k of codes.lineage[code]!) {
        codings[codes.size + k]!++;
        byCoder[codes.size + k]!++;
      }
    }
    for (const [coder, own, rolled] of codesByCoder(u, codes)) {
      const bySegment = coderTally(coder).segments;
      for (const k of own) bySegment[k]!++;
      for (const k of rolled) bySegment[codes.size + k]!++;
    }
  }
  const { chars, words } = coverageOf(units, codes.size, wordStarts);
  return { units: units.length, codings, segments, chars, words, coders };
}
