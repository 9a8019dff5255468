/**
 * Matches of a query in the normalised text, as document offsets. Typographic quotes and
 * dashes match their plain forms (' ≈ ’ ‘, " ≈ “ ” „, - ≈ – —); case and diacritics are
 * ignored unless asked for (see domain/textFold.ts). A match never starts or ends inside a
 * character: not in a surrogate pair (emoji), not between a letter and its combining marks.
 */
import { foldQuery, foldText, sourceOffset, type FoldedText, type FoldOptions } from '../domain/textFold';
import type { Span } from '../domain/span';
import { isLowSurrogate } from '../../common/text/codePoints';

export type FindOptions = FoldOptions;

export const DEFAULT_FIND_OPTIONS: FindOptions = { matchCase: false, matchDiacritics: false };

const COMBINING_MARK = /^\p{M}/u;

/** Whether a match may start or end at `offset` of `text`: not inside a character. */
function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !isLowSurrogate(text.charCodeAt(offset)) && !COMBINING_MARK.test(text.slice(offset, offset + 2));
}

/** The last folding, kept while only the query changes (a 2 MB book folds in tens of ms). */
let cache: { text: string; key: string; folded: FoldedText } | null = null;

function folded(text: string, options: FindOptions): FoldedText {
  const key = `${options.matchCase}/${options.matchDiacritics}`;
  if (cache?.text !== text || cache.key !== key) cache = { text, key, folded: foldText(text, options) };
  return cache.folded;
}

export function findMatches(text: string, query: string, options: FindOptions = DEFAULT_FIND_OPTIONS, limit = 10_000): Span[] {
  const needle = foldQuery(query, options);
  if (!needle) return [];
  const haystack = folded(text, options);
  const out: Span[] = [];
  for (let at = haystack.text.indexOf(needle); at >= 0 && out.length < limit; at = haystack.text.indexOf(needle, at + 1)) {
    const start = sourceOffset(haystack, at);
    const end = sourceOffset(haystack, at + needle.length);
    // A folded character of several code units (İ → i̇) must be matched whole.
    const cutsFolded = (i: number) => i > 0 && i < haystack.text.length && sourceOffset(haystack, i) === sourceOffset(haystack, i - 1);
    if (cutsFolded(at) || cutsFolded(at + needle.length)) continue;
    if (isCharacterBoundary(text, start) && isCharacterBoundary(text, end)) out.push({ start, end });
  }
  return out;
}
