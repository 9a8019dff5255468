/**
 * Finding, among many codes, the one whose name is most like a given name (Dice's coefficient
 * over character bigrams), without comparing the name with every code: comparing each of
 * 20,000 incoming codes with each of 20,000 existing ones took minutes.
 *
 * The index uses prefix filtering (as set-similarity joins do): a name's bigrams are tokens
 * (a repeated bigram is a second token, so the multiset overlap is a set overlap), ordered
 * rarest first. Two names whose similarity reaches the threshold share at least
 * ⌈t·n/(2−t)⌉ of the n tokens of either, so they share a token among the first
 * n − ⌈t·n/(2−t)⌉ + 1 of each: only those are indexed and looked up, and only the codes found
 * that way are compared in full — the same answer as comparing with every code. Names built from
 * few letters share even their rarest bigrams with thousands of others (20,000 such names took
 * 95 s), so at most `maxCompared` codes are compared for one name, those sharing the most of
 * its rarest bigrams: a proposal for the analyst to review may then miss a slightly better one, but
 * the work stays linear. The same name (as siblings compare names) is always found.
 */
import { nameKey } from './codebook';

export interface NameMatch {
  id: string;
  similarity: number;
}

interface Entry {
  id: string;
  key: string;
  bigrams: Map<string, number>;
  /** Position in the list the index was built from: ties go to the earlier code. */
  order: number;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice's coefficient of two names already keyed (see nameKey), from their bigrams. */
function dice(x: string, bx: ReadonlyMap<string, number>, y: string, by: ReadonlyMap<string, number>): number {
  if (x === y) return 1;
  let shared = 0;
  for (const [g, n] of bx) shared += Math.min(n, by.get(g) ?? 0);
  return (2 * shared) / (x.length + 1 + y.length + 1);
}

/** Dice's coefficient over character bigrams of the names compared as siblings compare them (1: the same name). */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  return dice(x, bigrams(x), y, bigrams(y));
}

/** The bigram tokens of a name: "ab" once and again is "ab#1", "ab#2". */
function tokensOf(grams: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [g, n] of grams) for (let k = 1; k <= n; k++) out.push(`${g}#${k}`);
  return out;
}

/** Codes compared in full for one name at most (see above)… */
export const MAX_COMPARED = 100;
/** …chosen among this many index entries read per comparison, by how many rare bigrams they share. */
const SCANNED_PER_COMPARED = 20;

export class SimilarNames {
  private readonly entries: Entry[];
  private readonly byKey = new Map<string, Entry>();
  /** How many indexed names have a token: the rarer, the earlier in a name's prefix. */
  private readonly frequency = new Map<string, number>();
  private readonly postings = new Map<string, Entry[]>();

  constructor(
    codes: ReadonlyArray<{ id: string; name: string }>,
    private readonly threshold: number,
    private readonly maxCompared = MAX_COMPARED,
  ) {
    this.entries = codes.map((c, order) => {
      const key = nameKey(c.name);
      return { id: c.id, key, bigrams: bigrams(key), order };
    });
    const tokens = this.entries.map((e) => tokensOf(e.bigrams));
    for (const list of tokens) for (const t of list) this.frequency.set(t, (this.frequency.get(t) ?? 0) + 1);
    this.entries.forEach((entry, i) => {
      if (!this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
      for (const t of this.prefix(tokens[i]!)) {
        const list = this.postings.get(t);
        if (list) list.push(entry);
        else this.postings.set(t, [entry]);
      }
    });
  }

  /** The most similar code at or above the threshold (the earliest of equals), or null. */
  best(name: string): NameMatch | null {
    const key = nameKey(name);
    const same = this.byKey.get(key);
    if (same) return { id: same.id, similarity: 1 };
    const grams = bigrams(key);
    // Codes sharing the most of the name's rarest bigrams are compared first.
    const shared = new Map<Entry, number>();
    let scanned = 0;
    lookup: for (const t of this.prefix(tokensOf(grams))) {
      for (const entry of this.postings.get(t) ?? []) {
        if (scanned++ === this.maxCompared * SCANNED_PER_COMPARED) break lookup;
        shared.set(entry, (shared.get(entry) ?? 0) + 1);
      }
    }
    const candidates = [...shared].sort((a, b) => b[1] - a[1] || a[0].order - b[0].order).slice(0, this.maxCompared);
    let best: { entry: Entry; similarity: number } | null = null;
    for (const [entry] of candidates) {
      const similarity = dice(key, grams, entry.key, entry.bigrams);
      if (similarity < this.threshold) continue;
      if (!best || similarity > best.similarity || (similarity === best.similarity && entry.order < best.entry.order)) best = { entry, similarity };
    }
    return best && { id: best.entry.id, similarity: best.similarity };
  }

  /** The tokens that must include a shared one for the threshold to be reachable, rarest first. */
  private prefix(tokens: string[]): string[] {
    const t = this.threshold;
    // Rounded down by a hair first: 0.6 · 7 / 1.4 is 3.0000000000000004 in floating point.
    const overlap = Math.ceil((t * tokens.length) / (2 - t) - 1e-9);
    const rarity = (token: string) => this.frequency.get(token) ?? 0;
    tokens.sort((a, b) => rarity(a) - rarity(b) || (a < b ? -1 : a > b ? 1 : 0));
    return tokens.slice(0, tokens.length - overlap + 1);
  }
}
