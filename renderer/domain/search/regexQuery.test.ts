/** Regular expressions over folded text, with hits mapped back to exact offsets of the text as written. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, type SearchOptions } from './query';
import { SearchIndex } from './searchIndex';

function found(text: string, source: string, change: Partial<SearchOptions> = {}): string[] {
  const options = { ...DEFAULT_SEARCH_OPTIONS, wholeWord: false, ...change, mode: 'regex' as const };
  const parsed = parseQuery(source, options);
  if (!parsed.ok) throw new Error(parsed.message);
  const index = new SearchIndex();
  index.add('d', text);
  const list = index.search(parsed.query, options, { documents: ['d'] });
  return Array.from({ length: list.count }, (_, i) => text.slice(list.start[i], list.end[i]));
}

describe('regular expressions with folding', () => {
  it('find typographic apostrophes and letters with diacritics', () => {
    const text = 'The Da’esh communiqué, and a Communiqué from DA‘ESH.';
    expect(found(text, "Da'esh|Communique")).toEqual(['Da’esh', 'communiqué', 'Communiqué', 'DA‘ESH']);
    expect(found(text, "Da'esh|Communique", { matchCase: true })).toEqual(['Da’esh', 'Communiqué']);
  });

  it('fold a diacritic typed in the expression as in the text', () => {
    expect(found('Communique and communiqué', 'communiqué')).toEqual(['Communique', 'communiqué']);
  });

  it('match diacritics when asked to, while quotes and dashes still fold', () => {
    const text = 'Communique, communiqué — Da’esh';
    expect(found(text, 'communiqu.', { matchDiacritics: true })).toEqual(['Communique', 'communiqué']);
    expect(found(text, 'communique', { matchDiacritics: true })).toEqual(['Communique']);
    expect(found(text, "- Da'esh", { matchDiacritics: true })).toEqual(['— Da’esh']);
  });

  it('keeps the combining marks of the last letter inside the hit and maps offsets after them', () => {
    // "e" + U+0301 (decomposed é) twice: the folded text is shorter than the source.
    const text = 'cafe\u0301 and cafe\u0301s';
    expect(found(text, 'cafe')).toEqual(['cafe\u0301', 'cafe\u0301']);
    expect(found(text, 'cafes')).toEqual(['cafe\u0301s']);
    expect(found(text, 'and')).toEqual(['and']);
  });

  it('maps offsets exactly past emoji, Arabic harakat and CRLF', () => {
    const text = 'مُحَمَّد 👋🏽 said\r\nhello, Zoë 🇫🇷 said';
    expect(found(text, 'محمد')).toEqual(['مُحَمَّد']);
    expect(found(text, 'said\\r\\nhello')).toEqual(['said\r\nhello']);
    expect(found(text, '👋🏽 said')).toEqual(['👋🏽 said']);
    expect(found(text, 'zoe 🇫🇷')).toEqual(['Zoë 🇫🇷']);
    expect(found(text, 'said')).toEqual(['said', 'said']);
  });

  it('checks whole words in the text as written', () => {
    expect(found('naïveté naïve', 'naive', { wholeWord: true })).toEqual(['naïve']);
  });

  it('matches both dashes with a class of the two, and runs an expression as typed when folding would make it invalid', () => {
    expect(found('a–b a-b', 'a[–-]b')).toEqual(['a–b', 'a-b']);
    // [a-–] folds to [a--], a range out of order: the expression as typed runs (over the folded text).
    expect(found('a b c', '[a-–]')).toEqual(['a', 'b', 'c']);
  });
});
