/**
 * Keyword in context: a hit with the text either side, white space flattened so each hit is
 * one line; and the orders a KWIC list sorts by (document, position, the word before, the
 * word after).
 */
import { isHighSurrogate, isLowSurrogate } from '../../../common/text/codePoints';

export const CONTEXT_LENGTH = 80;

export const KWIC_SORTS = ['document', 'position', 'left', 'right'] as const;
export type KwicSortKey = (typeof KWIC_SORTS)[number];
export interface KwicSort {
  key: KwicSortKey;
  descending: boolean;
}
export const DEFAULT_KWIC_SORT: KwicSort = { key: 'document', descending: false };

export interface KwicRow {
  /** The hit's number in document order (stable across sorts: what selections refer to). */
  hit: number;
  documentId: string;
  /** UTF-16 offsets in the document's text. */
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

const flatten = (s: string) => s.replace(/\s+/g, ' ');

/** The text before and after a hit, at most `length` units each, never half a surrogate pair. */
export function contextOf(text: string, start: number, end: number, length = CONTEXT_LENGTH): Pick<KwicRow, 'left' | 'match' | 'right'> {
  let from = Math.max(0, start - length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + length);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { left: flatten(text.slice(from, start)), match: flatten(text.slice(start, end)), right: flatten(text.slice(end, to)) };
}
