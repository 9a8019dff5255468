/**
 * Seeded random text for the common/ tests: the scripts and characters that break naive text
 * code (emoji with skin tones, ZWJ and flags, Arabic, combining marks, CRLF and lone CR, a BOM,
 * characters of every UTF-8 length). Seeded so a failure can be replayed.
 */

const PIECES = [
  'the ', 'coalition ', 'Paris ', 'naïve ', 'café ', 'Zürich ', 'Москва ', '中文 ', '日本語 ',
  'التحالف الدولي ', 'بيان مشترك ', 'شكرا ',
  '😀', '👍🏽', '👩🏽‍💻', '🇸🇦', '🌧️', '𝒜', '😢 ',
  'e\u0301', 'q\u0307', 'a\u0308\u0301', '\u0627\u064E',
  '\r\n', '\r', '\n', '\t', ' ', '\uFEFF', '\u00A0', '\u200F',
  '\u007F', '\u0080', '\u07FF', '\u0800', '\uFFFD', '\u{10000}', '\u{10FFFF}',
];

/** mulberry32: a tiny deterministic generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Well-formed text (no lone surrogates) of at least `length` UTF-16 units. */
export function randomText(random: () => number, length: number): string {
  const parts: string[] = [];
  let total = 0;
  while (total < length) {
    const piece = PIECES[Math.floor(random() * PIECES.length)]!;
    parts.push(piece);
    total += piece.length;
  }
  return parts.join('');
}

/** `length` random bytes. */
export function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}
