/**
 * Where the coding popup goes: above the selection when it fits there (the lines that follow
 * stay readable), else below, else on the roomier side with its list shortened to fit — and
 * always inside the viewport, whatever the selection's rectangle (a passage taller than the
 * window, or scrolled half out of view).
 */

export interface Anchor {
  left: number;
  top: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Height the popup may take (its list scrolls inside it). */
  maxHeight: number;
}

/** Distance from the viewport's edges and from the selection. */
export const MARGIN = 8;
/** A popup shorter than this would hide most codes: it then overlaps the selection instead. */
export const MIN_HEIGHT = 160;

export function placePopup(anchor: Anchor, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const left = clamp(anchor.left, MARGIN, viewport.width - size.width - MARGIN);
  const fullHeight = Math.min(size.height, viewport.height - 2 * MARGIN);
  // The part of the selection in view (it may be scrolled partly or wholly out of it).
  const selectionTop = clamp(anchor.top, 0, viewport.height);
  const selectionBottom = clamp(anchor.bottom, 0, viewport.height);
  const above = selectionTop - 2 * MARGIN;
  const below = viewport.height - selectionBottom - 2 * MARGIN;
  if (above >= fullHeight) return { left, top: selectionTop - MARGIN - fullHeight, maxHeight: fullHeight };
  if (below >= fullHeight) return { left, top: selectionBottom + MARGIN, maxHeight: fullHeight };
  const room = Math.max(above, below);
  if (room >= MIN_HEIGHT) {
    return room === above ? { left, top: selectionTop - MARGIN - room, maxHeight: room } : { left, top: selectionBottom + MARGIN, maxHeight: room };
  }
  // No room either side: keep the whole popup in view, as near the selection as it can be.
  const top = clamp(selectionBottom + MARGIN, MARGIN, viewport.height - MARGIN - fullHeight);
  return { left, top, maxHeight: fullHeight };
}

/** `value` within [low, high]; `low` wins when the range is empty (a viewport narrower than the popup). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
