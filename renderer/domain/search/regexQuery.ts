/**
 * Regular-expression queries, matched against the text folded as the other queries are:
 * typographic quotes and dashes always plain, diacritics (and Arabic tatweel) dropped unless
 * "Match diacritics" is ticked — so `Da'esh|Communique` finds `Da’esh` and `Communiqué`.
 * Case is left to the expression's `i` flag. A match in the folded text is mapped back to
 * exact UTF-16 offsets of the text as written (a dropped combining mark after a hit's last
 * letter belongs to the hit).
 */
import { foldQuery, type FoldOptions, type FoldedText } from '../textFold';
import type { Span } from '../span';
import type { SearchOptions } from './query';
import { isWholeWord } from './words';

/** How texts are folded for a regular expression under these options (case: the `i` flag's job). */
export const regexFold = (options: Pick<SearchOptions, 'matchDiacritics'>): FoldOptions => ({ matchCase: true, matchDiacritics: options.matchDiacritics });

/** A key naming a folding, for caching folded texts. */
export const foldKey = (fold: FoldOptions): string => `${fold.matchCase ? 'C' : 'c'}${fold.matchDiacritics ? 'D' : 'd'}`;

/**
 * The expression as it runs over folded text: its literal characters folded the same way
 * (escapes and classes are ASCII, so they stay as written). Should folding ever make it
 * invalid, it runs as typed.
 */
export function compileRegex(source: string, flags: string, options: Pick<SearchOptions, 'matchDiacritics'>): RegExp {
  const folded = foldQuery(source, regexFold(options));
  try {
    return new RegExp(folded, flags);
  } catch {
    return new RegExp(source, flags);
  }
}

/**
 * Every match of `pattern` (global flag) in `folded` — the fold of `text` — as spans of
 * `text`. Empty matches are skipped; a match that would split a character folding made into
 * several units is dropped.
 */
export function regexHits(text: string, folded: FoldedText, pattern: RegExp, wholeWord: boolean): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded.text); m; m = pattern.exec(folded.text)) {
    const at = m.index;
    const to = at + m[0].length;
    if (to === at) {
      pattern.lastIndex = at + (folded.text.codePointAt(at)! > 0xffff ? 2 : 1);
      continue;
    }
    const span = toSource(folded, at, to);
    if (span && (!wholeWord || isWholeWord(text, span.start, span.end))) out.push(span);
  }
  return out;
}

/** [at, to) of the folded text as a span of its source; null when an end falls inside one source character's folding. */
function toSource(map: FoldedText, at: number, to: number): Span | null {
  const from = map.from;
  if (!from) return { start: at, end: to };
  const inside = (i: number) => i > 0 && i < map.text.length && from[i] === from[i - 1];
  if (inside(at) || inside(to)) return null;
  return { start: from[at]!, end: from[to]! };
}
