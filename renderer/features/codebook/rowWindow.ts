/**
 * Which rows of a long code tree are in the DOM. A codebook of thousands of codes rendered whole
 * froze the page for seconds at every start; from WINDOW_FROM rows on, only the rows in view
 * (and OVERSCAN either side) are rendered, the rest stand in as padding of the same height.
 * Every rendered row keeps its aria-level/-setsize/-posinset, so assistive technology still
 * hears where it is in the whole tree. Pure: no React.
 */

/** Shorter trees are rendered whole (every row findable with the browser's find, as before). */
export const WINDOW_FROM = 300;
export const OVERSCAN = 20;

export interface RowRange {
  /** First rendered row and one past the last. */
  first: number;
  end: number;
}

/** The rows to render for a scroll position: all of them below WINDOW_FROM rows. */
export function rowRange(count: number, scrollTop: number, viewHeight: number, rowHeight: number): RowRange {
  if (count < WINDOW_FROM) return { first: 0, end: count };
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(viewHeight, rowHeight) / rowHeight);
  const first = Math.max(0, Math.min(top, count - shown) - OVERSCAN);
  return { first, end: Math.min(count, top + shown + OVERSCAN) };
}

/** The scroll position that brings row `index` into view (unchanged when it already is). */
export function scrollToShow(index: number, scrollTop: number, viewHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewHeight) return top + rowHeight - viewHeight;
  return scrollTop;
}
