/** English stemming: a query word finds the words of its stem, whole words, with case and diacritics checked on what they share. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, type SearchOptions } from './query';
import { SearchIndex } from './searchIndex';
import { stemOf } from './stemming';

function found(text: string, query: string, change: Partial<SearchOptions> = {}): string[] {
  const options = { ...DEFAULT_SEARCH_OPTIONS, stem: true, ...change };
  const parsed = parseQuery(query, options);
  if (!parsed.ok) throw new Error(parsed.message);
  const index = new SearchIndex();
  index.add('d', text);
  const list = index.search(parsed.query, options, { documents: ['d'] });
  return Array.from({ length: list.count }, (_, i) => text.slice(list.start[i], list.end[i]));
}

describe('Porter2 stems', () => {
  it('are those of the Snowball English stemmer', () => {
    const cases: Record<string, string> = {
      fight: 'fight', fights: 'fight', fighting: 'fight', fighters: 'fighter', fighter: 'fighter',
      negotiations: 'negoti', negotiated: 'negoti', generously: 'generous', communities: 'communiti',
      consistency: 'consist', hopping: 'hop', skies: 'sky', news: 'news', "coalition's": 'coalit',
    };
    for (const [word, stem] of Object.entries(cases)) expect(stemOf(word), word).toBe(stem);
  });

  it('leave words of other scripts and accented words as they are', () => {
    expect(stemOf('الموصل')).toBe('الموصل');
    expect(stemOf('москвы')).toBe('москвы');
  });
});

describe('searching with stemming', () => {
  const text = 'He fights. Fighting continued; foreign fighters fought. The fight, a FIGHT, infighting.';

  it('finds the word forms of a stem, whole words only', () => {
    expect(found(text, 'fight')).toEqual(['fights', 'Fighting', 'fight', 'FIGHT']);
    expect(found(text, 'fighting')).toEqual(['fights', 'Fighting', 'fight', 'FIGHT']);
    expect(found(text, 'fighter')).toEqual(['fighters']);
    expect(found(text, 'fight', { stem: false })).toEqual(['fight', 'FIGHT']);
  });

  it('keeps wildcards as wildcards and stems the other words of a phrase', () => {
    expect(found(text, 'fight*')).toEqual(['fights', 'Fighting', 'fighters', 'fight', 'FIGHT']);
    expect(found(text, 'foreign fighter')).toEqual(['foreign fighters']);
    expect(found('negotiations were negotiated by negotiators; negation', 'negotiation')).toEqual(['negotiations', 'negotiated', 'negotiators']);
  });

  it('matches case and diacritics on the letters a hit shares with the query word', () => {
    expect(found(text, 'Fight', { matchCase: true })).toEqual(['Fighting']);
    expect(found(text, 'fight', { matchCase: true })).toEqual(['fights', 'fight']);
    expect(found('café cafés cafes', 'café', { matchDiacritics: true })).toEqual(['café', 'cafés']);
    expect(found('café cafés cafes', 'café')).toEqual(['café', 'cafés', 'cafes']);
  });

  it('counts each hit once in any-word queries whose words share a stem', () => {
    expect(found(text, 'fight fights', { mode: 'any' })).toEqual(['fights', 'Fighting', 'fight', 'FIGHT']);
  });
});
