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

/**
 * Converts many offsets of one text at once in a single pass (exports of thousands of
 * segments must not rescan the text per offset). Returns a function utf16 → code point.
 */
export function codePointIndex(text: string): (utf16Offset: number) => number {
  // cpAt[i] = code points before UTF-16 index i; Uint32Array keeps a 2 MB text cheap.
  const cpAt = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cpAt[i + 1] = cp + 1; // an offset inside a pair rounds up past it
      i++;
    }
    cp++;
  }
  cpAt[text.length] = cp;
  return (utf16Offset) => cpAt[Math.max(0, Math.min(text.length, utf16Offset))] ?? cp;
}
