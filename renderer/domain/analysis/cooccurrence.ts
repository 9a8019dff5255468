/**
 * Code × code co-occurrence in one document. For two codes A and B, `pairs` counts the
 * segments that take part in an A–B co-occurrence: coded A with a segment coded B overlapping
 * it (or within N characters, or on the same paragraph), or the other way round — a segment
 * carrying both counts too. `same` counts the segments carrying both. Summed over documents,
 * the Jaccard index of A and B is pairs / (segments A + segments B − same).
 *
 * The codes a segment touches are found without visiting its neighbours one by one (deeply
 * nested coding makes that quadratic): a sweep keeps the codes of the segments that started
 * before the window and still reach into it, and a table of ORs over runs of code bit sets
 * gives the codes of the segments starting inside the window in two lookups.
 */
import { windowOf, type Distance, type QueryDocument } from './query';
import { LEVELS, codesAt, lowerBound, upperBound } from './units';

export interface PairTally {
  /** Pair keys level × codes² + a × codes + b (a < b), in no particular order. */
  keys: Int32Array;
  pairs: Int32Array;
  same: Int32Array;
}

/** Work arrays shared by every call (one document at a time, in one thread), cleared by the keys used. */
let work = { codes: -1, pairs: new Int32Array(0), same: new Int32Array(0) };

function workFor(codes: number) {
  if (work.codes !== codes) work = { codes, pairs: new Int32Array(2 * codes * codes), same: new Int32Array(2 * codes * codes) };
  return work;
}

/** Per level: each unit's code bit set, and ORs over runs of 2^j units (a sparse table). */
function orTables(doc: QueryDocument, words: number): Uint32Array[][] {
  const n = doc.units.length;
  return LEVELS.map((level) => {
    const masks = new Uint32Array(n * words);
    doc.units.forEach((u, i) => {
      for (const k of codesAt(u, level)) masks[i * words + (k >>> 5)]! |= 1 << (k & 31);
    });
    const table = [masks];
    for (let span = 2; span <= n; span *= 2) {
      const previous = table[table.length - 1]!;
      const next = new Uint32Array(n * words);
      for (let i = 0; i + span <= n; i++) {
        for (let w = 0; w < words; w++) next[i * words + w] = previous[i * words + w]! | previous[(i + span / 2) * words + w]!;
      }
      table.push(next);
    }
    return table;
  });
}

export function tallyCooccurrence(doc: QueryDocument, within: Distance): PairTally {
  const { units } = doc;
  const n = units.length;
  const k = doc.codes.size;
  const square = k * k;
  const words = Math.max(1, Math.ceil(k / 32));
  const { pairs, same } = workFor(k);
  const used: number[] = [];
  const tables = orTables(doc, words);
  const starts = Int32Array.from(units, (u) => u.start);
  const byEnd = Array.from(units.keys()).sort((a, b) => units[a]!.end - units[b]!.end);
  // The sweep: codes of units that start before the window's low end and reach it.
  const active = LEVELS.map(() => ({ counts: new Int32Array(k), mask: new Uint32Array(words) }));
  const touch = (i: number, by: 1 | -1) => {
    for (const level of LEVELS) {
      const { counts, mask } = active[level]!;
      for (const code of codesAt(units[i]!, level)) {
        counts[code]! += by;
        if (counts[code] === (by === 1 ? 1 : 0)) mask[code >>> 5]! ^= 1 << (code & 31);
      }
    }
  };
  const touched = new Uint32Array(words);
  let added = 0;
  let removed = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const [lo, hi] = windowOf(u, within, doc);
    while (added < n && starts[added]! < lo) touch(added++, 1);
    while (removed < n && units[byEnd[removed]!]!.end < lo) touch(byEnd[removed++]!, -1);
    // Units starting inside the window: one contiguous run of the start order.
    const from = lowerBound(starts, lo);
    const to = upperBound(starts, hi);
    for (const level of LEVELS) {
      const table = tables[level]!;
      touched.set(active[level]!.mask);
      if (to > from) {
        const j = 31 - Math.clz32(to - from);
        const a = table[j]!;
        for (let w = 0; w < words; w++) touched[w]! |= a[from * words + w]! | a[(to - (1 << j)) * words + w]!;
      }
      const own = table[0]!;
      const ownCodes = codesAt(u, level);
      for (const a of ownCodes) {
        for (let w = 0; w < words; w++) {
          for (let bits = touched[w]!; bits !== 0; bits &= bits - 1) {
            const b = w * 32 + 31 - Math.clz32(bits & -bits);
            // A code the unit carries itself pairs with `a` once, from the smaller of the two.
            if (b === a || (b < a && own[i * words + (b >>> 5)]! & (1 << (b & 31)))) continue;
            const key = level * square + (a < b ? a * k + b : b * k + a);
            if (pairs[key]!++ === 0) used.push(key);
          }
        }
        for (const b of ownCodes) if (a < b) same[level * square + a * k + b]!++;
      }
    }
  }
  const tally = { keys: new Int32Array(used.length), pairs: new Int32Array(used.length), same: new Int32Array(used.length) };
  for (let i = 0; i < used.length; i++) {
    const key = used[i]!;
    tally.keys[i] = key;
    tally.pairs[i] = pairs[key]!;
    tally.same[i] = same[key]!;
    pairs[key] = same[key] = 0;
  }
  return tally;
}
