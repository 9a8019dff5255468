/**
 * Where a span's ends are on screen, from the text's own layout: the client rect of its first
 * character and of its last. Never lays out a section that skips layout (see lazyLayout.ts):
 * there the answer is null, and callers estimate or wait.
 */
import { blockIndexAt } from './blocks';
import { offsetToDomPoint } from './domOffsets';

/** The block (paragraph) holding `offset`, if its section is laid out. */
export function laidOutBlock(blocks: readonly HTMLElement[], starts: readonly number[], offset: number): HTMLElement | null {
  const block = blocks[blockIndexAt(starts, offset)];
  return block && !block.parentElement?.classList.contains('far') ? block : null;
}

/**
 * The rect of the character starting at `offset` ('first': a span's first character), or of the
 * one ending there ('last'); null when its section is not laid out.
 */
export function charRect(blocks: readonly HTMLElement[], starts: readonly number[], offset: number, which: 'first' | 'last'): DOMRect | null {
  const block = laidOutBlock(blocks, starts, which === 'first' ? offset : Math.max(0, offset - 1));
  if (!block) return null;
  const a = offsetToDomPoint(blocks, starts, which === 'first' ? offset : Math.max(0, offset - 1));
  const b = offsetToDomPoint(blocks, starts, which === 'first' ? offset + 1 : offset);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const rects = range.getClientRects();
  return (which === 'first' ? rects[0] : rects[rects.length - 1]) ?? block.getBoundingClientRect();
}
