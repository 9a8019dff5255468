/**
 * The distinct words of the indexed texts, folded (case, diacritics, typographic quotes and
 * dashes: domain/textFold.ts), each with an id, its occurrence count and a display form; and
 * which words a query word matches (exactly, as a prefix, a suffix, a part, or by wildcard).
 */
import { foldQuery, type FoldOptions } from '../textFold';
import { WILDCARD } from './query';
import { stemOf } from './stemming';

/** The index folds everything it can; a query asking for case or diacritics is checked against the text afterwards. */
export const FULL_FOLD: FoldOptions = { matchCase: false, matchDiacritics: false };

/**
 * How a query word may sit in a text word: the whole of it, open on a side when whole-word is
 * off, or (stemming) a whole text word of the same English stem.
 */
export type WordFit = 'exact' | 'prefix' | 'suffix' | 'part' | 'stem';

export class Vocabulary {
  readonly terms: string[] = [];
  /** The first spelling met, in lower case (accents kept): what word lists show. */
  readonly display: string[] = [];
  counts = new Int32Array(1024);
  private readonly byTerm = new Map<string, number>();
  /** Raw spellings already folded, so each distinct spelling is folded once. */
  private readonly byRaw = new Map<string, number>();
  /** Word matches already scanned for, extended as the vocabulary grows. */
  private readonly scans = new Map<string, { scanned: number; ids: number[] }>();
  /** Ids by stem, made the first time stemming is asked for and extended as the vocabulary grows. */
  private readonly stems = { scanned: 0, ids: new Map<string, number[]>() };

  get size(): number {
    return this.terms.length;
  }

  /** The id of a raw word of a text (added when new). */
  idOfRaw(raw: string): number {
    let id = this.byRaw.get(raw);
    if (id === undefined) {
      const term = foldQuery(raw, FULL_FOLD);
      id = this.byTerm.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.display.push(raw.toLowerCase());
        this.byTerm.set(term, id);
        if (id >= this.counts.length) {
          const bigger = new Int32Array(this.counts.length * 2);
          bigger.set(this.counts);
          this.counts = bigger;
        }
      }
      this.byRaw.set(raw, id);
    }
    return id;
  }

  idOf(term: string): number | undefined {
    return this.byTerm.get(term);
  }

  /** Ids of the words a folded query word fits (see WordFit); a word with `*` is a pattern. */
  matching(word: string, fit: WordFit): readonly number[] {
    if (fit === 'stem') return this.sameStem(word);
    if (!word.includes(WILDCARD) && fit === 'exact') {
      const id = this.byTerm.get(word);
      return id === undefined ? [] : [id];
    }
    const key = `${fit}\u0000${word}`;
    let scan = this.scans.get(key);
    if (!scan) this.scans.set(key, (scan = { scanned: 0, ids: [] }));
    if (scan.scanned < this.terms.length) {
      const test = wordTest(word, fit);
      for (let id = scan.scanned; id < this.terms.length; id++) if (test(this.terms[id]!)) scan.ids.push(id);
      scan.scanned = this.terms.length;
    }
    return scan.ids;
  }

  private sameStem(word: string): readonly number[] {
    const { stems } = this;
    for (let id = stems.scanned; id < this.terms.length; id++) {
      const stem = stemOf(this.terms[id]!);
      const ids = stems.ids.get(stem);
      if (ids) ids.push(id);
      else stems.ids.set(stem, [id]);
    }
    stems.scanned = this.terms.length;
    return stems.ids.get(stemOf(word)) ?? [];
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a query word: `*` is any run of word characters (text words hold nothing else). */
export function wordPattern(word: string, fit: WordFit, flags = 'u'): RegExp {
  const body = word.split(WILDCARD).map(escape).join('.*');
  const start = fit === 'exact' || fit === 'prefix' ? '^' : '';
  const end = fit === 'exact' || fit === 'suffix' ? '$' : '';
  return new RegExp(`${start}${body}${end}`, flags);
}

function wordTest(word: string, fit: WordFit): (term: string) => boolean {
  if (word.includes(WILDCARD)) {
    const pattern = wordPattern(word, fit);
    return (term) => pattern.test(term);
  }
  switch (fit) {
    case 'prefix':
      return (term) => term.startsWith(word);
    case 'suffix':
      return (term) => term.endsWith(word);
    case 'part':
      return (term) => term.includes(word);
    default:
      return (term) => term === word;
  }
}

/**
 * Where a query word sits in a text word it fits, as [start, end) offsets into the folded
 * text word: every place for a part (non-overlapping, left to right), else the one place.
 */
export function placesInWord(term: string, word: string, fit: WordFit): Array<[number, number]> {
  if (fit === 'exact' || fit === 'stem') return [[0, term.length]];
  if (word.includes(WILDCARD)) {
    const pattern = wordPattern(word, fit, 'gu');
    const out: Array<[number, number]> = [];
    for (let m = pattern.exec(term); m; m = pattern.exec(term)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
      if (fit !== 'part') break;
    }
    return out;
  }
  if (fit === 'prefix') return [[0, word.length]];
  if (fit === 'suffix') return [[term.length - word.length, term.length]];
  const out: Array<[number, number]> = [];
  for (let at = term.indexOf(word); at >= 0; at = term.indexOf(word, at + 1)) out.push([at, at + word.length]);
  return out;
}
