/**
 * The codebook as analysis counts it: each code a dense index (rows of every table, in tree
 * order), with its depth and the chain "itself and its ancestors" that a coding is rolled up
 * through when sub-codes count for their parents.
 */

/** What the analysis needs of a code. */
export interface AnalysisCode {
  id: string;
  parentId: string | null;
}

export class CodeIndex {
  readonly ids: readonly string[];
  private readonly byId: ReadonlyMap<string, number>;
  /** For each code: itself first, then its ancestors up to the top. */
  readonly lineage: ReadonlyArray<readonly number[]>;
  readonly depth: Int32Array;
  /** Words of a bit set over the codes. */
  readonly words: number;
  /** Each code's lineage as a bit set: code i's at words [i × words, (i + 1) × words). */
  readonly lineageMasks: Uint32Array;

  /** `codes` in the order rows should take (tree order); a parent outside the list ends the chain. */
  constructor(codes: readonly AnalysisCode[]) {
    this.ids = codes.map((c) => c.id);
    this.byId = new Map(codes.map((c, i) => [c.id, i]));
    const parentOf = codes.map((c) => (c.parentId === null ? -1 : (this.byId.get(c.parentId) ?? -1)));
    this.lineage = codes.map((_, i) => {
      const chain = [i];
      // A (corrupt) parent loop stops where it comes back.
      for (let p = parentOf[i]!; p >= 0 && !chain.includes(p); p = parentOf[p]!) chain.push(p);
      return chain;
    });
    this.depth = Int32Array.from(this.lineage, (chain) => chain.length - 1);
    this.words = Math.max(1, Math.ceil(codes.length / 32));
    this.lineageMasks = new Uint32Array(codes.length * this.words);
    this.lineage.forEach((chain, i) => {
      for (const k of chain) this.lineageMasks[i * this.words + (k >>> 5)]! |= 1 << (k & 31);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** The code's index, or -1 for a code the codebook does not hold (a coding of a deleted code). */
  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }
}
