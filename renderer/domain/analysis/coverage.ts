/**
 * How much of a document's text a code covers, in characters and in words, own and with
 * sub-codes: overlapping segments of one code cover their text once. Words are the word starts
 * (from the text's profile) inside the covered text; without the profile they are not known yet.
 */
import { countBits } from './bits';
import { LEVELS, codesAt, type Unit } from './units';

export interface Coverage {
  /** [level × codes + code]: covered characters. */
  chars: Int32Array;
  /** [level × codes + code]: words starting in the covered text (0 while the text is not read). */
  words: Int32Array;
}

export function coverageOf(units: readonly Unit[], codeCount: number, wordStarts: Uint32Array | null): Coverage {
  const size = 2 * codeCount;
  const chars = new Int32Array(size);
  const words = new Int32Array(size);
  // One open run per code and level; units come by start, so a run closes at the first gap.
  const runStart = new Int32Array(size).fill(-1);
  const runEnd = new Int32Array(size);
  const close = (slot: number) => {
    chars[slot]! += runEnd[slot]! - runStart[slot]!;
    if (wordStarts) words[slot]! += countBits(wordStarts, runStart[slot]!, runEnd[slot]!);
  };
  for (const u of units) {
    for (const level of LEVELS) {
      for (const k of codesAt(u, level)) {
        const slot = level * codeCount + k;
        if (runStart[slot]! >= 0 && u.start <= runEnd[slot]!) {
          if (u.end > runEnd[slot]!) runEnd[slot] = u.end;
          continue;
        }
        if (runStart[slot]! >= 0) close(slot);
        runStart[slot] = u.start;
        runEnd[slot] = u.end;
      }
    }
  }
  for (let slot = 0; slot < size; slot++) if (runStart[slot]! >= 0) close(slot);
  return { chars, words };
}
