/**
 * How much of a document's text a code covers, in characters and in words, own and with
 * sub-codes: overlapping segments of one code cover their text once. Words are the word starts
 * (from the text's profile) inside the covered text; without the profile they are not known yet.
 */
import { countBits } from './bits';
import { twoArrays } from './tally';
import { LEVELS, type Units } from './units';

export interface Coverage {
  /** [level × codes + code]: covered characters. */
  chars: Int32Array;
  /** [level × codes + code]: words starting in the covered text (0 while the text is not read). */
  words: Int32Array;
}

export function coverageOf(units: Units, codeCount: number, wordStarts: Uint32Array | null): Coverage {
  const size = 2 * codeCount;
  const [chars, words] = twoArrays(size);
  // One open run per code and level; units come by start, so a run closes at the first gap.
  const [runStart, runEnd] = twoArrays(size);
  runStart.fill(-1);
  const close = (slot: number) => {
    chars[slot]! += runEnd[slot]! - runStart[slot]!;
    if (wordStarts) words[slot]! += countBits(wordStarts, runStart[slot]!, runEnd[slot]!);
  };
  const { starts, ends, masks } = units;
  const maskWords = units.words;
  for (const level of LEVELS) {
    const mask = masks[level];
    for (let i = 0; i < units.count; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      for (let w = 0; w < maskWords; w++) {
        for (let bits = mask[i * maskWords + w]!; bits !== 0; bits &= bits - 1) {
          const slot = level * codeCount + w * 32 + 31 - Math.clz32(bits & -bits);
          if (runStart[slot]! >= 0 && start <= runEnd[slot]!) {
            if (end > runEnd[slot]!) runEnd[slot] = end;
            continue;
          }
          if (runStart[slot]! >= 0) close(slot);
          runStart[slot] = start;
          runEnd[slot] = end;
        }
      }
    }
  }
  for (let slot = 0; slot < size; slot++) if (runStart[slot]! >= 0) close(slot);
  return { chars, words };
}
