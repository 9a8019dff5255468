/**
 * Code × code co-occurrence in one document. For two codes A and B, `pairs` counts the
 * segments that take part in an A–B co-occurrence: coded A with a segment coded B overlapping
 * it (or within N characters, or on the same paragraph), or the other way round — a segment
 * carrying both counts too. `same` counts the segments carrying both. Summed over documents,
 * the Jaccard index of A and B is pairs / (segments A + segments B − same).
 */
import { windowOf, type Distance, type QueryDocument } from './query';
import { LEVELS, codesAt, lowerBound, type Unit } from './units';

export interface PairTally {
  /** Pair keys a × codes + b (a < b), level 0 then level 1 (offset by codes²). */
  keys: Int32Array;
  pairs: Int32Array;
  same: Int32Array;
}

/** Units longer than this are checked against every unit; shorter ones only near their start. */
const LONG_UNIT = 1000;

/** The units touching [lo, hi] (start ≤ hi and end ≥ lo), each visited once. */
function forEachTouching(units: readonly Unit[], starts: Int32Array, long: readonly number[], lo: number, hi: number, visit: (t: Unit) => void) {
  for (let i = lowerBound(starts, lo - LONG_UNIT); i < units.length && starts[i]! <= hi; i++) {
    const t = units[i]!;
    if (t.end >= lo && t.end - t.start <= LONG_UNIT) visit(t);
  }
  for (const i of long) {
    const t = units[i]!;
    if (t.start <= hi && t.end >= lo) visit(t);
  }
}

/**
 * Work arrays shared by every call (one document at a time, in one thread): dense counts, and
 * stamps that mark what the current unit already counted without clearing between units.
 */
let work = { codes: -1, pairs: new Int32Array(0), same: new Int32Array(0), pairStamp: new Int32Array(0), codeStamp: new Int32Array(0), stamp: 0 };

function workFor(codes: number) {
  if (work.codes !== codes || work.stamp > 2e9) {
    const square = codes * codes;
    work = { codes, pairs: new Int32Array(2 * square), same: new Int32Array(2 * square), pairStamp: new Int32Array(2 * square), codeStamp: new Int32Array(2 * codes), stamp: 0 };
  }
  return work;
}

export function tallyCooccurrence(doc: QueryDocument, within: Distance): PairTally {
  const { units } = doc;
  const k = doc.codes.size;
  const square = k * k;
  const w = workFor(k);
  const { pairs, same, pairStamp, codeStamp } = w;
  /** Keys counted in this document, to read them out and clear them after. */
  const used: number[] = [];
  const starts = Int32Array.from(units, (u) => u.start);
  const long = units.flatMap((u, i) => (u.end - u.start > LONG_UNIT ? [i] : []));
  const touched: number[][] = [[], []];
  for (const u of units) {
    const stamp = ++w.stamp;
    touched[0]!.length = 0;
    touched[1]!.length = 0;
    const [lo, hi] = windowOf(u, within, doc);
    forEachTouching(units, starts, long, lo, hi, (t) => {
      for (const level of LEVELS) {
        for (const code of codesAt(t, level)) {
          if (codeStamp[level * k + code] === stamp) continue;
          codeStamp[level * k + code] = stamp;
          touched[level]!.push(code);
        }
      }
    });
    for (const level of LEVELS) {
      const own = codesAt(u, level);
      for (const a of own) {
        for (const b of touched[level]!) {
          if (a === b) continue;
          const key = level * square + (a < b ? a * k + b : b * k + a);
          if (pairStamp[key] === stamp) continue;
          pairStamp[key] = stamp;
          if (pairs[key]!++ === 0) used.push(key);
        }
        for (const b of own) if (a < b) same[level * square + a * k + b]!++;
      }
    }
  }
  used.sort((a, b) => a - b);
  const tally = { keys: Int32Array.from(used), pairs: Int32Array.from(used, (key) => pairs[key]!), same: Int32Array.from(used, (key) => same[key]!) };
  for (const key of used) pairs[key] = same[key] = 0;
  return tally;
}
