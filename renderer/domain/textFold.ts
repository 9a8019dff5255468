/**
 * Folding text for find: typographic quotes, apostrophes and dashes match their plain
 * keyboard forms, and — unless asked to match them — letter case and diacritics are ignored.
 * The folded text remembers where each of its code units came from, so a match in it maps
 * back to exact offsets (UTF-16) of the original.
 */
import { isHighSurrogate } from '../../common/text/codePoints';

export interface FoldOptions {
  matchCase: boolean;
  matchDiacritics: boolean;
}

export interface FoldedText {
  text: string;
  /**
   * Source offset of the character each folded code unit came from, plus the source length at
   * the end; null when folding kept every offset (then folded offsets are source offsets).
   */
  from: Int32Array | null;
}

const PLAIN: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\0-\x7f]/;
/** Arabic tatweel stretches a word; like a diacritic it does not change it. */
const TATWEEL = '\u0640';

function foldChar(ch: string, options: FoldOptions): string {
  let out = PLAIN[ch] ?? ch;
  if (!options.matchCase) out = out.toLowerCase();
  if (!options.matchDiacritics && NON_ASCII.test(out)) {
    out = out === TATWEEL ? '' : out.normalize('NFD').replace(MARKS, '').normalize('NFC');
  }
  return out;
}

/** Folds one string (a query) without the offset map. */
export function foldQuery(query: string, options: FoldOptions): string {
  let out = '';
  for (const ch of query) out += foldChar(ch, options);
  return out;
}

/** `map`, or a copy twice as large when it cannot hold index `last` and the end entry. */
function withRoom(map: Int32Array, last: number): Int32Array {
  if (last < map.length - 1) return map;
  const bigger = new Int32Array((last + 1) * 2);
  bigger.set(map);
  return bigger;
}

export function foldText(source: string, options: FoldOptions): FoldedText {
  const parts: string[] = [];
  const memo = new Map<string, string>();
  let length = 0;
  // Folding is mostly one code unit for one: the map is made at the first character that
  // changes length (identity up to there) and grows as needed.
  let from: Int32Array | null = null;
  for (let at = 0; at < source.length; ) {
    // A run of ASCII folds by case alone and keeps its length.
    let end = at;
    while (end < source.length && source.charCodeAt(end) < 0x80) end++;
    if (end > at) {
      const run = source.slice(at, end);
      parts.push(options.matchCase ? run : run.toLowerCase());
      if (from) {
        from = withRoom(from, length + run.length);
        for (let k = 0; k < run.length; k++) from[length + k] = at + k;
      }
      length += run.length;
      at = end;
      continue;
    }
    const code = source.charCodeAt(at);
    const ch = isHighSurrogate(code) && at + 1 < source.length ? source.slice(at, at + 2) : source[at]!;
    let folded = memo.get(ch);
    if (folded === undefined) memo.set(ch, (folded = foldChar(ch, options)));
    if (!from && folded.length !== ch.length) {
      from = new Int32Array(source.length + 1);
      for (let i = 0; i < length; i++) from[i] = i;
    }
    if (from) {
      from = withRoom(from, length + folded.length);
      for (let k = 0; k < folded.length; k++) from[length + k] = at;
    }
    parts.push(folded);
    length += folded.length;
    at += ch.length;
  }
  if (from) from[length] = source.length;
  return { text: parts.join(''), from: from ? from.subarray(0, length + 1) : null };
}

/** Source offset of folded offset `i` (null map: the same). */
export const sourceOffset = (folded: FoldedText, i: number): number => (folded.from ? folded.from[i]! : i);
