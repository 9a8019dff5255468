import { describe, expect, it } from 'vitest';
import { DEFAULT_STOP_WORDS, parseStopWords, wordFrequencies } from './frequencies';
import { mergeRanges } from './hits';
import { SearchIndex } from './searchIndex';

describe('word frequencies', () => {
  const index = new SearchIndex();
  index.add('a', 'The Coalition and the coalition’s partners. 2017: Coalition!');
  index.add('b', 'Partners of the Coalition; Communiqué, communique.');
  const stop = parseStopWords(DEFAULT_STOP_WORDS.join(' '));

  it('counts folded words over chosen documents, without stop words or numbers', () => {
    const table = wordFrequencies(index, { documents: ['a', 'b'] }, stop, 10);
    expect(table.words).toEqual([
      { word: 'coalition', count: 3, documents: 2 },
      { word: 'communiqué', count: 2, documents: 1 },
      { word: 'partners', count: 2, documents: 2 },
      { word: 'coalition’s', count: 1, documents: 1 },
    ]);
    expect(table.totalWords).toBe(14);
    expect(wordFrequencies(index, { documents: ['b'] }, stop, 1).words).toEqual([{ word: 'communiqué', count: 2, documents: 1 }]);
  });

  it('keeps an apostrophe between letters inside the word, and leaves quotation marks out', () => {
    const quoted = new SearchIndex();
    quoted.add('q', "Da’esh and Da'esh; the ‘coalition’ said 'no'. We don't know l’État or the Qur'an; Da’esh’s fighters.");
    quoted.add('r', 'Daesh, not Da’esh.');
    const table = wordFrequencies(quoted, { documents: ['q', 'r'] }, stop, 20);
    expect(table.words).toEqual([
      { word: 'da’esh', count: 3, documents: 2 },
      { word: 'coalition', count: 1, documents: 1 },
      { word: 'daesh', count: 1, documents: 1 },
      { word: 'da’esh’s', count: 1, documents: 1 },
      { word: 'fighters', count: 1, documents: 1 },
      { word: 'know', count: 1, documents: 1 },
      { word: 'l’état', count: 1, documents: 1 },
      { word: "qur'an", count: 1, documents: 1 },
      { word: 'said', count: 1, documents: 1 },
    ]);
    expect(table.words.map((w) => w.word)).not.toContain('esh');
    // Search still finds each spelling: the index keeps the parts, a phrase joins them again.
    const hits = quoted.search({ kind: 'terms', mode: 'phrase', terms: [{ text: "Da'esh", hasWildcard: false }] }, { mode: 'phrase', matchCase: false, matchDiacritics: false, wholeWord: true }, { documents: ['q', 'r'] });
    expect(hits.count).toBe(4);
  });

  it('the stop-word list is the analyst’s: one per line, spaces or commas', () => {
    const mine = parseStopWords('coalition,\nPartners  the');
    expect(wordFrequencies(index, { documents: ['a'] }, mine, 10).words.map((w) => w.word)).toEqual(['and', 'coalition’s']);
  });

  it('only the text inside (or outside) coded ranges', () => {
    const text = index.document('a')!.text;
    const ranges = new Map([['a', mergeRanges([{ start: 0, end: text.indexOf('.') }])]]);
    const inside = wordFrequencies(index, { documents: ['a'], regions: { mode: 'inside', ranges } }, stop, 10);
    expect(inside.words).toEqual([
      { word: 'coalition', count: 1, documents: 1 },
      { word: 'coalition’s', count: 1, documents: 1 },
      { word: 'partners', count: 1, documents: 1 },
    ]);
    const outside = wordFrequencies(index, { documents: ['a'], regions: { mode: 'outside', ranges } }, stop, 10);
    expect(outside.words).toEqual([{ word: 'coalition', count: 1, documents: 1 }]);
  });
});
