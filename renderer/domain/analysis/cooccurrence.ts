/**
 * Code × code co-occurrence in one document. For two codes A and B, `pairs` counts the
 * co-occurrences: pairs of a segment coded A and a segment coded B that overlap (or lie within
 * N characters, or on the same paragraph). A segment carrying both is one such pair with
 * itself, so one segment coded A and B counts 1, as do two overlapping segments coded A and B —
 * MAXQDA's Code Relations Browser counts the same (its segments carry one code each).
 * `involved` counts the segments taking part (those the cell lists), `same` the segments
 * carrying both; summed over documents, the Jaccard index of A and B is
 * involved / (segments A + segments B − same), within [0, 1].
 *
 * The codes a segment touches are found without visiting its neighbours one by one (deeply
 * nested coding makes that quadratic): a sweep over the units by start keeps the codes of the
 * units that started before the window and still reach into it, and a table of ORs over runs
 * of code bit sets gives the codes of the units starting inside the window in two lookups.
 * How many units of a touched code touch the window is then two binary searches in that
 * code's starts and ends.
 */
import { windowOf, type Distance, type QueryDocument } from './query';
import { LEVELS, upperBound, type Units } from './units';

export interface PairTally {
  /** Pair keys level × codes² + a × codes + b (a < b), in no particular order. */
  keys: Int32Array;
  pairs: Int32Array;
  involved: Int32Array;
  same: Int32Array;
}

/**
 * Work arrays shared by every call (one document at a time, in one thread), grown as needed:
 * pair counts (cleared by the keys used), the sparse tables, the end order and the sweep's state.
 */
let work = {
  codes: -1,
  units: 0,
  words: 0,
  pairs: new Int32Array(0),
  involved: new Int32Array(0),
  same: new Int32Array(0),
  used: new Int32Array(0),
  spanFrom: new Int32Array(0),
  spanNext: new Int32Array(0),
  countStamp: new Int32Array(0),
  countOf: new Int32Array(0),
  spanStarts: new Int32Array(0),
  spanEnds: new Int32Array(0),
  activeCounts: new Int32Array(0),
  active: new Uint32Array(0),
  touched: new Uint32Array(0),
  tables: new Uint32Array(0),
  endOrder: new Int32Array(0),
};

/** Marks countOf's entries asked for the current unit and level (countStamp[b] === stamp); an int32, never 0 (countStamp's fill). */
let stamp = 0;

/** Rows of a sparse table over n units: runs of 1, 2, 4, … units. */
const depthOf = (n: number) => (n > 0 ? 32 - Math.clz32(n) : 0);

function workFor(codes: number, units: number, words: number) {
  if (work.codes !== codes || work.words !== words) {
    const size = 2 * codes * codes;
    work = {
      ...work,
      codes,
      words,
      units: 0,
      pairs: new Int32Array(size),
      involved: new Int32Array(size),
      same: new Int32Array(size),
      spanFrom: new Int32Array(2 * (codes + 1)),
      spanNext: new Int32Array(2 * (codes + 1)),
      countStamp: new Int32Array(codes),
      countOf: new Int32Array(codes),
      used: new Int32Array(size),
      activeCounts: new Int32Array(2 * codes),
      active: new Uint32Array(2 * words),
      touched: new Uint32Array(words),
    };
  }
  if (work.units < units) {
    work.units = units;
    work.tables = new Uint32Array(2 * depthOf(units) * units * words);
    work.endOrder = new Int32Array(units);
  }
  return work;
}

/**
 * A level's sparse table in `tables` from `at`: row j holds, for each unit i, the OR of the bit
 * sets of units i … i + 2^j − 1 (row j starts at at + j × n × words).
 */
function fillTable(tables: Uint32Array, at: number, mask: Uint32Array, n: number, words: number): void {
  const row = n * words;
  tables.set(mask, at);
  for (let j = 1, span = 2; span <= n; j++, span *= 2) {
    const previous = at + (j - 1) * row;
    const next = at + j * row;
    const half = (span / 2) * words;
    for (let i = 0; i < (n - span + 1) * words; i++) tables[next + i] = tables[previous + i]! | tables[previous + i + half]!;
  }
}

/**
 * Per level, each code's units as runs of `spanStarts` (in start order) and `spanEnds` (sorted):
 * code c of level l is [spanFrom[l × (codes + 1) + c], spanFrom[l × (codes + 1) + c + 1]).
 */
function fillSpans(units: Units, k: number): void {
  const { count: n, words, starts, ends, masks } = units;
  const from = work.spanFrom;
  from.fill(0);
  for (const level of LEVELS) {
    const base = level * (k + 1);
    for (let i = 0; i < n * words; i++) {
      const w = i % words;
      for (let bits = masks[level][i]!; bits !== 0; bits &= bits - 1) from[base + 1 + w * 32 + 31 - Math.clz32(bits & -bits)]!++;
    }
    for (let c = 0; c < k; c++) from[base + c + 1]! += from[base + c]!;
    if (level === 1) for (let c = 0; c <= k; c++) from[base + c]! += from[k]!;
  }
  const total = from[2 * (k + 1) - 1]!;
  if (work.spanStarts.length < total) {
    work.spanStarts = new Int32Array(total);
    work.spanEnds = new Int32Array(total);
  }
  const { spanStarts, spanEnds } = work;
  const next = work.spanNext;
  next.set(from);
  for (const level of LEVELS) {
    const base = level * (k + 1);
    for (let i = 0; i < n; i++) {
      for (let w = 0; w < words; w++) {
        for (let bits = masks[level][i * words + w]!; bits !== 0; bits &= bits - 1) {
          const at = next[base + w * 32 + 31 - Math.clz32(bits & -bits)]!++;
          spanStarts[at] = starts[i]!;
          spanEnds[at] = ends[i]!;
        }
      }
    }
    for (let c = 0; c < k; c++) sortRun(spanEnds, from[base + c]!, from[base + c + 1]!);
  }
}

/** Sorts values[from, to) in place: runs are a code's units in one document, few and nearly in order (units come by start). */
function sortRun(values: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
}

/** Units of code run [from, to) that touch [lo, hi] (start ≤ hi and end ≥ lo). */
function touching(from: number, to: number, lo: number, hi: number): number {
  return firstAbove(work.spanStarts, hi, from, to) - firstAbove(work.spanEnds, lo - 1, from, to);
}

/** The first index in [from, to) of sorted `values` holding more than x (to when none). */
function firstAbove(values: Int32Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Unit numbers in order of their ends, in `order`. */
function sortByEnd(ends: Int32Array, order: Int32Array): Int32Array {
  const view = order.subarray(0, ends.length);
  let sorted = true;
  for (let i = 0; i < ends.length; i++) {
    view[i] = i;
    if (i > 0 && ends[i - 1]! > ends[i]!) sorted = false;
  }
  return sorted ? view : view.sort((a, b) => ends[a]! - ends[b]!);
}

export function tallyCooccurrence(doc: QueryDocument, within: Distance): PairTally {
  const units: Units = doc.units;
  const { count: n, words, starts, ends, masks } = units;
  const k = doc.codes.size;
  const square = k * k;
  const { pairs, involved, same, used, tables, endOrder: order, activeCounts, active, touched, countStamp, countOf } = workFor(k, n, words);
  fillSpans(units, k);
  const spanFrom = work.spanFrom;
  let usedCount = 0;
  const endOrder = sortByEnd(ends, order);
  const tableSize = depthOf(n) * n * words;
  for (const level of LEVELS) fillTable(tables, level * tableSize, masks[level], n, words);
  // The sweep: per level and code, how many units that started before the window's low end reach it.
  activeCounts.fill(0);
  active.fill(0);
  const touch = (i: number, by: 1 | -1) => {
    for (const level of LEVELS) {
      const mask = masks[level];
      for (let w = 0; w < words; w++) {
        for (let bits = mask[i * words + w]!; bits !== 0; bits &= bits - 1) {
          const code = w * 32 + 31 - Math.clz32(bits & -bits);
          const count = (activeCounts[level * k + code]! += by);
          if (count === (by === 1 ? 1 : 0)) active[level * words + w]! ^= 1 << (code & 31);
        }
      }
    }
  };
  const chars = within === 'paragraph' ? 0 : within.chars;
  let added = 0;
  let removed = 0;
  for (let i = 0; i < n; i++) {
    let lo = starts[i]! - chars;
    let hi = ends[i]! + chars;
    if (within === 'paragraph') [lo, hi] = windowOf(starts[i]!, ends[i]!, within, doc);
    while (added < n && starts[added]! < lo) touch(added++, 1);
    while (removed < n && ends[endOrder[removed]!]! < lo) touch(endOrder[removed++]!, -1);
    // Units starting inside the window: one contiguous run of the start order, from `added` on.
    const from = added;
    const to = upperBound(starts, hi, from);
    const own = i * words;
    for (const level of LEVELS) {
      const mask = masks[level];
      // A unit touches itself (a segment carrying both codes counts), whatever its length.
      for (let w = 0; w < words; w++) touched[w] = active[level * words + w]! | mask[own + w]!;
      if (to > from) {
        const j = 31 - Math.clz32(to - from);
        const runs = level * tableSize + j * n * words;
        for (let w = 0; w < words; w++) touched[w]! |= tables[runs + from * words + w]! | tables[runs + (to - (1 << j)) * words + w]!;
      }
      // How many units of code b touch the window: the same for each code of the unit, so asked once per unit and level.
      stamp = (stamp + 1) | 0;
      if (stamp === 0) {
        countStamp.fill(0);
        stamp = 1;
      }
      const spans = level * (k + 1);
      for (let wa = 0; wa < words; wa++) {
        for (let bitsA = mask[own + wa]!; bitsA !== 0; bitsA &= bitsA - 1) {
          const a = wa * 32 + 31 - Math.clz32(bitsA & -bitsA);
          const row = level * square + a * k;
          for (let w = 0; w < words; w++) {
            const ownBits = mask[own + w]!;
            for (let bits = touched[w]!; bits !== 0; bits &= bits - 1) {
              const bit = bits & -bits;
              const b = w * 32 + 31 - Math.clz32(bit);
              if (b === a) continue;
              if ((ownBits & bit) !== 0) {
                // Both codes on the unit: it takes part once, from the smaller code.
                if (b < a) continue;
                same[row + b]!++;
              }
              const key = a < b ? row + b : level * square + b * k + a;
              if (involved[key]!++ === 0) used[usedCount++] = key;
              // Each pair is counted from its unit coded with the smaller code: its B units touching the window (itself too).
              if (a < b) {
                if (countStamp[b] !== stamp) {
                  countStamp[b] = stamp;
                  countOf[b] = touching(spanFrom[spans + b]!, spanFrom[spans + b + 1]!, lo, hi);
                }
                pairs[key]! += countOf[b]!;
              }
            }
          }
        }
      }
    }
  }
  const buffer = new ArrayBuffer(4 * 4 * usedCount);
  const tally = {
    keys: new Int32Array(buffer, 0, usedCount),
    pairs: new Int32Array(buffer, 4 * usedCount, usedCount),
    involved: new Int32Array(buffer, 8 * usedCount, usedCount),
    same: new Int32Array(buffer, 12 * usedCount, usedCount),
  };
  for (let i = 0; i < usedCount; i++) {
    const key = used[i]!;
    tally.keys[i] = key;
    tally.pairs[i] = pairs[key]!;
    tally.involved[i] = involved[key]!;
    tally.same[i] = same[key]!;
    pairs[key] = involved[key] = same[key] = 0;
  }
  return tally;
}

/**
 * The full squares of a total: tallies hold each pair once (a < b), mirrored here, with each
 * code's segments on the diagonal. New arrays (an answer's, handed over to the main thread).
 */
export function symmetric<T extends Record<string, Int32Array>>(halves: T, segments: Int32Array, k: number): T {
  const square = k * k;
  const full = {} as Record<string, Int32Array>;
  for (const [name, half] of Object.entries(halves)) {
    const m = half.slice();
    for (let level = 0; level < 2; level++) {
      for (let a = 0; a < k; a++) {
        const at = level * square + a * k;
        m[at + a] = segments[level * k + a]!;
        for (let b = a + 1; b < k; b++) m[level * square + b * k + a] = m[at + b]!;
      }
    }
    full[name] = m;
  }
  return full as T;
}
