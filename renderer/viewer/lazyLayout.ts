/**
 * Book-length documents: lay out only the blocks near the viewport. Far blocks get
 * `content-visibility: hidden` with an estimated height (the browser then keeps their real
 * height once seen), so opening a 2 MB text costs about one screenful of layout, not the
 * whole book. Visible blocks carry no containment at all — `content-visibility: auto` on
 * every block breaks drag selection in Chromium, this does not.
 * The text stays in the DOM: offsets, selection, copy and Ctrl+A are unaffected.
 */
import { ViewportTracker, type BlockRange } from './viewportTracker';

/** Below this many characters a document is laid out at once (no gain, no risk). */
export const LAZY_LAYOUT_THRESHOLD = 100_000;
const FAR = 'far';

/** A rough line count for a block before it has ever been laid out. */
function estimateHeight(length: number, charsPerLine: number, lineHeight: number): number {
  return Math.max(1, Math.ceil(length / charsPerLine)) * lineHeight;
}

/** Hides far blocks now and keeps the near ones laid out while scrolling; returns the tracker. */
export function deferOffscreenLayout(root: HTMLElement, blocks: readonly HTMLElement[]): ViewportTracker {
  // Hide first, measure after: reading a width before hiding would lay out the whole book.
  for (const block of blocks) block.classList.add(FAR);
  const style = getComputedStyle(root);
  const lineHeight = parseFloat(style.lineHeight) || 28;
  const fontSize = parseFloat(style.fontSize) || 17;
  const charsPerLine = Math.max(20, Math.floor(root.clientWidth / (fontSize * 0.5)));
  for (const block of blocks) {
    const height = estimateHeight(block.textContent?.length ?? 0, charsPerLine, lineHeight);
    block.style.containIntrinsicBlockSize = `auto ${height}px`;
  }
  const tracker = new ViewportTracker(blocks);
  let shown: BlockRange = { first: 0, last: -1 };
  const apply = (range: BlockRange) => {
    for (let i = shown.first; i <= shown.last; i++) if (i < range.first || i > range.last) blocks[i]?.classList.add(FAR);
    for (let i = range.first; i <= range.last; i++) blocks[i]?.classList.remove(FAR);
    shown = range;
  };
  // Revealing blocks changes heights (estimates → real): measure again until it settles.
  for (let pass = 0; pass < 3; pass++) {
    apply(tracker.range);
    tracker.update();
  }
  apply(tracker.range);
  tracker.subscribe(apply);
  return tracker;
}

export function restoreLayout(blocks: readonly HTMLElement[]): void {
  for (const block of blocks) block.classList.remove(FAR);
}

/** Makes sure a block is laid out now (before scrolling to it or moving a caret into it). */
export function revealBlock(block: HTMLElement | undefined): void {
  block?.classList.remove(FAR);
}
