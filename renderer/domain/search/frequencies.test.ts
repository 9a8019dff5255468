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
      { word: 'coalition', count: 4, documents: 2 },
      { word: 'communiqué', count: 2, documents: 1 },
      { word: 'partners', count: 2, documents: 2 },
    ]);
    expect(table.totalWords).toBe(15);
    expect(wordFrequencies(index, { documents: ['b'] }, stop, 1).words).toEqual([{ word: 'communiqué', count: 2, documents: 1 }]);
  });

  it('the stop-word list is the analyst’s: one per line, spaces or commas', () => {
    const mine = parseStopWords('coalition,\nPartners  the');
    expect(wordFrequencies(index, { documents: ['a'] }, mine, 10).words.map((w) => w.word)).toEqual(['and', 's']);
  });

  it('only the text inside (or outside) coded ranges', () => {
    const text = index.document('a')!.text;
    const ranges = new Map([['a', mergeRanges([{ start: 0, end: text.indexOf('.') }])]]);
    const inside = wordFrequencies(index, { documents: ['a'], regions: { mode: 'inside', ranges } }, stop, 10);
    expect(inside.words).toEqual([
      { word: 'coalition', count: 2, documents: 1 },
      { word: 'partners', count: 1, documents: 1 },
    ]);
    const outside = wordFrequencies(index, { documents: ['a'], regions: { mode: 'outside', ranges } }, stop, 10);
    expect(outside.words).toEqual([{ word: 'coalition', count: 1, documents: 1 }]);
  });
});
