/**
 * Offsets are defined once: UTF-16 code units into the normalised document text (what
 * JavaScript strings, the DOM and Lexical count). Exports speak Unicode code points, as
 * Python, R and REFI-QDA count them; these functions convert between the two.
 */

/** Number of code points in text.slice(0, utf16Offset). */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  let cp = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point: count it once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

/** UTF-16 offset of the given code point index (clamped to the text's end). */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  let i = 0;
  for (let cp = 0; cp < codePointOffset && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return i;
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
