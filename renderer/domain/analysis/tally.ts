/**
 * What one document adds to the frequencies and to the code × document and code × attribute
 * matrices: per code and level, its codings and segments, and the same per coder (its covered
 * characters and words: coverage.ts). Totals are sums of these, so after one coding only the
 * coded document is counted again; each part is counted when a view first needs it.
 */
import type { CodeIndex } from './codeIndex';
import { LEVELS, type Units } from './units';

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

/** Adds 1 at [offset + code] for every code set in a bit set's words [from, from + words). */
function addBits(into: Int32Array, offset: number, mask: Uint32Array, from: number, words: number): void {
  for (let w = 0; w < words; w++) {
    for (let bits = mask[from + w]!; bits !== 0; bits &= bits - 1) into[offset + w * 32 + 31 - Math.clz32(bits & -bits)]!++;
  }
}

/** Adds a coding of `code`: own, and to the code and each ancestor with sub-codes. */
function addCoding(into: Int32Array, code: number, codes: CodeIndex): void {
  into[code]!++;
  for (const k of codes.lineage[code]!) into[codes.size + k]!++;
}

/** Two arrays of `size` in one buffer (a thousand documents' tallies are thousands of buffers otherwise). */
export function twoArrays(size: number): [Int32Array, Int32Array] {
  const buffer = new ArrayBuffer(8 * size);
  return [new Int32Array(buffer, 0, size), new Int32Array(buffer, 4 * size, size)];
}

export function countCodes(units: Units, codes: CodeIndex): CodeCounts {
  const k = codes.size;
  const [codings, segments] = twoArrays(2 * k);
  const { words, masks } = units;
  for (const level of LEVELS) for (let i = 0; i < units.count; i++) addBits(segments, level * k, masks[level], i * words, words);
  for (const code of units.codingCode) addCoding(codings, code, codes);
  return { codings, segments };
}

/** The same counts per coder (by the engine's coder numbers). */
export function countByCoder(units: Units, codes: CodeIndex): Map<number, CoderTally> {
  const k = codes.size;
  const { words, masks, codingFrom, codingCode, codingCoder } = units;
  const coders = new Map<number, CoderTally>();
  const tallyOf = (coder: number) => {
    let t = coders.get(coder);
    if (!t) {
      const [codings, segments] = twoArrays(2 * k);
      coders.set(coder, (t = { codings, segments }));
    }
    return t;
  };
  // A unit two coders coded: each coder's own codes and their lineages, gathered here.
  const own = new Uint32Array(words);
  const rolled = new Uint32Array(words);
  for (let i = 0; i < units.count; i++) {
    const from = codingFrom[i]!;
    const to = codingFrom[i + 1]!;
    for (let c = from; c < to; c++) addCoding(tallyOf(codingCoder[c]!).codings, codingCode[c]!, codes);
    const first = codingCoder[from]!;
    let alone = true;
    for (let c = from + 1; c < to && alone; c++) alone = codingCoder[c] === first;
    if (alone) {
      const t = tallyOf(first).segments;
      addBits(t, 0, masks[0], i * words, words);
      addBits(t, k, masks[1], i * words, words);
      continue;
    }
    for (let c = from; c < to; c++) {
      const coder = codingCoder[c]!;
      // Each coder once, at their first coding of the unit.
      let seen = false;
      for (let d = from; d < c && !seen; d++) seen = codingCoder[d] === coder;
      if (seen) continue;
      own.fill(0);
      rolled.fill(0);
      for (let d = c; d < to; d++) {
        if (codingCoder[d] !== coder) continue;
        const code = codingCode[d]!;
        own[code >>> 5]! |= 1 << (code & 31);
        for (let w = 0; w < words; w++) rolled[w]! |= codes.lineageMasks[code * words + w]!;
      }
      const t = tallyOf(coder).segments;
      addBits(t, 0, own, 0, words);
      addBits(t, k, rolled, 0, words);
    }
  }
  return coders;
}
