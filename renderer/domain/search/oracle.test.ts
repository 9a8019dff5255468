/**
 * Counts against a brute-force oracle: fold the whole text the way the options say, try the
 * query at every position, map back, apply the whole-word and character rules, and step over
 * overlaps. Seeded random texts of words, punctuation, Arabic, emoji and combining marks.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/testing/randomText';
import { foldQuery, foldText, sourceOffset } from '../textFold';
import { withoutOverlaps } from './hits';
import { parseQuery, type SearchOptions } from './query';
import { SearchIndex } from './searchIndex';
import { isWholeWord } from './words';
import type { Span } from '../span';

const WORDS = ['the', 'The', 'THE', 'theme', 'café', 'cafe', 'Café', 'cafe\u0301', 'Da’esh', "Da'esh", 'Da‘esh’s', 'fighters', 'fighter', 'U.S.', 'US', 'مدينة', 'مَدِينَة', 'الموصل', 'بالموصل', 'naïve', 'naive', '😀', 'x😀y', 'a', 'aa', 'aaa', 'İstanbul', 'istanbul'];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ', ', '. ', ' — ', ' - ', '’s ', ' “', '” ', '،'];
const QUERIES = ['the', 'The', 'café', 'cafe', "Da'esh", 'Da’esh’s', 'fighter', 'fighters', 'U.S.', 'US', 'مدينة', 'الموصل', 'naive', 'aa', 'a', 'the cafe', "Da'esh fighters", 'th', 'eme', 'istanbul', 'x', 'e - the', '. The', '—'];

function randomDocument(random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    parts.push(WORDS[Math.floor(random() * WORDS.length)]!);
    parts.push(SEPARATORS[Math.floor(random() * SEPARATORS.length)]!);
  }
  return parts.join('').normalize('NFC');
}

const MARK = /^\p{M}/u;
const splitsCharacter = (text: string, at: number) =>
  at > 0 && at < text.length && ((text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff) || MARK.test(text.slice(at, at + 2)));

function oracle(text: string, query: string, options: SearchOptions): Span[] {
  const fold = { matchCase: options.matchCase, matchDiacritics: options.matchDiacritics };
  const folded = foldText(text, fold);
  const needle = foldQuery(query, fold).replace(/\s+/g, ' ').trim();
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'uy');
  const cuts = (i: number) => i > 0 && i < folded.text.length && sourceOffset(folded, i) === sourceOffset(folded, i - 1);
  const out: Span[] = [];
  for (let at = 0; at < folded.text.length; at++) {
    pattern.lastIndex = at;
    const m = pattern.exec(folded.text);
    if (!m) continue;
    const to = at + m[0].length;
    if (cuts(at) || cuts(to)) continue;
    const span = { start: sourceOffset(folded, at), end: sourceOffset(folded, to) };
    if (splitsCharacter(text, span.start) || splitsCharacter(text, span.end)) continue;
    if (options.wholeWord && !isWholeWord(text, span.start, span.end)) continue;
    out.push(span);
  }
  return withoutOverlaps(out);
}

describe('search counts equal a brute-force oracle', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}`, () => {
      const random = seededRandom(seed);
      const texts = Array.from({ length: 8 }, () => randomDocument(random, 20 + Math.floor(random() * 300)));
      const index = new SearchIndex();
      texts.forEach((t, i) => index.add(`d${i}`, t));
      const documents = texts.map((_, i) => `d${i}`);
      let total = 0;
      for (const query of QUERIES) {
        for (let k = 0; k < 4; k++) {
          const options: SearchOptions = { mode: 'phrase', matchCase: random() < 0.3, matchDiacritics: random() < 0.3, wholeWord: random() < 0.5 };
          const parsed = parseQuery(query, options);
          if (!parsed.ok) throw new Error(parsed.message);
          const list = index.search(parsed.query, options, { documents });
          const ours = texts.map(() => [] as string[]);
          for (let i = 0; i < list.count; i++) ours[Number(list.documents[list.doc[i]!]!.slice(1))]!.push(`${list.start[i]}-${list.end[i]}`);
          const expected = texts.map((t) => oracle(t, query, options).map((s) => `${s.start}-${s.end}`));
          expect({ query, options, hits: ours }).toEqual({ query, options, hits: expected });
          total += list.count;
        }
      }
      expect(total).toBeGreaterThan(1000); // the comparison is not of empty lists
    });
  }
});
