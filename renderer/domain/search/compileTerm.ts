/**
 * A query term made ready to match against the index: its folded words, how each must fit a
 * text word, the separators between them, and what (if anything) must be checked against
 * the text afterwards (case, diacritics). Pure; built once per query.
 */
import { foldQuery, type FoldOptions } from '../textFold';
import { WILDCARD, type SearchOptions, type Term } from './query';
import { normaliseSeparator } from './separators';
import { FULL_FOLD, type Vocabulary, type WordFit } from './vocabulary';
import { tokenize } from './words';

export interface CompiledTerm {
  term: Term;
  /** Folded query words, in order. */
  words: string[];
  fits: WordFit[];
  /** separators[j]: what lies between words j-1 and j (normalised); [0] unused. */
  separators: string[];
  /** Punctuation the hit starts and ends with, outside its first and last word (normalised). */
  lead: string;
  trail: string;
  /** The whole term normalised, for queries with no word at all (punctuation only). */
  normalised: string;
  /** A final check of a hit's text when case or diacritics must match; null when folding decides alone. */
  exact: ((hitText: string) => boolean) | null;
}

const WILDCARD_UNIT = WILDCARD.charCodeAt(0);
const WHITE_RUN = /\s+/g;

export function compileTerm(term: Term, options: SearchOptions): CompiledTerm {
  const folded = foldQuery(term.text, FULL_FOLD);
  const tokens = tokenize(folded, WILDCARD_UNIT);
  const words: string[] = [];
  const separators: string[] = [''];
  for (let j = 0; j < tokens.count; j++) {
    words.push(folded.slice(tokens.starts[j], tokens.ends[j]));
    if (j > 0) separators.push(normaliseSeparator(folded.slice(tokens.ends[j - 1], tokens.starts[j])));
  }
  const lead = tokens.count ? normaliseSeparator(folded.slice(0, tokens.starts[0])) : '';
  const trail = tokens.count ? normaliseSeparator(folded.slice(tokens.ends[tokens.count - 1])) : '';
  const last = words.length - 1;
  const fits = words.map((word, j): WordFit => {
    if (options.stem && !word.includes(WILDCARD)) return 'stem';
    const openLeft = j === 0 && lead === '' && !options.wholeWord;
    const openRight = j === last && trail === '' && !options.wholeWord;
    return openLeft && openRight ? 'part' : openLeft ? 'suffix' : openRight ? 'prefix' : 'exact';
  });
  return { term, words, fits, separators, lead, trail, normalised: normaliseSeparator(term.text), exact: exactCheck(term, options) };
}

function exactCheck(term: Term, options: SearchOptions): ((hitText: string) => boolean) | null {
  if (!options.matchCase && !options.matchDiacritics) return null;
  const fold: FoldOptions = { matchCase: options.matchCase, matchDiacritics: options.matchDiacritics };
  const norm = (s: string) => foldQuery(s, fold).replace(WHITE_RUN, ' ');
  if (options.stem) return stemmedCheck(term.text, fold);
  const wanted = norm(term.text);
  if (!term.hasWildcard) return (hit) => norm(hit) === wanted;
  // `*` stands for word characters only: a pattern over the whole hit.
  const pattern = new RegExp(
    `^${wanted
      .split(WILDCARD)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\p{L}\\p{M}\\p{N}]*')}$`,
    'u',
  );
  return (hit) => pattern.test(norm(hit));
}

/**
 * With stemming, a hit's words differ from the query's past their common beginning
 * (fight, fighting): case and diacritics are compared on the letters a hit word shares with
 * its query word, as far as a wildcard.
 */
function stemmedCheck(query: string, fold: FoldOptions): (hitText: string) => boolean {
  const words = (s: string, how: FoldOptions) => {
    const folded = foldQuery(s, how);
    const t = tokenize(folded, WILDCARD_UNIT);
    return Array.from({ length: t.count }, (_, i) => folded.slice(t.starts[i], t.ends[i]));
  };
  const wantedFull = words(query, FULL_FOLD);
  const wanted = words(query, fold);
  return (hit) => {
    const hitFull = words(hit, FULL_FOLD);
    const got = words(hit, fold);
    if (got.length !== wanted.length || hitFull.length !== got.length) return false;
    return wanted.every((w, j) => {
      const full = wantedFull[j]!;
      const wildcard = full.indexOf(WILDCARD);
      let shared = 0;
      const limit = Math.min(wildcard < 0 ? full.length : wildcard, hitFull[j]!.length);
      while (shared < limit && full[shared] === hitFull[j]![shared]) shared++;
      // Folding that changed a word's length leaves no letter-for-letter comparison: the whole words then.
      if (w.length !== full.length || got[j]!.length !== hitFull[j]!.length) return w === got[j];
      return w.slice(0, shared) === got[j]!.slice(0, shared);
    });
  };
}

/** Ids of the text words each query word fits. */
export function wordIds(compiled: CompiledTerm, vocabulary: Vocabulary): Array<readonly number[]> {
  return compiled.words.map((w, j) => vocabulary.matching(w, compiled.fits[j]!));
}
