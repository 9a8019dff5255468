/** Adjusting the span of a segment of the open document (its handles): one undoable action each time. */
import { useCallback } from 'react';
import { DomainError } from '../../domain/change';
import { resizeSegment } from '../../domain/resizeSegment';
import type { Span } from '../../domain/span';
import { useServices } from '../../ui/ProjectContext';

interface OpenDocument {
  id: string;
  sha256: string;
  text: string;
}

/** Moves a segment to what `toSpan` makes of its span in the state the change is built from. */
export function useAdjustSegment(doc: OpenDocument) {
  const { store } = useServices();
  return useCallback(
    (segmentId: string, toSpan: (current: Span) => Span) =>
      void store.act(
        (ctx, state) => {
          const { placed } = store.placements.place(doc.id, state.segments.inDocument(doc.id), doc.text, doc.sha256);
          const segment = placed.find((s) => s.id === segmentId);
          if (!segment) throw new DomainError('That segment is no longer in this document');
          const span = toSpan(segment);
          return resizeSegment(segment, doc.text, span.start, span.end, ctx, { documentHash: doc.sha256, others: placed });
        },
        { documentId: doc.id },
      ),
    [store, doc],
  );
}
