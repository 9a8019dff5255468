/**
 * Book-length documents: lay out only the blocks near the viewport. Far blocks get
 * `content-visibility: hidden` with an estimated height (the browser then keeps their real
 * height once seen), so opening a 2 MB text costs about one screenful of layout, not the
 * whole book. Visible blocks carry no containment at all — `content-visibility: auto` on
 * every block breaks drag selection in Chromium, this does not.
 * The text stays in the DOM: offsets, selection, copy and Ctrl+A are unaffected.
 */

/** Below this many characters a document is laid out at once (no gain, no risk). */
export const LAZY_LAYOUT_THRESHOLD = 100_000;
const FAR = 'far';

/** A rough line count for a block before it has ever been laid out. */
function estimateHeight(length: number, charsPerLine: number, lineHeight: number): number {
  return Math.max(1, Math.ceil(length / charsPerLine)) * lineHeight;
}

export function deferOffscreenLayout(root: HTMLElement, blocks: readonly HTMLElement[]): () => void {
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
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) (e.target as HTMLElement).classList.toggle(FAR, !e.isIntersecting);
    },
    // Lay out well ahead of the viewport so scrolling never reveals an unlaid block.
    { rootMargin: '150% 0px 150% 0px' },
  );
  for (const block of blocks) observer.observe(block);
  return () => {
    observer.disconnect();
    for (const block of blocks) block.classList.remove(FAR);
  };
}

/** Makes sure a block is laid out now (before scrolling to it or moving a caret into it). */
export function revealBlock(block: HTMLElement | undefined): void {
  block?.classList.remove(FAR);
}
