/**
 * Book-length documents: lay out only the sections near the viewport. Far sections' bodies
 * (see SectionNode) get `content-visibility: hidden` with an estimated height (the browser
 * then keeps their real height once seen), so opening a 2 MB text costs about one screenful of
 * layout, not the whole book. Laid-out sections keep only layout and paint containment —
 * `content-visibility: auto` breaks drag selection in Chromium, this does not.
 * The text stays in the DOM: offsets, selection and Ctrl+A are unaffected (copy is ours: CopyPlugin).
 */
import { blockIndexAt } from './blocks';
import { ViewportTracker, type BlockRange } from './viewportTracker';

/** Below this many characters a document is laid out at once (no gain, no risk). */
export const LAZY_LAYOUT_THRESHOLD = 100_000;
const FAR = 'far';

/** Whether a section (its body) still skips layout. */
const isHidden = (section: HTMLElement | undefined): boolean => section?.classList.contains(FAR) ?? false;

/** The viewer's sections (see groupSections in blocks.ts) and the block texts they hold. */
export interface LazySections {
  sections: readonly HTMLElement[];
  /** Index of each section's first block. */
  firsts: readonly number[];
  /** The block texts, for height estimates that need no layout. */
  lines: readonly string[];
}

/** A rough height for a block before it has ever been laid out. */
function estimateHeight(length: number, charsPerLine: number, lineHeight: number): number {
  return Math.max(1, Math.ceil(length / charsPerLine)) * lineHeight;
}

/** Hides far sections now and keeps the near ones laid out while scrolling; returns the tracker. */
export function deferOffscreenLayout(root: HTMLElement, blocks: readonly HTMLElement[], lazy: LazySections): ViewportTracker {
  const { sections, firsts, lines } = lazy;
  // Hide first, measure after: reading a width before hiding would lay out the whole book.
  for (const section of sections) section.classList.add(FAR);
  const style = getComputedStyle(root);
  const lineHeight = parseFloat(style.lineHeight) || 28;
  const fontSize = parseFloat(style.fontSize) || 17;
  const charsPerLine = Math.max(20, Math.floor(root.clientWidth / (fontSize * 0.5)));
  const placeholders = sections.map((section, k) => {
    let height = 0;
    for (let i = firsts[k]!; i < (firsts[k + 1] ?? lines.length); i++) {
      height += estimateHeight(lines[i]!.length, charsPerLine, lineHeight);
    }
    section.style.containIntrinsicBlockSize = `auto ${height}px`;
    return height;
  });
  const isLaidOut = (section: HTMLElement) => !isHidden(section);
  const tracker = new ViewportTracker(blocks, { sections, firsts, isLaidOut });
  const sectionRange = (range: BlockRange) => ({ first: blockIndexAt(firsts, range.first), last: blockIndexAt(firsts, range.last) });
  calibrate(sections, placeholders, sectionRange(tracker.range), lineHeight);
  /**
   * Lays out section k and keeps the book's height as it was: the difference between its real
   * height and its estimate goes to the hidden sections beyond it (`away`: +1 below, -1 above).
   * Why: the scrollbar and everything below stay where they were while the book is laid out in
   * the background (and, measured without the sections' containment, a change of the scrolled
   * height made Chromium re-check everything laid out: ~9 ms a frame for a whole book).
   */
  const reveal = (k: number, away: 1 | -1) => {
    const section = sections[k];
    if (!section || !isHidden(section)) return;
    section.classList.remove(FAR);
    let delta = section.getBoundingClientRect().height - placeholders[k]!;
    for (let j = k + away; Math.abs(delta) >= 1 && j >= 0 && j < sections.length; j += away) {
      if (!isHidden(sections[j])) continue;
      const height = Math.max(lineHeight, placeholders[j]! - delta);
      delta -= placeholders[j]! - height;
      placeholders[j] = height;
      sections[j]!.style.containIntrinsicBlockSize = `auto ${height}px`;
    }
  };
  // Sections near the viewport are revealed at once (those above it giving their difference to
  // the hidden ones above, so the view does not jump); the rest one per frame, so soon after
  // opening the whole book is laid out and scrolls like plain text.
  // (Measured: keeping far sections hidden costs pre-paint work on every scrolled frame, and
  // hiding them again behind the viewport re-lays-out on every frame.)
  const apply = (range: BlockRange) => {
    const { first, last } = sectionRange(range);
    const middle = (first + last) / 2;
    for (let k = first; k <= last; k++) reveal(k, k < middle ? -1 : 1);
  };
  // Revealing sections changes heights (estimates → real): measure again until it settles.
  for (let pass = 0; pass < 3; pass++) {
    apply(tracker.range);
    tracker.update();
  }
  apply(tracker.range);
  tracker.subscribe(apply);
  revealInBackground(root, sections, sectionRange(tracker.range), reveal);
  return tracker;
}

/**
 * Lays out the sections the view opens on and scales every other section's estimate by how far
 * off theirs were (the text's real width per character, not a guess). Why: each section laid
 * out later hands its error to the hidden ones beyond it, and what is left when the last one is
 * laid out changes the book's height — measured: the 2 MB bench book came out 136,000 px
 * shorter than estimated, and that one change cost a ~40 ms frame in the middle of scrolling.
 */
function calibrate(sections: readonly HTMLElement[], placeholders: number[], near: { first: number; last: number }, lineHeight: number): void {
  let real = 0;
  let estimated = 0;
  for (let k = near.first; k <= near.last; k++) sections[k]!.classList.remove(FAR);
  for (let k = near.first; k <= near.last; k++) {
    real += sections[k]!.getBoundingClientRect().height;
    estimated += placeholders[k]!;
  }
  if (real <= 0 || estimated <= 0) return;
  // Bounded: an opening page unlike the rest (a title page, a table) must not skew the whole book.
  const scale = Math.min(2, Math.max(0.5, real / estimated));
  sections.forEach((section, k) => {
    if (!isHidden(section)) return;
    placeholders[k] = Math.max(lineHeight, placeholders[k]! * scale);
    section.style.containIntrinsicBlockSize = `auto ${placeholders[k]}px`;
  });
}

/** Background layout pauses for this long after a key or pointer press or a selection change in the text. */
const INPUT_QUIET_MS = 300;
/** A frame interval above this (more than a 60 Hz frame and a half) means the page is busy. */
const BUSY_FRAME_MS = 25;

/**
 * Reveals the sections below the viewport, then those above, one per animation frame (its
 * layout then lands in that frame: idle callbacks proved rare on a busy page), until none is
 * hidden. A section holds at most SECTION_MAX_CHARS characters, so a frame lays out little.
 */
function revealInBackground(
  root: HTMLElement,
  sections: readonly HTMLElement[],
  near: { first: number; last: number },
  reveal: (k: number, away: 1 | -1) => void,
): void {
  let below = near.last + 1;
  let above = near.first - 1;
  // The analyst comes first: no background layout in the frames right after a key or pointer
  // press or a change of the selection in the text, so selecting and coding a passage never
  // wait behind a section of the book. (Scrolling does not pause it: what is laid out in the
  // background need not be laid out on demand while scrolling, which costs more.)
  let lastInput = 0;
  const onInput = () => (lastInput = performance.now());
  // A selection made or moved in the text is input too: the passage is about to be coded.
  const onSelection = () => {
    if (root.contains(document.getSelection()?.anchorNode ?? null)) onInput();
  };
  root.addEventListener('keydown', onInput, true);
  root.addEventListener('pointerdown', onInput, true);
  document.addEventListener('selectionchange', onSelection);
  const stop = () => {
    root.removeEventListener('keydown', onInput, true);
    root.removeEventListener('pointerdown', onInput, true);
    document.removeEventListener('selectionchange', onSelection);
  };
  let lastFrame = 0;
  const step = (now: number) => {
    if (!root.isConnected || (below >= sections.length && above < 0)) return stop();
    // A frame that came late (the page is busy, e.g. painting a fast scroll) gets no section
    // on top: the next one will.
    const late = lastFrame > 0 && now - lastFrame > BUSY_FRAME_MS;
    lastFrame = now;
    if (late || now - lastInput < INPUT_QUIET_MS) return void requestAnimationFrame(step);
    // Everything below first (reading goes down, and laying out sections below the viewport
    // moves nothing on screen), then what is above. Sections revealed meanwhile (scrolling,
    // find) are skipped.
    const next = (): [number, 1 | -1] => (below < sections.length ? [below++, 1] : [above--, -1]);
    let [k, away] = next();
    while (!isHidden(sections[k]) && (below < sections.length || above >= 0)) [k, away] = next();
    reveal(k, away);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export function restoreLayout(sections: readonly HTMLElement[]): void {
  for (const section of sections) section.classList.remove(FAR);
}

/** Makes sure a block is laid out now (before scrolling to it or moving a caret into it). */
export function revealBlock(block: HTMLElement | undefined): void {
  block?.parentElement?.classList.remove(FAR);
}

/** Scrolls the block holding `offset` to the middle of the view, laying it out first. */
export function scrollOffsetToCenter(blocks: readonly HTMLElement[], starts: readonly number[], offset: number): void {
  const block = blocks[blockIndexAt(starts, offset)];
  revealBlock(block);
  block?.scrollIntoView({ block: 'center' });
}
