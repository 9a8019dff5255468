/**
 * Krippendorff's alpha over the text continuum, every character a unit and every coder a
 * source of values, accumulated by sweeping the boundaries of the coders' runs: a stretch
 * between two boundaries is a run of identical units, so it adds its length × one unit's
 * coincidences (which is the intersection lengths Krippendorff et al. 2016 tabulate).
 *
 * - binary, per code: each coder present in the document gives every character the value
 *   "coded" or "not coded" with the code;
 * - cu-α (|cuα in Krippendorff, Mathet, Bouvry & Widlöcher 2016, "cu-α" in ATLAS.ti): the
 *   coding of the stretches coders identified: a coder's value at a character is the one code
 *   (of those compared) they put there; characters a coder left uncoded (gaps) are missing
 *   values. A character where a coder put two or more of the compared codes has no single
 *   value: it is left out for that coder and counted as ambiguous.
 */
import { Coincidences } from './krippendorff';
import type { Runs } from './runs';

const CODED = '1';
const UNCODED = '0';

/** The binary coincidences of one code, as plain sums (o_11, o_10 = o_01, o_00). */
export interface BinaryCoincidences {
  coded: number;
  mixed: number;
  uncoded: number;
}

export const emptyBinary = (): BinaryCoincidences => ({ coded: 0, mixed: 0, uncoded: 0 });

export function addBinary(sum: BinaryCoincidences, b: BinaryCoincidences): void {
  sum.coded += b.coded;
  sum.mixed += b.mixed;
  sum.uncoded += b.uncoded;
}

/** A document nobody coded with the code: every present coder says "not coded" everywhere. */
export function uncodedBinary(length: number, coders: number): BinaryCoincidences {
  return { coded: 0, mixed: 0, uncoded: coders >= 2 ? length * coders : 0 };
}

/**
 * One code in one document of `length` characters: `runs` holds one entry per coder present
 * there (empty when that coder did not use the code). Fewer than two coders: nothing pairable.
 */
export function binaryCoincidences(runs: readonly Runs[], length: number): BinaryCoincidences {
  const m = runs.length;
  if (m < 2) return emptyBinary();
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of runs) {
    for (let i = 0; i < r.length; i += 2) {
      starts.push(r[i]!);
      ends.push(r[i + 1]!);
    }
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  /** lengthAt[k]: characters exactly k coders coded. */
  const lengthAt = new Array<number>(m + 1).fill(0);
  let k = 0;
  let at = 0;
  let i = 0;
  let j = 0;
  while (i < starts.length || j < ends.length) {
    const isStart = i < starts.length && starts[i]! < ends[j]!;
    const pos = isStart ? starts[i++]! : ends[j++]!;
    if (k > 0) lengthAt[k]! += pos - at;
    at = pos;
    k += isStart ? 1 : -1;
  }
  let covered = 0;
  for (let c = 1; c <= m; c++) covered += lengthAt[c]!;
  lengthAt[0] = length - covered;
  const out = emptyBinary();
  for (let c = 0; c <= m; c++) {
    const w = lengthAt[c]! / (m - 1);
    out.coded += w * c * (c - 1);
    out.mixed += w * c * (m - c);
    out.uncoded += w * (m - c) * (m - c - 1);
  }
  return out;
}

export function binaryAlpha(b: BinaryCoincidences): number | null {
  const c = new Coincidences();
  c.add(CODED, CODED, b.coded);
  c.add(CODED, UNCODED, b.mixed);
  c.add(UNCODED, CODED, b.mixed);
  c.add(UNCODED, UNCODED, b.uncoded);
  return c.nominalAlpha();
}

/** Pairable values of a binary table: n of the coincidence matrix. */
export const binaryPairable = (b: BinaryCoincidences) => b.coded + 2 * b.mixed + b.uncoded;

export interface CuAlphaPart {
  coincidences: Coincidences;
  /** Characters × coders left out because that coder put several compared codes there. */
  ambiguous: number;
}

/**
 * cu-α's coincidences in one document: `runs[code][coder]` (any coder count). Each coder's
 * runs of one code are disjoint, so the number of codes covering a character per coder is the
 * number of its runs open there.
 */
export function cuAlphaPart(runs: readonly (readonly Runs[])[], codeKeys: readonly string[]): CuAlphaPart {
  const coders = runs[0]?.length ?? 0;
  const events: number[] = []; // [pos, coder, code, +1 | -1] flattened
  for (let code = 0; code < runs.length; code++) {
    for (let coder = 0; coder < coders; coder++) {
      const r = runs[code]![coder]!;
      for (let i = 0; i < r.length; i += 2) events.push(r[i]!, coder, code, 1, r[i + 1]!, coder, code, -1);
    }
  }
  const order = Array.from({ length: events.length / 4 }, (_, i) => i * 4).sort((a, b) => events[a]! - events[b]!);
  const open = new Array<number>(coders).fill(0);
  /** Sum of the code indices open per coder: the code itself when exactly one is open. */
  const codeSum = new Array<number>(coders).fill(0);
  const out: CuAlphaPart = { coincidences: new Coincidences(), ambiguous: 0 };
  let at = 0;
  for (const e of order) {
    const pos = events[e]!;
    const len = pos - at;
    if (len > 0) {
      const counts = new Map<string, number>();
      for (let c = 0; c < coders; c++) {
        if (open[c] === 1) {
          const key = codeKeys[codeSum[c]!]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        } else if (open[c]! > 1) out.ambiguous += len;
      }
      out.coincidences.addUnit(counts, len);
    }
    at = pos;
    const coder = events[e + 1]!;
    const delta = events[e + 3]!;
    open[coder]! += delta;
    codeSum[coder]! += delta * events[e + 2]!;
  }
  return out;
}
