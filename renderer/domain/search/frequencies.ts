/**
 * Word frequencies: how often each word occurs in the chosen documents (or only in the text
 * coded with a code), stop words left out. Words are counted folded, as search matches them
 * ("Coalition" and "coalition" are one word), and shown in their first lower-case spelling.
 */
import { foldQuery } from '../textFold';
import type { SearchIndex, SearchScope } from './searchIndex';
import { FULL_FOLD } from './vocabulary';

/** English function words (the common NLTK list); "s", "t", "ll" … are what apostrophes leave ("Da’esh’s", "don’t"). */
export const DEFAULT_STOP_WORDS: readonly string[] = (
  'a about above after again against all am an and any are as at be because been before being below between both but by ' +
  'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
  'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
  'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
  'these they this those through to too under until up very was we were what when where which while who whom why will ' +
  'with would you your yours yourself yourselves also may must shall upon s t d ll m o re ve y'
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

export function wordFrequencies(index: SearchIndex, scope: SearchScope, stopWords: ReadonlySet<string>, limit: number): FrequencyTable {
  const v = index.vocabulary;
  const counts = new Int32Array(v.size);
  const documents = new Int32Array(v.size);
  const lastDocument = new Int32Array(v.size).fill(-1);
  let totalWords = 0;
  scope.documents.forEach((id, d) => {
    const doc = index.document(id);
    if (!doc) return;
    const ranges = scope.regions?.ranges.get(id) ?? null;
    const inside = scope.regions?.mode === 'inside';
    if (inside && !ranges) return;
    let r = 0;
    for (let i = 0; i < doc.ids.length; i++) {
      if (scope.regions && ranges) {
        // Words and ranges both run in text order: walk them together.
        while (r < ranges.length && ranges[r + 1]! <= doc.starts[i]!) r += 2;
        const within = r < ranges.length && ranges[r]! <= doc.starts[i]! && doc.ends[i]! <= ranges[r + 1]!;
        const touches = r < ranges.length && ranges[r]! < doc.ends[i]!;
        if (inside ? !within : touches) continue;
      }
      const w = doc.ids[i]!;
      counts[w]!++;
      totalWords++;
      if (lastDocument[w] !== d) {
        lastDocument[w] = d;
        documents[w]!++;
      }
    }
  });
  const kept: number[] = [];
  for (let w = 0; w < counts.length; w++) {
    if (counts[w] && !stopWords.has(v.terms[w]!) && HAS_LETTER.test(v.terms[w]!)) kept.push(w);
  }
  kept.sort((a, b) => counts[b]! - counts[a]! || (v.display[a]! < v.display[b]! ? -1 : 1));
  return {
    words: kept.slice(0, limit).map((w) => ({ word: v.display[w]!, count: counts[w]!, documents: documents[w]! })),
    totalWords,
    distinctWords: kept.length,
  };
}
