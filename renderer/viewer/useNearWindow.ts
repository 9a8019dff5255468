/** Which part of a long document the painters (highlights, margin stripes) keep up to date. */
import { useEffect, useState } from 'react';
import type { PaintWindow } from './highlightPainter';
import type { BlockRange } from './viewportTracker';
import { useViewer } from './ViewerContext';

/** After a fast scroll, painting is brought up to date once the scrolling has calmed for this long. */
const FLING_QUIET_MS = 120;

/**
 * The text range of the blocks near the viewport of a long document (null for a short one:
 * paint everything), following scrolling. While the reader is flung through the book (the
 * view moves by half a screen or more from one frame to the next) nobody reads the passing
 * text, and re-registering highlights every frame makes those frames long; the window then
 * follows once the scrolling calms. Reading-speed scrolling updates it at once.
 * (Judged in pixels, not blocks: one paragraph may be taller than the screen, another a line.)
 */
export function useNearWindow(): PaintWindow {
  const { layout, viewport } = useViewer();
  const toWindow = (r: BlockRange): PaintWindow => ({
    from: layout.starts[r.first] ?? 0,
    to: (layout.starts[r.last] ?? 0) + (layout.lines[r.last]?.length ?? 0) + 1,
  });
  const [nearWindow, setWindow] = useState<PaintWindow>(viewport ? toWindow(viewport.range) : null);
  useEffect(() => {
    if (!viewport) return setWindow(null);
    setWindow(toWindow(viewport.range));
    let last = viewport.range;
    let timer = 0;
    const unsubscribe = viewport.subscribe((r) => {
      const fast = viewport.scrolledBy > viewport.viewHeight / 2;
      last = r;
      window.clearTimeout(timer);
      if (fast) timer = window.setTimeout(() => setWindow(toWindow(last)), FLING_QUIET_MS);
      else setWindow(toWindow(r));
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [viewport, layout]); // eslint-disable-line react-hooks/exhaustive-deps
  return nearWindow;
}
