/**
 * Words for search: a word is a run of letters, combining marks and digits in any script
 * (so an Arabic word with its harakat is one word). Search matches "Da’esh" as two such words
 * joined by an apostrophe, as a word processor's whole-word find does, so "ISIS" also finds
 * "ISIS’s"; counting words (word frequencies) takes an apostrophe between two words as part of
 * one word (joinedByApostrophe). Tokens are kept as offsets into the text; no substrings are made here.
 */
import { isHighSurrogate, isLowSurrogate } from '../../../common/text/codePoints';

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/** 1 for a word character of the Basic Multilingual Plane (built on first use: 65,536 tests, once). */
let bmpTable: Uint8Array | null = null;
const astral = new Map<number, boolean>();

function table(): Uint8Array {
  if (!bmpTable) {
    bmpTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (WORD_CHARACTER.test(String.fromCharCode(c))) bmpTable[c] = 1;
    }
  }
  return bmpTable;
}

export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000) return table()[codePoint] === 1;
  let word = astral.get(codePoint);
  if (word === undefined) astral.set(codePoint, (word = WORD_CHARACTER.test(String.fromCodePoint(codePoint))));
  return word;
}

/** Whether the character that starts at `offset` is a word character (false at the end). */
export function isWordAt(text: string, offset: number): boolean {
  if (offset < 0 || offset >= text.length) return false;
  return isWordCodePoint(text.codePointAt(offset)!);
}

/** Whether the character that ends at `offset` is a word character (false at the start). */
export function isWordBefore(text: string, offset: number): boolean {
  if (offset <= 0 || offset > text.length) return false;
  const last = offset - 1;
  const pairStart = isLowSurrogate(text.charCodeAt(last)) && last > 0 && isHighSurrogate(text.charCodeAt(last - 1));
  return isWordAt(text, pairStart ? last - 1 : last);
}

/**
 * A whole word match: it does not continue a word on either side. A side that starts or ends
 * with punctuation needs nothing there ("U.S." is whole before any letter).
 */
export function isWholeWord(text: string, start: number, end: number): boolean {
  if (isWordAt(text, start) && isWordBefore(text, start)) return false;
  if (isWordBefore(text, end) && isWordAt(text, end)) return false;
  return true;
}

export interface Tokens {
  count: number;
  /** UTF-16 offsets into the text, end exclusive. */
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * The words of `text`. `extraWordUnit` (a code unit) counts as a word character too: the
 * query's wildcard `*` stays inside its word.
 */
export function tokenize(text: string, extraWordUnit = -1): Tokens {
  const bmp = table();
  let starts: Int32Array = new Int32Array(Math.max(16, text.length >> 3));
  let ends: Int32Array = new Int32Array(starts.length);
  let count = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (unit === extraWordUnit) word = true;
    else if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      word = isWordCodePoint(text.codePointAt(i)!);
      width = 2;
    } else word = bmp[unit] === 1;
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (count === starts.length) ({ starts, ends } = grow(starts, ends));
      starts[count] = start;
      ends[count++] = i;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) {
    if (count === starts.length) ({ starts, ends } = grow(starts, ends));
    starts[count] = start;
    ends[count++] = text.length;
  }
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

function grow(starts: Int32Array, ends: Int32Array): { starts: Int32Array; ends: Int32Array } {
  const s = new Int32Array(starts.length * 2);
  const e = new Int32Array(starts.length * 2);
  s.set(starts);
  e.set(ends);
  return { starts: s, ends: e };
}

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTATION_MARK = 0x2019;

/**
 * Whether the word that ends at `end` and the next, starting at `nextStart`, are one word
 * joined by an apostrophe (’ or '): Da’esh, don't, l’État, Qur'an. An apostrophe with a word on
 * one side only is a quotation mark (‘coalition’) and joins nothing.
 */
export function joinedByApostrophe(text: string, end: number, nextStart: number): boolean {
  if (nextStart !== end + 1) return false;
  const unit = text.charCodeAt(end);
  return unit === APOSTROPHE || unit === RIGHT_SINGLE_QUOTATION_MARK;
}

/** Index of the first token whose end is after `offset` (tokens.count when none). */
export function tokenAtOrAfter(tokens: Pick<Tokens, 'ends' | 'count'>, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
