/**
 * The fixed 50 queries of the search bench (issue 16) on the synthetic corpus — single words
 * (rare and common), phrases, wildcards, any/all words, folded spellings, regular expressions —
 * with what the baselines run for each: a regular expression over the folded texts (the linear
 * scan, whose count is the exact answer ours must equal) and, where it can answer, a MiniSearch
 * query (documents, not hits: it has no positions, phrases or regular expressions).
 */
import { foldQuery } from '../renderer/domain/textFold';
import { DEFAULT_SEARCH_OPTIONS, splitTerms, type MatchMode } from '../renderer/domain/search/query';

export interface BenchQuery {
  text: string;
  mode: MatchMode;
  kind: 'word' | 'phrase' | 'wildcard' | 'words' | 'folded' | 'regex';
}

const q = (text: string, kind: BenchQuery['kind'], mode: MatchMode = 'phrase'): BenchQuery => ({ text, kind, mode });

export const SEARCH_QUERIES: readonly BenchQuery[] = [
  ...['coalition', 'humanitarian', 'ministers', 'the', 'of', 'harbour', 'testimony', 'archive', 'reconstruction', 'displaced', 'negotiation', 'kraków', 'москва', 'الموصل', 'شكرا', 'façade', 'naïve', 'café'].map((w) => q(w, 'word')),
  ...['humanitarian assistance', 'the coalition', 'of the', 'coalition ministers', 'security region', 'displaced communities', 'mountain village', 'winter harvest', 'river market', 'مدينة الموصل', 'التحالف الدولي', 'São Paulo', 'teacher letter', 'border document', 'the old man'].map((w) => q(w, 'phrase')),
  ...['coal*', 'humanit*', 'recon*', 'negot*', 'mount*'].map((w) => q(w, 'wildcard')),
  q('returnees fighters coalition', 'words', 'any'),
  q('harbour winter', 'words', 'all'),
  q('zürich kraków', 'words', 'any'),
  q('archive memory', 'words', 'all'),
  q('"humanitarian assistance" evidence', 'words', 'any'),
  ...['Zurich', 'Istanbul', 'deja', 'senor', 'fiancee'].map((w) => q(w, 'folded')),
  q('harv[a-z]+t', 'regex', 'regex'),
  q('(?:river|mountain) (?:market|village)', 'regex', 'regex'),
];

const WORD = '[\\p{L}\\p{M}\\p{N}]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FOLD = { matchCase: false, matchDiacritics: false };

/** The linear scan's regular expression over texts folded like the index (case, diacritics, quotes). */
function termPattern(term: string): string {
  const body = foldQuery(term, FOLD)
    .split(/\s+/)
    .map((w) => w.split('*').map(escape).join(`${WORD}*`))
    .join('\\s+');
  return `(?<!${WORD})${body}(?!${WORD})`;
}

export interface BaselineQuery {
  /** Patterns over folded texts; with `all`, a document counts only if each matches in it. */
  patterns: string[];
  all: boolean;
  /** MiniSearch's query, or null where it cannot answer. */
  minisearch: { text: string; combineWith: 'AND' | 'OR'; prefix: boolean } | null;
}

export function baselineQuery(query: BenchQuery): BaselineQuery {
  if (query.mode === 'regex') return { patterns: [query.text], all: false, minisearch: null };
  const terms = query.mode === 'phrase' ? [query.text] : splitTerms(query.text);
  const words = terms.flatMap((t) => foldQuery(t, FOLD).split(/\s+/));
  return {
    patterns: query.mode === 'all' ? terms.map(termPattern) : [terms.map(termPattern).join('|')],
    all: query.mode === 'all',
    minisearch: {
      text: words.map((w) => w.replace(/\*$/, '')).join(' '),
      combineWith: query.mode === 'any' ? 'OR' : 'AND',
      prefix: words.some((w) => w.endsWith('*')),
    },
  };
}

/** The options the Search view runs a bench query with (its defaults: whole words, folded). */
export const benchOptions = (query: BenchQuery) => ({ ...DEFAULT_SEARCH_OPTIONS, mode: query.mode, wholeWord: query.mode !== 'regex' });
