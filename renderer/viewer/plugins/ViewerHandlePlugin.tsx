/** Gives the surrounding UI a few imperative viewer actions (select a span, focus the text). */
import { useEffect } from 'react';
import { offsetToDomPoint, type Span } from '../domOffsets';
import { useViewer } from '../ViewerContext';

export interface ViewerHandle {
  /** Makes `span` the document selection and puts focus in the text. */
  selectSpan: (span: Span) => void;
}

export function ViewerHandlePlugin({ onHandle }: { onHandle: (handle: ViewerHandle | null) => void }) {
  const { root, blocks, layout } = useViewer();
  useEffect(() => {
    onHandle({
      selectSpan: (span) => {
        const a = offsetToDomPoint(blocks, layout.starts, span.start);
        const b = offsetToDomPoint(blocks, layout.starts, span.end);
        if (!a || !b) return;
        root.focus({ preventScroll: true });
        window.getSelection()?.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
      },
    });
    return () => onHandle(null);
  }, [root, blocks, layout, onHandle]);
  return null;
}
