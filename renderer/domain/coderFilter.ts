/**
 * The coder filter: which coders' codings the views show (highlights, stripes, codebook
 * counts, retrieval). "All", "mine" (the current coder), or chosen coders (one or several).
 * Blind coding shows only the current coder's codings whatever the choice, so independent
 * coding stays independent until the analyst chooses to compare.
 */
import type { Segment } from './model';

export type CoderFilterChoice = { kind: 'all' } | { kind: 'mine' } | { kind: 'coders'; coders: readonly string[] };

/** Which codings pass; null: every coding (no filtering work at all). */
export type CoderPredicate = ((coder: string) => boolean) | null;

export const ALL_CODERS: CoderFilterChoice = { kind: 'all' };

export function coderPredicate(choice: CoderFilterChoice, currentCoder: string, blind: boolean): CoderPredicate {
  if (blind || choice.kind === 'mine') return (coder) => coder === currentCoder;
  if (choice.kind === 'all') return null;
  const chosen = new Set(choice.coders);
  return (coder) => chosen.has(coder);
}

/** The coders a view shows under the filter, of those known; null: all of them. */
export function shownCoders(choice: CoderFilterChoice, currentCoder: string, blind: boolean): readonly string[] | null {
  if (blind || choice.kind === 'mine') return [currentCoder];
  return choice.kind === 'all' ? null : choice.coders;
}

/** Codings per code that pass the filter; without a filter, the counts the table keeps. */
export function codeCountsFor(
  segments: { readonly codeCounts: ReadonlyMap<string, number>; all(): readonly Segment[] },
  accepts: CoderPredicate,
): ReadonlyMap<string, number> {
  if (!accepts) return segments.codeCounts;
  const counts = new Map<string, number>();
  for (const s of segments.all()) for (const c of s.codings) if (accepts(c.coder)) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
  return counts;
}

/**
 * Filters segment lists by their codings: a segment keeps the codings that pass, and one with
 * none left is dropped. A segment whose codings all pass is kept as the same object, and a
 * filtered copy is made once per segment row (remembered while the row lives), so painters
 * that compare rows by reference repaint only what changed.
 */
export function codingsFilter(accepts: CoderPredicate): (segments: readonly Segment[]) => readonly Segment[] {
  if (!accepts) return (segments) => segments;
  const copies = new WeakMap<Segment, Segment | null>();
  return (segments) => {
    const out: Segment[] = [];
    for (const s of segments) {
      let shown = copies.get(s);
      if (shown === undefined) {
        const codings = s.codings.filter((c) => accepts(c.coder));
        shown = codings.length === s.codings.length ? s : codings.length ? { ...s, codings } : null;
        copies.set(s, shown);
      }
      if (shown) out.push(shown);
    }
    return out;
  };
}
