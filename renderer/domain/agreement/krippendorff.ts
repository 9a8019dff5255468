/**
 * Krippendorff's alpha for nominal data, from a coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", section C): any number of coders, missing
 * values allowed. Each unit with m ≥ 2 values contributes, for every ordered pair of values
 * (c, k) from two different coders, 1/(m − 1) to o_ck (units with fewer values are not
 * pairable and contribute nothing). With n_c = Σ_k o_ck and n = Σ_c n_c:
 *
 *   α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
 *
 * A unit may carry a weight (e.g. a stretch of text of that many characters, all alike).
 */
export class Coincidences {
  private readonly cells = new Map<string, Map<string, number>>();

  add(c: string, k: string, amount: number): void {
    if (amount === 0) return;
    let row = this.cells.get(c);
    if (!row) this.cells.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + amount);
  }

  /**
   * One unit's pairable values: `counts` says how many coders gave each value (missing values
   * are left out). Adds `weight` × the unit's coincidences.
   */
  addUnit(counts: ReadonlyMap<string, number>, weight = 1): void {
    let m = 0;
    for (const n of counts.values()) m += n;
    if (m < 2) return;
    const scale = weight / (m - 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) this.add(c, k, scale * (c === k ? nc * (nc - 1) : nc * nk));
    }
  }

  addAll(other: Coincidences): void {
    for (const [c, row] of other.cells) for (const [k, v] of row) this.add(c, k, v);
  }

  get(c: string, k: string): number {
    return this.cells.get(c)?.get(k) ?? 0;
  }

  /** n: the pairable values (the sum of the matrix). */
  total(): number {
    let n = 0;
    for (const row of this.cells.values()) for (const v of row.values()) n += v;
    return n;
  }

  /** Nominal alpha; null when there is no variation to compare (fewer than two values, or one value only). */
  nominalAlpha(): number | null {
    const marginals = new Map<string, number>();
    let n = 0;
    let disagreeing = 0;
    for (const [c, row] of this.cells) {
      for (const [k, v] of row) {
        marginals.set(c, (marginals.get(c) ?? 0) + v);
        n += v;
        if (c !== k) disagreeing += v;
      }
    }
    let sumSquares = 0;
    for (const nc of marginals.values()) sumSquares += nc * nc;
    const expected = n * n - sumSquares; // Σ_{c≠k} n_c·n_k
    // Sums of fractional weights: treat a rounding-level remainder as none.
    if (n < 2 || expected <= n * n * 1e-12) return null;
    return 1 - ((n - 1) * disagreeing) / expected;
  }
}

/**
 * Coincidences of reliability data as Krippendorff tabulates it: one row per unit, one entry
 * per coder, null where that coder gave no value.
 */
export function coincidencesOf(units: readonly (readonly (string | null)[])[]): Coincidences {
  const out = new Coincidences();
  for (const unit of units) {
    const counts = new Map<string, number>();
    for (const v of unit) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    out.addUnit(counts);
  }
  return out;
}
