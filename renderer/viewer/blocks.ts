/**
 * The viewer shows a document as blocks, one per line of the normalised text (so paragraphs
 * and blank lines appear as the file has them). A block's start offset plus the offset inside
 * it is the document offset; the "\n" between blocks belongs to no block.
 */

export interface BlockLayout {
  /** UTF-16 offset where each block starts. */
  starts: number[];
  /** The block texts, without their line breaks. */
  lines: string[];
}

export function layoutBlocks(text: string): BlockLayout {
  const lines = text.split('\n');
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i]!.length + 1;
  }
  return { starts, lines };
}

/** Index of the block containing `offset` (an offset on a line break maps to the block before it). */
export function blockIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A section closes once it holds this many characters or this many blocks. */
export const SECTION_MAX_CHARS = 8_000;
export const SECTION_MAX_BLOCKS = 64;

/**
 * Groups consecutive blocks into sections, returning the index of each section's first block.
 * Why: the viewer lays out a long document one section per frame (see lazyLayout.ts and
 * SectionNode.ts), so a section must be small enough to lay out within a frame, and showing
 * it must not make Chromium re-check the rest of the book, as showing one of ~4,000 flat
 * paragraphs did.
 */
export function groupSections(lines: readonly string[], maxChars = SECTION_MAX_CHARS, maxBlocks = SECTION_MAX_BLOCKS): number[] {
  const firsts: number[] = [];
  let chars = 0;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (count === 0) firsts.push(i);
    chars += lines[i]!.length + 1;
    count++;
    if (chars >= maxChars || count >= maxBlocks) {
      chars = 0;
      count = 0;
    }
  }
  return firsts;
}
