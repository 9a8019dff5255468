/**
 * Reports the viewer's selection as a document span (or null) whenever it settles, with the
 * selection's on-screen rectangle so a toolbar can sit next to it — again after any scroll, so
 * the toolbar moves with the passage instead of staying where the passage was.
 */
import { useEffect } from 'react';
import type { Span } from '../../domain/span';
import { domPointFromPoint, selectionToOffsets } from '../domOffsets';
import { useViewer } from '../ViewerContext';

export interface SelectionInfo {
  span: Span;
  rect: { left: number; top: number; bottom: number };
}

export function SelectionPlugin({ onChange }: { onChange: (info: SelectionInfo | null) => void }) {
  const { root } = useViewer();
  useEffect(() => {
    let frame = 0;
    // While the mouse button is down the analyst is still dragging: report on release, so a
    // toolbar popping up under the pointer cannot take over the drag.
    let dragging = false;
    const report = () => {
      cancelAnimationFrame(frame);
      if (dragging) return;
      frame = requestAnimationFrame(() => {
        const selection = window.getSelection();
        // Focus in a toolbar or panel must not drop the selection the analyst is coding.
        if (!selection || selection.rangeCount === 0) return;
        const range = selection.getRangeAt(0);
        if (!root.contains(range.commonAncestorContainer)) return;
        const span = selectionToOffsets(root, selection);
        if (!span || span.start === span.end) return onChange(null);
        const r = range.getBoundingClientRect();
        onChange({ span, rect: { left: r.left, top: r.top, bottom: r.bottom } });
      });
    };
    const onDown = (e: MouseEvent) => {
      if (e.button !== 0) return;
      dragging = true;
      if (!e.shiftKey && e.detail <= 1) startAfresh(root, e.clientX, e.clientY);
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      report();
    };
    document.addEventListener('selectionchange', report);
    // Scroll events do not bubble; a capturing listener hears the reader's scrolling too.
    document.addEventListener('scroll', report, { capture: true, passive: true });
    root.addEventListener('mousedown', onDown);
    window.addEventListener('mouseup', onUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', report);
      document.removeEventListener('scroll', report, { capture: true });
      root.removeEventListener('mousedown', onDown);
      window.removeEventListener('mouseup', onUp);
    };
  }, [root, onChange]);
  return null;
}

/**
 * A press inside the selected passage starts a new selection there. Left to the browser it
 * would start dragging the selected words out of the read-only text instead — and the
 * passage just coded stays selected until its coding is stored, so an analyst quicker than
 * the store would drag it rather than select the next, overlapping passage.
 */
function startAfresh(root: HTMLElement, x: number, y: number) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return;
  const point = domPointFromPoint(x, y);
  if (point && root.contains(point.node) && range.isPointInRange(point.node, point.offset)) selection.collapse(point.node, point.offset);
}
