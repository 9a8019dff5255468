/**
 * How much of a document's text a code covers, in characters and in words, own and with
 * sub-codes. Overlapping segments of one code cover their text once. Words are read from the
 * segments' own quotes (covered text is always inside some quote), so no document text is
 * needed: the text is cut at every segment boundary into pieces, each piece's word starts are
 * counted once, and a code's covered runs add up the pieces they span.
 */
import { isWhiteSpace } from '../wordTokens';
import { LEVELS, codesAt, lowerBound, type Unit } from './units';

export interface Coverage {
  /** [level × codes + code]: covered characters. */
  chars: Int32Array;
  /** [level × codes + code]: words starting in the covered text. */
  words: Int32Array;
}

/** A word starts at a character that is not white space after one that is (or at the text's start). */
const startsWord = (c: number, previous: number) => !isWhiteSpace(c) && (previous < 0 || isWhiteSpace(previous));

/** Word starts before each boundary of `bounds` (prefix sums over the pieces between boundaries). */
function wordStartsBefore(units: readonly Unit[], bounds: Int32Array): Int32Array {
  const inPiece = new Int32Array(bounds.length);
  let coveredTo = -1;
  for (const u of units) {
    const from = Math.max(u.start, coveredTo);
    if (from >= u.end) continue;
    const quote = u.segment.quote;
    let piece = lowerBound(bounds, from);
    let previous = from > u.start ? quote.charCodeAt(from - u.start - 1) : u.segment.before ? u.segment.before.charCodeAt(0) : -1;
    for (let at = from; at < u.end; at++) {
      while (bounds[piece + 1]! <= at) piece++;
      const c = quote.charCodeAt(at - u.start);
      if (startsWord(c, previous)) inPiece[piece]!++;
      previous = c;
    }
    coveredTo = u.end;
  }
  const before = new Int32Array(bounds.length);
  for (let i = 1; i < bounds.length; i++) before[i] = before[i - 1]! + inPiece[i - 1]!;
  return before;
}

/** Every start and end, ascending, each once. */
function boundsOf(units: readonly Unit[]): Int32Array {
  const all = new Int32Array(2 * units.length);
  units.forEach((u, i) => {
    all[2 * i] = u.start;
    all[2 * i + 1] = u.end;
  });
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

export function coverageOf(units: readonly Unit[], codeCount: number): Coverage {
  const size = 2 * codeCount;
  const chars = new Int32Array(size);
  const words = new Int32Array(size);
  if (units.length === 0) return { chars, words };
  const bounds = boundsOf(units);
  const before = wordStartsBefore(units, bounds);
  const wordsIn = (start: number, end: number) => before[lowerBound(bounds, end)]! - before[lowerBound(bounds, start)]!;
  // One open run per code and level; units come by start, so a run closes at the first gap.
  const runStart = new Int32Array(size).fill(-1);
  const runEnd = new Int32Array(size);
  const close = (slot: number) => {
    chars[slot]! += runEnd[slot]! - runStart[slot]!;
    words[slot]! += wordsIn(runStart[slot]!, runEnd[slot]!);
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
