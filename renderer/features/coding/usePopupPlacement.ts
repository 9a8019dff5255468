/**
 * Where the coding popup sits for a selection (see popupPlacement.ts), computed while it
 * renders: its list is ROW_PX a row, and the rest of it (filter, hint, buttons) and its width
 * are the same at every opening — measured once, before the first paint, and kept true by a
 * ResizeObserver (fonts, zoom, a narrow window) — so opening it forces no extra layout.
 */
import { useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { ROW_PX } from './CodeOptions';
import { placePopup, type Anchor, type Placement } from './popupPlacement';

/** The list's own cap; a smaller viewport shortens it further. */
export const LIST_MAX_PX = 320;

interface Chrome {
  /** The popup's height without its list. */
  rest: number;
  width: number;
}

/** Shared by every opening. */
let chrome: Chrome | null = null;

function measure(box: HTMLElement | null, list: HTMLElement | null): Chrome | null {
  if (!box || !list || box.offsetHeight === 0) return null; // hidden: nothing to learn
  return { rest: box.offsetHeight - list.offsetHeight, width: box.offsetWidth };
}

export function usePopupPlacement(anchor: Anchor, popup: RefObject<HTMLDivElement | null>, list: RefObject<HTMLUListElement | null>, count: number) {
  const [viewport, setViewport] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const [measured, setMeasured] = useState(chrome);
  useEffect(() => {
    const onResize = () => setViewport({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const { left, top, bottom } = anchor;
  // A passage scrolled wholly out of the window has no popup beside it.
  const outOfView = bottom < 0 || top > viewport.height;

  // The first opening measures before it paints.
  useLayoutEffect(() => {
    if (measured || outOfView) return;
    chrome = measure(popup.current, list.current);
    setMeasured(chrome);
  }, [measured, outOfView, popup, list]);
  // Later changes of size are reported after layout, when reading them costs nothing.
  useEffect(() => {
    const box = popup.current;
    if (!box) return;
    const observer = new ResizeObserver(() => {
      const now = measure(box, list.current);
      if (now && (now.rest !== chrome?.rest || now.width !== chrome?.width)) {
        chrome = now;
        setMeasured(now);
      }
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [popup, list]);

  const placement = useMemo((): (Placement & { listMaxHeight: number }) | null => {
    if (!measured || outOfView) return null;
    const listHeight = Math.min(count * ROW_PX, LIST_MAX_PX);
    const placed = placePopup({ left, top, bottom }, { width: measured.width, height: measured.rest + listHeight }, viewport);
    return { ...placed, listMaxHeight: Math.min(LIST_MAX_PX, placed.maxHeight - measured.rest) };
  }, [left, top, bottom, count, viewport, measured, outOfView]);
  return { placement, outOfView };
}
