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
