/**
 * The open document's segments placed against its current text, asked of the project's
 * placements (the cache exports and other views share), with an interval index over them
 * built on first use. Stale rows (re-anchored in a changed text) are written back by the
 * project as maintenance, off the analyst's Undo/Redo.
 */
import { useEffect, useMemo } from 'react';
import type { DocumentPlacement } from '../../domain/placement';
import type { Segment } from '../../domain/model';
import { SegmentIndex } from '../../domain/segmentIndex';
import { useServices } from '../../ui/ProjectContext';

export interface PlacedDocumentSegments extends DocumentPlacement {
  /** Built on first use (hover, click): coding a passage need not rebuild it. */
  index: LazyIndex;
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

/** `docSegments`: the document's segments (the same array until they change: see SegmentTable). */
export function usePlacedSegments(documentId: string, docSegments: readonly Segment[], text: string, documentHash: string): PlacedDocumentSegments {
  const { store } = useServices();
  const placement = useMemo(() => {
    const placed = store.placements.place(documentId, docSegments, text, documentHash);
    return { ...placed, index: new LazyIndex(placed.placed) };
  }, [store, documentId, docSegments, text, documentHash]);
  const hasStale = placement.stale.length > 0;
  useEffect(() => {
    if (hasStale) void store.reanchor(documentId, text, documentHash);
  }, [hasStale, store, documentId, text, documentHash]);
  return placement;
}
