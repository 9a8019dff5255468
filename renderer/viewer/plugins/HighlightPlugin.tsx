/** Keeps the CSS highlights of the open document in line with its segments and codes. */
import { useEffect, useRef, useState } from 'react';
import { HighlightPainter, type PaintCode, type PaintSpan, type PaintWindow } from '../highlightPainter';
import type { BlockRange } from '../viewportTracker';
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

/**
 * The text range of the blocks near the viewport of a long document (null for a short one:
 * paint everything), following scrolling.
 */
function useNearWindow(): PaintWindow {
  const { layout, viewport } = useViewer();
  const toWindow = (r: BlockRange): PaintWindow => ({
    from: layout.starts[r.first] ?? 0,
    to: (layout.starts[r.last] ?? 0) + (layout.lines[r.last]?.length ?? 0) + 1,
  });
  const [nearWindow, setWindow] = useState<PaintWindow>(viewport ? toWindow(viewport.range) : null);
  useEffect(() => {
    if (!viewport) return setWindow(null);
    setWindow(toWindow(viewport.range));
    return viewport.subscribe((r) => setWindow(toWindow(r)));
  }, [viewport, layout]); // eslint-disable-line react-hooks/exhaustive-deps
  return nearWindow;
}
