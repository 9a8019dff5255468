/**
 * The open document's segments placed against its current text (re-anchored when the text
 * changed since they were coded), an interval index over them, and the ones that could not
 * be placed — which are kept and listed, never dropped.
 */
import { useMemo } from 'react';
import { reanchorAll, type PlacedSegment } from '../../domain/anchoring';
import type { Segment } from '../../domain/model';
import { SegmentIndex } from '../../domain/segmentIndex';

export interface PlacedDocumentSegments {
  /** Segments with offsets valid in the current text. */
  placed: Segment[];
  index: SegmentIndex<Segment>;
  unplaced: Segment[];
  /** Placed segments whose stored offsets or text hash are out of date (to be written back). */
  stale: PlacedSegment<Segment>[];
}

export function usePlacedSegments(all: readonly Segment[], documentId: string, text: string | null, documentHash: string) {
  const docSegments = useMemo(() => all.filter((s) => s.documentId === documentId), [all, documentId]);
  return useMemo<PlacedDocumentSegments>(() => {
    if (text === null) return { placed: [], index: new SegmentIndex([]), unplaced: [], stale: [] };
    const { placed, unplaced } = reanchorAll(docSegments, text);
    const segments = placed.map((p) => (p.moved ? { ...p.segment, start: p.start, end: p.end } : p.segment));
    const stale = placed.filter((p) => p.moved || p.segment.documentHash !== documentHash);
    return { placed: segments, index: new SegmentIndex(segments), unplaced, stale };
  }, [docSegments, text, documentHash]);
}
