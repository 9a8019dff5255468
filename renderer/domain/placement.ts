/**
 * A document's segments placed against its current text: re-anchored when the text changed
 * since they were coded, listed apart when they cannot be placed (kept, never dropped).
 * Placing is incremental, because one coding must not cost in proportion to the document's
 * ten thousand segments: rows are immutable, so a row keeps its placement, and when every
 * segment sits exactly where it was coded the placed list is the stored list itself — the next
 * version then only places the rows that differ (see changedMiddle).
 */
import { placeSegment, type PlacedSegment } from './anchoring';
import { changedMiddle } from './listDiff';
import type { Placement, Segment } from './model';

export interface DocumentPlacement {
  /** Segments with offsets valid in the current text (the stored list itself when none moved). */
  placed: readonly Segment[];
  unplaced: Segment[];
  /** Placed segments whose stored offsets or text hash are out of date (to be written back). */
  stale: PlacedSegment<Segment>[];
  /** What this was computed from, for the next call. */
  from: { segments: readonly Segment[]; text: string; documentHash: string };
}

/** Placements by row, with the re-anchored copy of a moved row (the same object every time, so views compare it by reference). */
const placements = new WeakMap<Segment, { text: string; placement: Placement; moved?: Segment }>();

function placementOf(segment: Segment, text: string): { placement: Placement; moved?: Segment } {
  const cached = placements.get(segment);
  if (cached && cached.text === text) return cached;
  const placement = placeSegment(segment, text);
  const entry = { text, placement, moved: placement.status === 'moved' ? { ...segment, start: placement.start, end: placement.end } : undefined };
  placements.set(segment, entry);
  return entry;
}

/** Exactly where it was coded, in this very text: nothing to re-anchor or write back. */
const isInPlace = (segment: Segment, text: string, documentHash: string): boolean =>
  segment.documentHash === documentHash && placementOf(segment, text).placement.status === 'exact';

export function placeDocumentSegments(
  segments: readonly Segment[],
  text: string,
  documentHash: string,
  previous?: DocumentPlacement,
): DocumentPlacement {
  const from = { segments, text, documentHash };
  const before = previous?.from;
  if (previous && before && previous.placed === before.segments && before.text === text && before.documentHash === documentHash) {
    // Everything was in place: only the rows that changed need looking at.
    const { added } = changedMiddle(before.segments, segments);
    if (added.every((s) => isInPlace(s, text, documentHash))) return { placed: segments, unplaced: [], stale: [], from };
  }
  const list: Segment[] = [];
  const unplaced: Segment[] = [];
  const stale: PlacedSegment<Segment>[] = [];
  for (const segment of segments) {
    const { placement: p, moved } = placementOf(segment, text);
    if (p.status === 'unplaced') {
      unplaced.push(segment);
      continue;
    }
    list.push(moved ?? segment);
    if (moved || segment.documentHash !== documentHash) stale.push({ segment, start: p.start, end: p.end, moved: !!moved });
  }
  const allInPlace = unplaced.length === 0 && stale.length === 0;
  return { placed: allInPlace ? segments : list, unplaced, stale, from };
}
