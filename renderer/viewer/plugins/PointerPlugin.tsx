/**
 * Turns pointer and keyboard "activation" into document offsets: hover or a resting caret
 * (for code-name tooltips), a click that leaves no selection, and Enter at the caret (both
 * open the segments at that point).
 */
import { useEffect } from 'react';
import { domPointToOffset, offsetFromPoint } from '../domOffsets';
import { useViewer } from '../ViewerContext';

interface Props {
  onHover: (offset: number | null, x: number, y: number) => void;
  onActivate: (offset: number) => void;
}

export function PointerPlugin({ onHover, onActivate }: Props) {
  const { root } = useViewer();
  useEffect(() => {
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => onHover(offsetFromPoint(root, e.clientX, e.clientY), e.clientX, e.clientY));
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      onHover(null, 0, 0);
    };
    const onClick = (e: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return; // a drag made a selection: that's for coding
      const offset = offsetFromPoint(root, e.clientX, e.clientY);
      if (offset !== null) onActivate(offset);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      const s = window.getSelection();
      if (!s || s.rangeCount === 0 || !root.contains(s.focusNode)) return;
      const offset = domPointToOffset(root, s.focusNode!, s.focusOffset);
      if (offset === null) return;
      e.preventDefault();
      onActivate(offset);
    };
    // Keyboard users get the same names when the caret rests in a highlight.
    const onCaret = () => {
      const s = window.getSelection();
      if (document.activeElement !== root || !s?.isCollapsed || !s.focusNode || !root.contains(s.focusNode)) return;
      const offset = domPointToOffset(root, s.focusNode, s.focusOffset);
      const range = document.createRange();
      range.setStart(s.focusNode, s.focusOffset);
      const rect = range.getClientRects()[0];
      if (offset !== null && rect) onHover(offset, rect.left, rect.bottom - 12);
    };
    document.addEventListener('selectionchange', onCaret);
    root.addEventListener('mousemove', onMove);
    root.addEventListener('mouseleave', onLeave);
    root.addEventListener('click', onClick);
    root.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onCaret);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('mouseleave', onLeave);
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKey);
    };
  }, [root, onHover, onActivate]);
  return null;
}
