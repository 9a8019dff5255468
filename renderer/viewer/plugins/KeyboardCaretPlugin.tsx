/**
 * Full keyboard selection in a read-only viewer. A read-only (contenteditable=false) text has
 * no caret in Chromium, so this plugin moves one with Selection.modify — the browser's own
 * word/line logic, bidi-aware — and draws it. Arrows move, Shift extends, Ctrl/Alt go by word,
 * Home/End by line, Ctrl+Home/End to the document's ends, Ctrl+A selects the whole text.
 */
import { useEffect, useState } from 'react';
import { revealBlock } from '../lazyLayout';
import { useViewer } from '../ViewerContext';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary';
type Direction = 'forward' | 'backward';

function movement(e: KeyboardEvent): { direction: Direction; granularity: Granularity } | null {
  const word = e.ctrlKey || e.altKey || e.metaKey;
  switch (e.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: word ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: word ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'Home':
      return { direction: 'backward', granularity: word ? 'documentboundary' : 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: word ? 'documentboundary' : 'lineboundary' };
    default:
      return null;
  }
}

/** Puts a collapsed caret at the start of the first block visible in the scroll area. */
function placeCaretInView(root: HTMLElement, selection: Selection) {
  const top = Math.max(root.getBoundingClientRect().top, 0);
  const reachesView = (el: Element) => el.getBoundingClientRect().bottom > top;
  // Sections first: reading a block's position in a section not laid out would lay it out.
  const sections = Array.from(root.children);
  const section = sections.find(reachesView) ?? sections[0];
  const blocks = Array.from(section?.querySelectorAll<HTMLElement>('[data-start]') ?? []);
  revealBlock(blocks[0]);
  const first = blocks.find(reachesView) ?? blocks[0];
  if (first) selection.collapse(first, 0);
}

export function KeyboardCaretPlugin() {
  const { root, blocks } = useViewer();
  const [caret, setCaret] = useState<{ left: number; top: number; height: number } | null>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const selection = window.getSelection();
      if (!selection) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        selection.selectAllChildren(root);
        return;
      }
      const move = movement(e);
      if (!move) return;
      e.preventDefault();
      // No caret yet: start from the first visible line, then make the move as asked.
      if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) placeCaretInView(root, selection);
      if (move.granularity === 'documentboundary') {
        // Jump straight to the end block: far blocks of a long document may not be laid out,
        // and Selection.modify only walks laid-out text.
        const block = move.direction === 'forward' ? blocks[blocks.length - 1] : blocks[0];
        if (!block) return;
        revealBlock(block);
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let node: Node = block;
        let offset = 0;
        if (move.direction === 'forward') {
          for (let n = walker.nextNode(); n; n = walker.nextNode()) node = n;
          offset = node === block ? block.childNodes.length : (node as Text).length;
        }
        if (e.shiftKey) selection.extend(node, offset);
        else selection.collapse(node, offset);
        block.scrollIntoView({ block: 'nearest' });
        return;
      }
      selection.modify(e.shiftKey ? 'extend' : 'move', move.direction, move.granularity);
    };
    // No caret is placed on focus: a mouse press must be free to start a drag selection.
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [root, blocks]);

  // Draw the caret where the (collapsed) selection is, while the text has focus.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const selection = window.getSelection();
        if (
          document.activeElement !== root ||
          !selection ||
          selection.rangeCount === 0 ||
          !selection.isCollapsed ||
          !root.contains(selection.focusNode)
        ) {
          setCaret(null);
          return;
        }
        const range = document.createRange();
        range.setStart(selection.focusNode!, selection.focusOffset);
        const rect = range.getClientRects()[0] ?? (selection.focusNode as Element).getBoundingClientRect?.();
        if (!rect) return setCaret(null);
        const host = root.getBoundingClientRect();
        setCaret({ left: rect.left - host.left, top: rect.top - host.top, height: rect.height || 18 });
      });
    };
    document.addEventListener('selectionchange', update);
    root.addEventListener('focus', update);
    root.addEventListener('blur', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      root.removeEventListener('focus', update);
      root.removeEventListener('blur', update);
    };
  }, [root]);

  if (!caret) return null;
  return (
    <div
      className="doc-caret"
      aria-hidden="true"
      style={{ left: caret.left + root.offsetLeft, top: caret.top + root.offsetTop, height: caret.height }}
    />
  );
}
