/**
 * What one document adds to the frequencies and to the code × document and code × attribute
 * matrices: per code and level, its codings and segments, and the same per coder (its covered
 * characters and words: coverage.ts). Totals are sums of these, so after one coding only the
 * coded document is counted again; each part is counted when a view first needs it.
 */
import type { Unit } from './units';
import type { CodeIndex } from './codeIndex';

export interface CoderTally {
  codings: Int32Array;
  segments: Int32Array;
}

/** A document's codings and segments per code, each [level × codes + code]. */
export interface CodeCounts {
  codings: Int32Array;
  segments: Int32Array;
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

export function countCodes(units: readonly Unit[], codes: CodeIndex): CodeCounts {
  const codings = new Int32Array(2 * codes.size);
  const segments = new Int32Array(2 * codes.size);
  for (const u of units) {
    for (const k of u.own) segments[k]!++;
    for (const k of u.rolled) segments[codes.size + k]!++;
    for (const code of u.codingCodes) {
      codings[code]!++;
      for (const k of codes.lineage[code]!) codings[codes.size + k]!++;
    }
  }
  return { codings, segments };
}

/** The same counts per coder. */
export function countByCoder(units: readonly Unit[], codes: CodeIndex): Map<string, CoderTally> {
  const size = 2 * codes.size;
  const coders = new Map<string, CoderTally>();
  const coderTally = (coder: string) => {
    let t = coders.get(coder);
    if (!t) coders.set(coder, (t = { codings: new Int32Array(size), segments: new Int32Array(size) }));
    return t;
  };
  for (const u of units) {
    for (let c = 0; c < u.codingCodes.length; c++) {
      const code = u.codingCodes[c]!;
      const byCoder = coderTally(u.codingCoders[c]!).codings;
      byCoder[code]!++;
      for (const k of codes.lineage[code]!) byCoder[codes.size + k]!++;
    }
    for (const [coder, own, rolled] of codesByCoder(u, codes)) {
      const bySegment = coderTally(coder).segments;
      for (const k of own) bySegment[k]!++;
      for (const k of rolled) bySegment[codes.size + k]!++;
    }
  }
  return coders;
}
