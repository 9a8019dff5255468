/**
 * Showing a disagreement in its document: the segment of either compared coder that carries
 * the stretch's code there is opened (the reader scrolls to it and the Segment panel shows it).
 */
import type { Stretch } from '../../domain/agreement/resultColumns';
import type { Segment } from '../../domain/model';
import type { SegmentTable } from '../../domain/segmentTable';

export function stretchSegment(segments: SegmentTable, stretch: Stretch, pair: readonly [string, string]): Segment | null {
  const [a, b] = pair;
  return (
    segments
      .inDocument(stretch.documentId)
      .find((s) => s.start < stretch.end && s.end > stretch.start && s.codings.some((c) => c.codeId === stretch.codeId && (c.coder === a || c.coder === b))) ?? null
  );
}
