/** Counts in the codebook: a code's own codings and those of its whole branch. */
import { flattenTree } from './codeTree';
import type { Code } from './model';

export interface CodeCount {
  /** Codings of this code. */
  own: number;
  /** Codings of this code and all its sub-codes, at any depth. */
  withSubcodes: number;
}

/**
 * Rolls the codings per code (`segments.codeCounts`) up the tree. A code's count with sub-codes
 * adds every descendant's own count once. Codes in a (corrupt) parent loop, which the tree
 * never shows, keep their own count.
 */
export function rollUpCounts(codes: readonly Code[], own: ReadonlyMap<string, number>): Map<string, CodeCount> {
  const out = new Map<string, CodeCount>();
  for (const code of codes) {
    const n = own.get(code.id) ?? 0;
    out.set(code.id, { own: n, withSubcodes: n });
  }
  // Children come after their parent in tree order: walking it backwards adds each finished
  // branch to its parent before the parent is added to its own.
  const rows = flattenTree(codes);
  for (let i = rows.length - 1; i >= 0; i--) {
    const { code, depth } = rows[i]!;
    const parent = depth > 0 && code.parentId ? out.get(code.parentId) : undefined;
    if (parent) parent.withSubcodes += out.get(code.id)!.withSubcodes;
  }
  return out;
}
