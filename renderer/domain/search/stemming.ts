/**
 * English stemming for search: a query word finds the text words of its stem — `fight` finds
 * fights, fighting; `negotiation` finds negotiations, negotiate, negotiated. The stemmer is
 * Porter2 (Snowball's English stemmer), the one search engines use; it strips inflections and
 * common suffixes but keeps an agent noun apart (fighters stems to fighter, not fight: `fight*`
 * finds both). Words with letters beyond a–z (other scripts, or accents kept) are their own stem.
 */
import porter2 from 'wink-porter2-stemmer';

const ENGLISH_WORD = /^[a-z0-9']+$/;

/** The stem of a folded word (lower case, diacritics dropped). */
export function stemOf(word: string): string {
  return ENGLISH_WORD.test(word) ? porter2(word) : word;
}
