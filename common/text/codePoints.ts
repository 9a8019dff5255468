/**
 * Offsets are defined once: UTF-16 code units into the normalised document text (what
 * JavaScript strings, the DOM and Lexical count). Exports speak Unicode code points, as
 * Python, R and REFI-QDA count them. Here: converting between the two, and the surrogate-pair
 * tests that keep spans from cutting a character in half.
 */

export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether `offset` falls between the two halves of a surrogate pair (an emoji cut in half). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1));
}

/** UTF-16 units of the code point that starts at `offset`: 2 for a surrogate pair, else 1 (lone surrogates too). */
export function codePointWidth(text: string, offset: number): 1 | 2 {
  return isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1)) ? 2 : 1;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Converts many offsets of one text (exports of thousands of segments must not rescan the
 * text per offset). Returns a function utf16 → code point: an offset inside a surrogate pair
 * rounds up past it, offsets out of range are clamped (non-integers give the total).
 * Only the surrogate pairs are recorded (rare in most texts): the code point offset is the
 * UTF-16 offset minus the pairs that end at or before it. (A table of one entry per UTF-16
 * unit allocated 200 MB per export of a 50 M-character corpus; measured, it was a fifth of
 * the time of a .qdpx export, most of it collecting that garbage.)
 */
export function codePointIndex(text: string): (utf16Offset: number) => number {
  const pairEnds: number[] = [];
  SURROGATE_PAIR.lastIndex = 0;
  while (SURROGATE_PAIR.exec(text) !== null) pairEnds.push(SURROGATE_PAIR.lastIndex);
  const length = text.length;
  const total = length - pairEnds.length;
  return (utf16Offset) => {
    const i = Math.max(0, Math.min(length, utf16Offset));
    if (!Number.isInteger(i)) return total;
    // Pairs ending at or before i (binary search: first pair end > i).
    let lo = 0;
    let hi = pairEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairEnds[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return i - lo;
  };
}
