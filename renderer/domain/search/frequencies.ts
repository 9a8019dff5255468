/**
 * Word frequencies: how often each word occurs in the chosen documents (or only in the text
 * coded with a code), stop words left out. Words are counted folded, as search matches them
 * ("Coalition" and "coalition" are one word), and shown in their first lower-case spelling.
 */
import { foldQuery } from '../textFold';
import type { SearchIndex, SearchScope } from './searchIndex';
import { FULL_FOLD } from './vocabulary';
import { joinedByApostrophe } from './words';

/**
 * English function words (the common NLTK list, with its contractions: a word keeps its
 * apostrophe, "don't"); "s", "t", "ll" … are what an apostrophe leaves after a space ("ISIS ’s").
 */
export const DEFAULT_STOP_WORDS: readonly string[] = (
  'a about above after again against all am an and any are as at be because been before being below between both but by ' +
  'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
  'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
  'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
  'these they this those through to too under until up very was we were what when where which while who whom why will ' +
  'with would you your yours yourself yourselves also may must shall upon s t d ll m o re ve y ' +
  "ain't aren't can't couldn't didn't doesn't don't hadn't hasn't haven't he's i'm i've isn't it's let's mightn't mustn't " +
  "needn't shan't she's should've shouldn't that'll that's there's they're they've wasn't we'll we're we've weren't won't " +
  "wouldn't you'd you'll you're you've"
).split(' ');

/** Stop words as typed (one per line or separated by spaces or commas), folded like the index. */
export function parseStopWords(text: string): Set<string> {
  return new Set(
    text
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((w) => foldQuery(w, FULL_FOLD)),
  );
}

export interface WordFrequency {
  word: string;
  count: number;
  /** Documents the word occurs in. */
  documents: number;
}

export interface FrequencyTable {
  words: WordFrequency[];
  /** Words counted (stop words and numbers included). */
  totalWords: number;
  /** Distinct words that are not stop words or numbers. */
  distinctWords: number;
}

const HAS_LETTER = /\p{L}/u;

/** A word made of several index words joined by apostrophes (Da’esh): counted under its folded spelling. */
interface JoinedWord {
  display: string;
  count: number;
  documents: number;
  lastDocument: number;
}

export function wordFrequencies(index: SearchIndex, scope: SearchScope, stopWords: ReadonlySet<string>, limit: number): FrequencyTable {
  const v = index.vocabulary;
  const counts = new Int32Array(v.size);
  const documents = new Int32Array(v.size);
  const lastDocument = new Int32Array(v.size).fill(-1);
  const joined = new Map<string, JoinedWord>();
  let totalWords = 0;
  scope.documents.forEach((id, d) => {
    const doc = index.document(id);
    if (!doc) return;
    const ranges = scope.regions?.ranges.get(id) ?? null;
    const inside = scope.regions?.mode === 'inside';
    if (inside && !ranges) return;
    let r = 0;
    for (let i = 0; i < doc.ids.length; i++) {
      // The index splits a word at its apostrophes (search finds "ISIS" in "ISIS’s"); counted, it is one word.
      let last = i;
      while (last + 1 < doc.ids.length && joinedByApostrophe(doc.text, doc.ends[last]!, doc.starts[last + 1]!)) last++;
      const start = doc.starts[i]!;
      const end = doc.ends[last]!;
      const first = i;
      i = last;
      if (scope.regions && ranges) {
        // Words and ranges both run in text order: walk them together.
        while (r < ranges.length && ranges[r + 1]! <= start) r += 2;
        const within = r < ranges.length && ranges[r]! <= start && end <= ranges[r + 1]!;
        const touches = r < ranges.length && ranges[r]! < end;
        if (inside ? !within : touches) continue;
      }
      totalWords++;
      if (last === first) {
        const w = doc.ids[first]!;
        counts[w]!++;
        if (lastDocument[w] !== d) {
          lastDocument[w] = d;
          documents[w]!++;
        }
        continue;
      }
      const key = foldQuery(doc.text.slice(start, end), FULL_FOLD);
      let word = joined.get(key);
      if (!word) joined.set(key, (word = { display: doc.text.slice(start, end).toLowerCase(), count: 0, documents: 0, lastDocument: -1 }));
      word.count++;
      if (word.lastDocument !== d) {
        word.lastDocument = d;
        word.documents++;
      }
    }
  });
  const kept: WordFrequency[] = [];
  for (let w = 0; w < counts.length; w++) {
    if (counts[w] && !stopWords.has(v.terms[w]!) && HAS_LETTER.test(v.terms[w]!)) kept.push({ word: v.display[w]!, count: counts[w]!, documents: documents[w]! });
  }
  for (const [key, word] of joined) {
    if (!stopWords.has(key) && HAS_LETTER.test(key)) kept.push({ word: word.display, count: word.count, documents: word.documents });
  }
  kept.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  return { words: kept.slice(0, limit), totalWords, distinctWords: kept.length };
}
