/**
 * A line every converter test carries through its format: an emoji sequence (surrogate pairs,
 * a modifier and a joiner), a combining mark (NFC composes it) and Arabic (right to left).
 * Offsets must come out exact around each of them.
 */
export const TRICKY_LINE = 'Emoji 👩🏽‍🔬 then cafe\u0301 then مرحبا بالعالم end';
/** TRICKY_LINE as normalised text: the combining acute composed into é. */
export const TRICKY_NORMALISED = TRICKY_LINE.normalize('NFC');

/** UTF-16 offsets of a passage in a text, checked the way a coded segment's are. */
export function spanOf(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" not found in ${JSON.stringify(text)}`);
  return { start, end: start + passage.length };
}
