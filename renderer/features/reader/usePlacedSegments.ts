/**
 * The open document's segments placed against its current text (see placeDocumentSegments),
 * with an interval index over them built on first use.
 */
import { useMemo, useRef } from 'react';
import type { Segment } from '../../domain/model';
import { placeDocumentSegments, type DocumentPlacement } from '../../domain/placement';
import { SegmentIndex } from '../../domain/segmentIndex';

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
export function usePlacedSegments(docSegments: readonly Segment[], text: string | null, documentHash: string): PlacedDocumentSegments {
  const previous = useRef<DocumentPlacement | undefined>(undefined);
  return useMemo(() => {
    if (text === null) {
      previous.current = undefined;
      return { placed: [], unplaced: [], stale: [], from: { segments: [], text: '', documentHash }, index: new LazyIndex([]) };
    }
    const placement = placeDocumentSegments(docSegments, text, documentHash, previous.current);
    previous.current = placement;
    return { ...placement, index: new LazyIndex(placement.placed) };
  }, [docSegments, text, documentHash]);
}
