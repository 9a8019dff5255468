/**
 * The open document's segments placed against its current text (re-anchored when the text
 * changed since they were coded), an interval index over them, and the ones that could not
 * be placed — which are kept and listed, never dropped.
 */
import { useMemo } from 'react';
import { placeSegment, type PlacedSegment } from '../../domain/anchoring';
import type { Placement, Segment } from '../../domain/model';
import { SegmentIndex } from '../../domain/segmentIndex';

export interface PlacedDocumentSegments {
  /** Segments with offsets valid in the current text. */
  placed: Segment[];
  /** Built on first use (hover, click): coding a passage need not rebuild it. */
  index: LazyIndex;
  unplaced: Segment[];
  /** Placed segments whose stored offsets or text hash are out of date (to be written back). */
  stale: PlacedSegment<Segment>[];
}

/** An interval index over the placed segments, built the first time it is asked. */
export class LazyIndex {
  private built: SegmentIndex<Segment> | null = null;
  constructor(private readonly segments: readonly Segment[]) {}
  segmentsAt(offset: number): Segment[] {
    this.built ??= new SegmentIndex(this.segments);
    return this.built.segmentsAt(offset);
  }
}

/**
 * Placements by segment row. Rows are immutable, so a row that did not change keeps its
 * placement: coding one passage re-places one segment, not the document's ten thousand.
 */
const placements = new WeakMap<Segment, { text: string; placement: Placement }>();

function place(segment: Segment, text: string): Placement {
  const cached = placements.get(segment);
  if (cached && cached.text === text) return cached.placement;
  const placement = placeSegment(segment, text);
  placements.set(segment, { text, placement });
  return placement;
}

/** `docSegments`: the document's segments (the same array until they change: see SegmentTable). */
export function usePlacedSegments(docSegments: readonly Segment[], text: string | null, documentHash: string) {
  return useMemo<PlacedDocumentSegments>(() => {
    if (text === null) return { placed: [], index: new LazyIndex([]), unplaced: [], stale: [] };
    const placed: Segment[] = [];
    const unplaced: Segment[] = [];
    const stale: PlacedSegment<Segment>[] = [];
    for (const segment of docSegments) {
      const p = place(segment, text);
      if (p.status === 'unplaced') {
        unplaced.push(segment);
        continue;
      }
      const moved = p.status === 'moved';
      placed.push(moved ? { ...segment, start: p.start, end: p.end } : segment);
      if (moved || segment.documentHash !== documentHash) stale.push({ segment, start: p.start, end: p.end, moved });
    }
    return { placed, index: new LazyIndex(placed), unplaced, stale };
  }, [docSegments, text, documentHash]);
}
