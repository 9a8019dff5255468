/**
 * Zero-width joiners pdf.js leaves out of the text layer, put back.
 *
 * Why they go missing: pdf.js's text-content builder (evaluator.js, buildTextContentItem) skips
 * every glyph whose Unicode value is a format character (\p{Cf}: U+200D ZERO WIDTH JOINER among
 * them) — unconditionally: no getTextContent option (disableNormalization included, which governs
 * only its NFKC of ligatures and presentation forms) keeps them. A PDF writer that shapes an emoji
 * ZWJ sequence into one glyph maps that glyph to the whole sequence, which pdf.js keeps intact;
 * a writer that draws the parts maps a glyph of its own to U+200D, and that one is dropped:
 * 👩‍👩‍👧 comes out as 👩👩👧, three emoji instead of one family.
 *
 * The operator list still holds every drawn glyph with its Unicode value, joiners included. For a
 * page whose text has emoji standing side by side (the only place a lost joiner changes what a
 * reader sees), the joiners between two emoji are read from there and each is put back between
 * the same two emoji in the text, at the occurrence nearest its place among the page's glyphs.
 */
const JOINER = '\u200D';
/** The end of an emoji a joiner may follow: a pictograph, a skin-tone modifier or the emoji presentation selector. */
const EMOJI_END = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]$/u;
const EMOJI_START = /^\p{Extended_Pictographic}/u;
/** Two emoji side by side with nothing between them: where a dropped joiner may have stood. */
const ADJACENT_EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]\p{Extended_Pictographic}/u;

/** Whether a page's text could have lost a joiner (so its glyphs are worth reading). */
export function mayHaveLostJoiners(text: string): boolean {
  return ADJACENT_EMOJI.test(text);
}

/** A joiner the page drew: the glyphs on each side and how many visible characters precede it. */
export interface DrawnJoiner {
  before: string;
  after: string;
  /** Non-blank code points drawn before the joiner: its rough place in the page's text. */
  position: number;
}

/** The joiners drawn between two emoji, from the Unicode values of a page's glyphs in drawing order. */
export function drawnJoiners(glyphs: readonly string[]): DrawnJoiner[] {
  const joiners: DrawnJoiner[] = [];
  let position = 0;
  let before = '';
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (glyph === JOINER) {
      const after = glyphs.slice(i + 1).find((g) => g !== JOINER) ?? '';
      if (EMOJI_END.test(before) && EMOJI_START.test(after)) joiners.push({ before, after, position });
      continue;
    }
    position += visibleLength(glyph);
    before = glyph;
  }
  return joiners;
}

/**
 * The text with each drawn joiner put back between its two emoji where they stand side by side
 * without one, at the occurrence nearest the joiner's place; a joiner whose emoji pair is not
 * found is left out rather than guessed.
 */
export function restoreJoiners(text: string, joiners: readonly DrawnJoiner[]): string {
  const insertAt = new Set<number>();
  for (const joiner of joiners) {
    let best: number | null = null;
    let bestDistance = Infinity;
    for (let at = text.indexOf(joiner.before + joiner.after); at >= 0; at = text.indexOf(joiner.before + joiner.after, at + 1)) {
      const gap = at + joiner.before.length;
      if (insertAt.has(gap)) continue;
      const distance = Math.abs(visibleLength(text.slice(0, at + joiner.before.length)) - joiner.position);
      if (distance < bestDistance) [best, bestDistance] = [gap, distance];
    }
    if (best !== null) insertAt.add(best);
  }
  if (insertAt.size === 0) return text;
  let restored = '';
  let from = 0;
  for (const gap of [...insertAt].sort((a, b) => a - b)) {
    restored += text.slice(from, gap) + JOINER;
    from = gap;
  }
  return restored + text.slice(from);
}

/** Code points that are not white space (what pdf.js's spacing and line breaks leave alone). */
function visibleLength(text: string): number {
  let n = 0;
  for (const c of text) if (!/\s/u.test(c)) n++;
  return n;
}
