/** The postings-only answer for one whole word equals the general search, in the scope's document order. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/testing/randomText';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, type SearchOptions } from './query';
import { SearchIndex, type SearchScope } from './searchIndex';

const WORDS = ['the', 'The', 'theme', 'fight', 'fights', 'fighting', 'fighters', 'café', 'cafe\u0301', 'Da’esh', 'الموصل', '😀', 'naïve'];

function listed(index: SearchIndex, query: string, options: SearchOptions, scope: SearchScope): string[] {
  const parsed = parseQuery(query, options);
  if (!parsed.ok) throw new Error(parsed.message);
  const list = index.search(parsed.query, options, scope);
  return Array.from({ length: list.count }, (_, i) => `${list.documents[list.doc[i]!]}:${list.start[i]}-${list.end[i]}`);
}

describe('one whole word from the postings', () => {
  it('equals the general search (forced by an empty "outside" bound) for words, wildcards and stems, one or any or all, in scope order', () => {
    const random = seededRandom(7);
    const index = new SearchIndex();
    const ids = Array.from({ length: 12 }, (_, d) => `d${d}`);
    for (const id of ids) index.add(id, Array.from({ length: 200 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(random() < 0.5 ? ' ' : ', '));
    const scope = { documents: [...ids].reverse().filter((_, i) => i % 3 !== 1) };
    const general = { ...scope, regions: { mode: 'outside' as const, ranges: new Map<string, Int32Array>() } };
    let compared = 0;
    for (const query of ['the', 'fight', 'fight*', 'cafe', 'naive', 'الموصل', '😀', 'da', 'nothing']) {
      for (const stem of [false, true]) {
        const options = { ...DEFAULT_SEARCH_OPTIONS, stem };
        const fast = listed(index, query, options, scope);
        expect(fast, `${query} stem ${stem}`).toEqual(listed(index, query, options, general));
        compared += fast.length;
      }
    }
    // Several words, any or all of them (one text word two query words fit is one hit).
    for (const query of ['fight the', 'fight fight*', 'cafe naive', 'الموصل nothing', 'theme fighters café']) {
      for (const mode of ['any', 'all'] as const) {
        for (const stem of [false, true]) {
          const options = { ...DEFAULT_SEARCH_OPTIONS, mode, stem };
          const fast = listed(index, query, options, scope);
          expect(fast, `${mode}: ${query} stem ${stem}`).toEqual(listed(index, query, options, general));
          compared += fast.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
