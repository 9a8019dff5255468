/**
 * A stretch of text as its words: runs of non-white-space, kept as offsets into the source
 * (no substrings, so a quote of 10 MB costs three typed arrays, not two million strings) with
 * a hash of each word so most comparisons are one integer compare.
 */

export interface WordTokens {
  source: string;
  count: number;
  /** UTF-16 offsets into `source`, end exclusive. */
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
}

/** The white space of JavaScript's `\s`, so words split exactly where a `\s+` pattern would. */
export function isWhiteSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The words of `source` between `from` and `to` (a word cut by either bound is cut there too). */
export function tokenize(source: string, from = 0, to = source.length): WordTokens {
  let count = 0;
  for (let i = from, inWord = false; i < to; i++) {
    const white = isWhiteSpace(source.charCodeAt(i));
    if (!white && !inWord) count++;
    inWord = !white;
  }
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const hashes = new Int32Array(count);
  let n = 0;
  let i = from;
  while (n < count) {
    while (isWhiteSpace(source.charCodeAt(i))) i++;
    starts[n] = i;
    let hash = 0x811c9dc5; // FNV-1a over UTF-16 code units
    for (; i < to && !isWhiteSpace(source.charCodeAt(i)); i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    ends[n] = i;
    hashes[n] = hash;
    n++;
  }
  return { source, count, starts, ends, hashes };
}

export const wordLength = (t: WordTokens, i: number) => t.ends[i]! - t.starts[i]!;

/** Whether `len` code units of `a` at `aAt` equal those of `b` at `bAt`. */
function sameUnits(a: string, aAt: number, b: string, bAt: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a.charCodeAt(aAt + k) !== b.charCodeAt(bAt + k)) return false;
  return true;
}

/** Word `i` of `q` is word `j` of `t`. */
export function sameWord(q: WordTokens, i: number, t: WordTokens, j: number): boolean {
  const len = wordLength(q, i);
  return q.hashes[i] === t.hashes[j] && len === wordLength(t, j) && sameUnits(q.source, q.starts[i]!, t.source, t.starts[j]!, len);
}

/** Word `j` of `t` ends with word `i` of `q` (a quote that starts inside a word). */
export function endsWithWord(t: WordTokens, j: number, q: WordTokens, i: number): boolean {
  const len = wordLength(q, i);
  return len <= wordLength(t, j) && sameUnits(q.source, q.starts[i]!, t.source, t.ends[j]! - len, len);
}

/** Word `j` of `t` starts with word `i` of `q` (a quote that ends inside a word). */
export function startsWithWord(t: WordTokens, j: number, q: WordTokens, i: number): boolean {
  const len = wordLength(q, i);
  return len <= wordLength(t, j) && sameUnits(q.source, q.starts[i]!, t.source, t.starts[j]!, len);
}
