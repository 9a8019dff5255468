/**
 * Handles on the two ends of one segment (the one open in the Segment panel) to adjust its
 * span: drag a handle along the text, or focus it and press Left/Right (a character: a letter
 * with its marks, a whole emoji) or Ctrl/Alt+Left/Right (a word). Each handle is a slider, so
 * assistive technology hears where the end is. The change itself is the caller's (one undoable
 * action per drag or key press); what the span becomes is computed from the segment as it is
 * when the change is made, so quick key presses add up instead of overwriting each other.
 */
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { resizedSpan, stepBoundary, type SpanEnd } from '../../domain/resizeSegment';
import type { Span } from '../../domain/span';
import { offsetFromPoint } from '../domOffsets';
import { emphasise } from '../emphasis';
import { charRect, laidOutBlock } from '../spanGeometry';
import { useViewer } from '../ViewerContext';
import '../stripes.css';

interface Props {
  /** The segment whose ends can be moved, with offsets placed in the text; null: none. */
  segment: (Span & { id: string }) | null;
  /** Moves the segment to what `toSpan` makes of its span at the time the change is made. */
  onAdjust: (segmentId: string, toSpan: (current: Span) => Span) => void;
}

/** Where a handle stands, in the text column's coordinates; null where its text is not laid out. */
interface Box {
  left: number;
  top: number;
  height: number;
  rtl: boolean;
}

export function SegmentHandlesPlugin({ segment, onAdjust }: Props) {
  const { root, blocks, layout, text } = useViewer();
  const [drag, setDrag] = useState<{ which: SpanEnd; span: Span } | null>(null);
  const shown = drag?.span ?? segment;
  const [boxes, setBoxes] = useState<Record<SpanEnd, Box | null> | null>(null);
  const start = shown?.start ?? -1;
  const end = shown?.end ?? -1;

  useLayoutEffect(() => {
    if (start < 0) return setBoxes(null);
    const measure = () => setBoxes(handleBoxes(root, blocks, layout.starts, { start, end }));
    measure();
    // The text reflows (window resized, fonts loaded): the ends move with it.
    const resizes = new ResizeObserver(measure);
    resizes.observe(root);
    return () => resizes.disconnect();
  }, [root, blocks, layout, start, end]);

  // A drag is the segment's own: another segment opening, or this one closing, ends it.
  const segmentId = segment?.id ?? null;
  useLayoutEffect(() => setDrag(null), [segmentId]);

  const step = useCallback(
    (which: SpanEnd, e: KeyboardEvent, rtl: boolean) => {
      if (!segment || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
      e.preventDefault();
      const direction = (e.key === 'ArrowRight') !== rtl ? 'forward' : 'backward';
      const unit = e.ctrlKey || e.altKey || e.metaKey ? 'word' : 'character';
      onAdjust(segment.id, (current) => {
        const moved = { ...current, [which]: stepBoundary(text, current[which], which, direction, unit) };
        return moved.start < moved.end ? moved : current;
      });
    },
    [segment, onAdjust, text],
  );

  /** Where the dragged end is now (a ref: the pointer may be released before React renders the last move). */
  const pending = useRef<Span | null>(null);
  const dragging = useRef(false);
  const stopDrag = () => {
    dragging.current = false;
    pending.current = null;
    setDrag(null);
    emphasise(blocks, layout.starts, null);
  };

  if (!segment || !boxes) return null;
  const handle = (which: SpanEnd) => {
    const box = boxes[which];
    if (!box) return null;
    const at = which === 'start' ? segment.start : segment.end;
    const words = which === 'start' ? `starts at “${text.slice(at, at + 24).trim()}…”` : `ends at “…${text.slice(Math.max(0, at - 24), at).trim()}”`;
    return (
      <SpanHandle
        key={which}
        which={which}
        box={box}
        value={at}
        max={text.length}
        valueText={words}
        dragging={drag?.which === which}
        onKeyDown={(e) => (e.key === 'Escape' && drag ? stopDrag() : step(which, e, box.rtl))}
        onDragStart={() => {
          dragging.current = true;
          setDrag({ which, span: { start: segment.start, end: segment.end } });
        }}
        onDragMove={(x, y) => {
          if (!dragging.current) return; // cancelled with Escape
          const offset = offsetFromPoint(root, x, y);
          if (offset === null) return;
          const next = which === 'start' ? { start: offset, end: segment.end } : { start: segment.start, end: offset };
          const span = next.start < next.end ? resizedSpan(text, next.start, next.end) : null;
          if (!span) return;
          pending.current = span;
          setDrag({ which, span });
          emphasise(blocks, layout.starts, span);
        }}
        onDragEnd={() => {
          const span = pending.current;
          stopDrag();
          if (span && (span.start !== segment.start || span.end !== segment.end)) onAdjust(segment.id, () => span);
        }}
      />
    );
  };
  return (
    <>
      {handle('start')}
      {handle('end')}
    </>
  );
}

interface HandleProps {
  which: SpanEnd;
  box: Box;
  value: number;
  max: number;
  valueText: string;
  dragging: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
  onDragStart: () => void;
  onDragMove: (x: number, y: number) => void;
  onDragEnd: () => void;
}

/**
 * One handle. While it is dragged the pointer is followed on the window, and the handle lets
 * the pointer through (pointer-events: none), so the text under the pointer is what is hit.
 */
function SpanHandle({ which, box, value, max, valueText, dragging, onKeyDown, onDragStart, onDragMove, onDragEnd }: HandleProps) {
  const el = useRef<HTMLSpanElement>(null);
  const moves = useRef({ onDragMove, onDragEnd });
  moves.current = { onDragMove, onDragEnd };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection starts under the handle
    el.current?.focus();
    onDragStart();
    const move = (ev: globalThis.PointerEvent) => moves.current.onDragMove(ev.clientX, ev.clientY);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      moves.current.onDragEnd();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };
  return (
    <span
      ref={el}
      role="slider"
      tabIndex={0}
      className={`segment-handle ${which}${dragging ? ' dragging' : ''}`}
      aria-label={which === 'start' ? 'Start of the segment' : 'End of the segment'}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      title="Drag, or press Left/Right (with Ctrl: a word at a time)"
      style={{ left: box.left, top: box.top, height: box.height }}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/** The handles' places: before the first character and after the last, on their lines. */
function handleBoxes(root: HTMLElement, blocks: readonly HTMLElement[], starts: readonly number[], span: Span): Record<SpanEnd, Box | null> {
  const host = (root.parentElement ?? root).getBoundingClientRect();
  const box = (which: SpanEnd): Box | null => {
    const first = which === 'start';
    const rect = charRect(blocks, starts, first ? span.start : span.end, first ? 'first' : 'last');
    const block = laidOutBlock(blocks, starts, first ? span.start : span.end - 1);
    if (!rect || !block) return null;
    const rtl = getComputedStyle(block).direction === 'rtl';
    // The start is before the first character: its left edge in left-to-right text, its right edge in right-to-left.
    const x = first !== rtl ? rect.left : rect.right;
    return { left: x - host.left, top: rect.top - host.top, height: rect.height, rtl };
  };
  return { start: box('start'), end: box('end') };
}
