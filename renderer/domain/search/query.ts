/**
 * What the analyst typed, and how: the query of the Search view parsed into terms (words,
 * "quoted phrases", wildcards such as fight*) or a regular expression, with its options.
 */
import { z } from 'zod';
import { errorMessage } from '../../../common/errorMessage';

export const MATCH_MODES = ['all', 'any', 'phrase', 'regex'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const SearchOptionsSchema = z.object({
  /** all: documents holding every term (each term's hits shown); any: hits of any term; phrase: the whole query as typed; regex: a JavaScript regular expression. */
  mode: z.enum(MATCH_MODES),
  matchCase: z.boolean(),
  /** Off: diacritics are folded (Communique finds Communiqué). Typographic quotes and dashes always match their plain forms. */
  matchDiacritics: z.boolean(),
  wholeWord: z.boolean(),
  /** English stemming: a word finds the words of its stem (fight: fights, fighting), whole words only. Absent in searches saved before it existed. */
  stem: z.boolean().optional(),
});
export type SearchOptions = z.infer<typeof SearchOptionsSchema>;

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { mode: 'phrase', matchCase: false, matchDiacritics: false, wholeWord: true, stem: false };

/** The wildcard: any run of word characters (none included), inside one word. */
export const WILDCARD = '*';

export interface Term {
  /** As typed (quotes of a quoted phrase removed). */
  text: string;
  hasWildcard: boolean;
}

export type ParsedQuery =
  | { kind: 'terms'; mode: Exclude<MatchMode, 'regex'>; terms: Term[] }
  | { kind: 'regex'; source: string; flags: string };

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; message: string };

const OPENING_QUOTES = '"\u201c\u201e';
const CLOSING_QUOTES = '"\u201d\u201c';

/** Words and "quoted phrases" (straight or typographic quotes); an unclosed quote runs to the end. */
export function splitTerms(input: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i]!)) i++;
    if (i >= input.length) break;
    if (OPENING_QUOTES.includes(input[i]!)) {
      let end = i + 1;
      while (end < input.length && !CLOSING_QUOTES.includes(input[end]!)) end++;
      const phrase = input.slice(i + 1, end).trim();
      if (phrase) out.push(phrase.replace(/\s+/g, ' '));
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!)) end++;
    out.push(input.slice(i, end));
    i = end;
  }
  return out;
}

const term = (text: string): Term => ({ text, hasWildcard: text.includes(WILDCARD) });

export function parseQuery(input: string, options: SearchOptions): ParseResult {
  if (!input.trim()) return { ok: false, message: 'Type something to search for.' };
  if (options.mode === 'regex') {
    const flags = options.matchCase ? 'gu' : 'giu';
    try {
      new RegExp(input, flags);
    } catch (err) {
      // The engine's message repeats "Invalid regular expression" and the pattern: keep only why.
      const why = errorMessage(err).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      return { ok: false, message: `Not a valid regular expression: ${why.charAt(0).toLowerCase()}${why.slice(1)}.` };
    }
    return { ok: true, query: { kind: 'regex', source: input, flags } };
  }
  if (options.mode === 'phrase') return { ok: true, query: { kind: 'terms', mode: 'phrase', terms: [term(input.trim().replace(/\s+/g, ' '))] } };
  const terms = [...new Set(splitTerms(input))].map(term);
  if (terms.length === 0) return { ok: false, message: 'Type something to search for.' };
  return { ok: true, query: { kind: 'terms', mode: options.mode, terms } };
}
