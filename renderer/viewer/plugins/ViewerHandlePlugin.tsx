/** Gives the surrounding UI a few imperative viewer actions (select a span, focus the text). */
import { useEffect } from 'react';
import type { Span } from '../../domain/span';
import { selectionToOffsets, spanToRange } from '../domOffsets';
import { scrollOffsetToCenter } from '../lazyLayout';
import { useViewer } from '../ViewerContext';

export interface ViewerHandle {
  /** Makes `span` the document selection and puts focus in the text. */
  selectSpan: (span: Span) => void;
  /** The current selection in the text as offsets, or null. */
  selectionSpan: () => Span | null;
  /** Scrolls the passage to the middle of the view. */
  scrollToSpan: (span: Span) => void;
}

export function ViewerHandlePlugin({ onHandle }: { onHandle: (handle: ViewerHandle | null) => void }) {
  const { root, blocks, layout } = useViewer();
  useEffect(() => {
    onHandle({
      selectSpan: (span) => {
        const r = spanToRange(blocks, layout.starts, span);
        if (!r) return;
        root.focus({ preventScroll: true });
        window.getSelection()?.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      },
      selectionSpan: () => selectionToOffsets(root, window.getSelection()),
      scrollToSpan: (span) => scrollOffsetToCenter(blocks, layout.starts, span.start),
    });
    return () => onHandle(null);
  }, [root, blocks, layout, onHandle]);
  return null;
}
