/**
 * Book-length documents: lay out only the blocks near the viewport. Far blocks get
 * `content-visibility: hidden` with an estimated height (the browser then keeps their real
 * height once seen), so opening a 2 MB text costs about one screenful of layout, not the
 * whole book. Visible blocks carry no containment at all — `content-visibility: auto` on
 * every block breaks drag selection in Chromium, this does not.
 * The text stays in the DOM: offsets, selection, copy and Ctrl+A are unaffected.
 */
import { blockIndexAt } from './blocks';
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
  // Blocks near the viewport are revealed at once; the rest one small chunk per frame, so
  // soon after opening the whole book is laid out and scrolls like plain text.
  // (Measured: keeping far blocks hidden costs pre-paint work on every scrolled frame, and
  // hiding blocks again behind the viewport re-lays-out on every frame.)
  let hidden = blocks.length;
  const reveal = (i: number) => {
    const block = blocks[i];
    if (!block?.classList.contains(FAR)) return;
    block.classList.remove(FAR);
    hidden--;
  };
  const apply = (range: BlockRange) => {
    for (let i = range.first; i <= range.last; i++) reveal(i);
  };
  // Revealing blocks changes heights (estimates → real): measure again until it settles.
  for (let pass = 0; pass < 3; pass++) {
    apply(tracker.range);
    tracker.update();
  }
  apply(tracker.range);
  tracker.subscribe(apply);
  revealInBackground(blocks, tracker, reveal, () => hidden > 0);
  return tracker;
}

/** Background layout pauses for this long after a key or pointer press or a selection change in the text. */
const INPUT_QUIET_MS = 300;

/**
 * About this many characters are laid out per frame. (A frame that reveals blocks costs
 * ~15 ms here whatever it reveals — the book's other blocks are walked again — but chunks of
 * 48,000 characters made opening slower and scrolling no better in the benchmark.)
 */
const CHUNK_CHARS = 12_000;

/**
 * Reveals the blocks below the viewport, then those above, one chunk per animation frame (the
 * chunk's layout then lands in that frame: idle callbacks proved rare on a busy page), until
 * none is hidden.
 */
function revealInBackground(
  blocks: readonly HTMLElement[],
  tracker: ViewportTracker,
  reveal: (i: number) => void,
  anyHidden: () => boolean,
): void {
  let below = tracker.range.last + 1;
  let above = tracker.range.first - 1;
  // The analyst comes first: no background layout in the frames right after a key or pointer
  // press or a change of the selection in the text, so selecting and coding a passage never
  // wait behind a chunk of the book. (Scrolling does not pause it: what is laid out in the
  // background need not be laid out on demand while scrolling, which costs more.)
  let lastInput = 0;
  const onInput = () => (lastInput = performance.now());
  const root = blocks[0]?.parentElement;
  // A selection made or moved in the text is input too: the passage is about to be coded.
  const onSelection = () => {
    if (root?.contains(document.getSelection()?.anchorNode ?? null)) onInput();
  };
  root?.addEventListener('keydown', onInput, true);
  root?.addEventListener('pointerdown', onInput, true);
  document.addEventListener('selectionchange', onSelection);
  const stop = () => {
    root?.removeEventListener('keydown', onInput, true);
    root?.removeEventListener('pointerdown', onInput, true);
    document.removeEventListener('selectionchange', onSelection);
  };
  const step = () => {
    if (!blocks[0]?.isConnected || !anyHidden()) return stop();
    if (performance.now() - lastInput < INPUT_QUIET_MS) return void requestAnimationFrame(step);
    let chars = 0;
    while (chars < CHUNK_CHARS && (below < blocks.length || above >= 0)) {
      // Everything below first (reading goes down, and laying out blocks below the viewport
      // moves nothing on screen), then what is above.
      const i = below < blocks.length ? below++ : above--;
      chars += blocks[i]!.textContent?.length ?? 0;
      reveal(i);
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export function restoreLayout(blocks: readonly HTMLElement[]): void {
  for (const block of blocks) block.classList.remove(FAR);
}

/** Makes sure a block is laid out now (before scrolling to it or moving a caret into it). */
export function revealBlock(block: HTMLElement | undefined): void {
  block?.classList.remove(FAR);
}

/** Scrolls the block holding `offset` to the middle of the view, laying it out first. */
export function scrollOffsetToCenter(blocks: readonly HTMLElement[], starts: readonly number[], offset: number): void {
  const block = blocks[blockIndexAt(starts, offset)];
  revealBlock(block);
  block?.scrollIntoView({ block: 'center' });
}
