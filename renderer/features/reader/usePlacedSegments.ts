/**
 * The open document's segments placed against its current text (re-anchored when the text
 * changed since they were coded), an interval index over them, and the ones that could not
 * be placed — which are kept and listed, never dropped.
 */
import { useMemo } from 'react';
import { reanchorAll } from '../../domain/anchoring';
import type { Segment } from '../../domain/model';
import { SegmentIndex } from '../../domain/segmentIndex';

export interface PlacedDocumentSegments {
  /** Segments with offsets valid in the current text. */
  placed: Segment[];
  index: SegmentIndex<Segment>;
  unplaced: Segment[];
}

export function usePlacedSegments(all: readonly Segment[], documentId: string, text: string | null) {
  const docSegments = useMemo(() => all.filter((s) => s.documentId === documentId), [all, documentId]);
  return useMemo<PlacedDocumentSegments>(() => {
    if (text === null) return { placed: [], index: new SegmentIndex([]), unplaced: [] };
    const { placed, unplaced } = reanchorAll(docSegments, text);
    const segments = placed.map((p) => (p.moved ? { ...p.segment, start: p.start, end: p.end } : p.segment));
    return { placed: segments, index: new SegmentIndex(segments), unplaced };
  }, [docSegments, text]);
}
