/** Keeps the CSS highlights of the open document in line with its segments and codes. */
import { useEffect, useRef } from 'react';
import { HighlightPainter, type PaintCode, type PaintSpan } from '../highlightPainter';
import { useNearWindow } from '../useNearWindow';
import { useViewer } from '../ViewerContext';

interface Props {
  spans: readonly PaintSpan[];
  codes: readonly PaintCode[];
  activeIds: readonly string[];
}

export function HighlightPlugin({ spans, codes, activeIds }: Props) {
  const { blocks, layout } = useViewer();
  const painter = useRef<HighlightPainter | null>(null);
  const paintWindow = useNearWindow();

  useEffect(() => {
    const p = new HighlightPainter(blocks, layout.starts);
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
    };
  }, [blocks, layout]);

  // Order matters: codes define the highlight names the spans are added to.
  useEffect(() => painter.current?.setCodes(codes), [codes, blocks]);
  useEffect(() => painter.current?.setWindow(paintWindow), [paintWindow, blocks]);
  useEffect(() => painter.current?.setSpans(spans), [spans, codes, blocks]);
  useEffect(() => painter.current?.setActive(activeIds), [activeIds, spans, codes, blocks]);
  return null;
}
