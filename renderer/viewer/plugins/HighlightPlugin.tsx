/** Keeps the CSS highlights of the open document in line with its segments and codes. */
import { useEffect, useRef, useState } from 'react';
import type { SegmentIndex } from '../../domain/segmentIndex';
import { HighlightPainter, type PaintCode, type PaintSpan, type PaintWindow } from '../highlightPainter';
import { LAZY_LAYOUT_THRESHOLD } from '../lazyLayout';
import { useViewer } from '../ViewerContext';

interface Props {
  spans: readonly PaintSpan[];
  index: SegmentIndex<PaintSpan>;
  codes: readonly PaintCode[];
  activeIds: readonly string[];
}

export function HighlightPlugin({ spans, index, codes, activeIds }: Props) {
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
  useEffect(() => painter.current?.setSpans(spans, index), [spans, index, codes, blocks]);
  useEffect(() => painter.current?.setActive(activeIds), [activeIds, spans, codes, blocks]);
  return null;
}

/** Characters painted ahead of the first IntersectionObserver report (a few screens). */
const INITIAL_WINDOW = 30_000;

/**
 * The text range of the blocks near the viewport, for long documents (short ones: null, i.e.
 * paint everything). Starts with the document's beginning, then follows scrolling.
 */
function useNearWindow(): PaintWindow {
  const { blocks, layout, text } = useViewer();
  const long = text.length > LAZY_LAYOUT_THRESHOLD;
  const [nearWindow, setWindow] = useState<PaintWindow>(long ? { from: 0, to: INITIAL_WINDOW } : null);

  useEffect(() => {
    if (!long) return setWindow(null);
    const indexOf = new Map(blocks.map((b, i) => [b as Element, i]));
    const near = new Set<number>();
    let frame = 0;
    const publish = () => {
      frame = 0;
      if (near.size === 0) return;
      let lo = Infinity;
      let hi = -1;
      for (const i of near) {
        if (i < lo) lo = i;
        if (i > hi) hi = i;
      }
      const from = layout.starts[lo]!;
      const to = layout.starts[hi]! + layout.lines[hi]!.length + 1;
      setWindow((w) => (w && w.from === from && w.to === to ? w : { from, to }));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const i = indexOf.get(e.target);
          if (i === undefined) continue;
          if (e.isIntersecting) near.add(i);
          else near.delete(i);
        }
        if (!frame) frame = requestAnimationFrame(publish);
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    for (const b of blocks) observer.observe(b);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [blocks, layout, long]);
  return nearWindow;
}
