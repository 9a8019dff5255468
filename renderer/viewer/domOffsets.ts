/**
 * The single place where DOM positions and document offsets meet. Every block element of the
 * viewer (a paragraph, inside a section) carries `data-start` (its offset in the normalised
 * text); inside a block, the offset is the number of UTF-16 code units of text before the DOM
 * point — which is exactly what Range.toString().length counts, so emoji, combining marks and
 * RTL text need no special case.
 */
import type { Span } from '../domain/span';
import { blockIndexAt } from './blocks';

const BLOCK_SELECTOR = '[data-start]';

function blockOf(root: HTMLElement, node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const block = el?.closest<HTMLElement>(BLOCK_SELECTOR) ?? null;
  return block && root.contains(block) ? block : null;
}

function blockStart(block: HTMLElement): number {
  return Number(block.dataset.start);
}

/** Document offset of a DOM point inside the viewer root, or null if it is outside. */
export function domPointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null;
  const block = node === root ? null : blockOf(root, node);
  if (!block) return node instanceof Element ? pointBetweenBlocks(root, node, offset) : null;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return blockStart(block) + range.toString().length;
}

/**
 * A point in the root or in a section, between blocks: the start of the next block, or the end
 * of the last one (the root's end). The end of a section is the start of the next section.
 */
function pointBetweenBlocks(root: HTMLElement, container: Element, offset: number): number {
  const child = container.childNodes[offset];
  if (child instanceof Element) {
    let first: Element | null = child;
    while (first && !first.matches(BLOCK_SELECTOR)) first = first.firstElementChild;
    if (first) return blockStart(first as HTMLElement);
  }
  if (container !== root && container.parentElement) {
    const parent = container.parentElement;
    return pointBetweenBlocks(root, parent, Array.prototype.indexOf.call(parent.childNodes, container) + 1);
  }
  let last: Element | null = root.lastElementChild;
  while (last && !last.matches(BLOCK_SELECTOR)) last = last.lastElementChild;
  return last ? blockStart(last as HTMLElement) + (last.textContent?.length ?? 0) : 0;
}

/** The current selection as a document span (start ≤ end), or null if it is not in the viewer. */
export function selectionToOffsets(root: HTMLElement, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const a = domPointToOffset(root, range.startContainer, range.startOffset);
  const b = domPointToOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The DOM point for a document offset: a text node and an offset in it (or the empty block). */
export function offsetToDomPoint(
  blockElements: readonly HTMLElement[],
  starts: readonly number[],
  offset: number,
): { node: Node; offset: number } | null {
  const index = blockIndexAt(starts, offset);
  const block = blockElements[index];
  if (!block) return null;
  let remaining = offset - starts[index]!;
  // Fast path: a Lexical paragraph holding one text node (<p><span>text</span></p>).
  const only = block.firstChild;
  if (only && only === block.lastChild && only.firstChild instanceof Text && only.firstChild === only.lastChild) {
    return { node: only.firstChild, offset: Math.min(remaining, only.firstChild.length) };
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (remaining <= n.data.length) return { node: n, offset: remaining };
    remaining -= n.data.length;
    last = n;
  }
  // Past the block's text (on the line break): clamp to the block's end.
  return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 };
}

/** A span of the document as a StaticRange over the viewer's DOM (for highlights and selections). */
export function spanToRange(blocks: readonly HTMLElement[], starts: readonly number[], span: Span): StaticRange | null {
  const a = offsetToDomPoint(blocks, starts, span.start);
  const b = offsetToDomPoint(blocks, starts, span.end);
  return a && b
    ? new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset })
    : null;
}

/** The DOM point (text node and offset) under a viewport point, if any. */
export function domPointFromPoint(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Document offset under a viewport point (for hover and clicks on highlights). */
export function offsetFromPoint(root: HTMLElement, x: number, y: number): number | null {
  const point = domPointFromPoint(x, y);
  return point ? domPointToOffset(root, point.node, point.offset) : null;
}
