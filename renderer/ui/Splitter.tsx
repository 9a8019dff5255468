/**
 * A vertical bar between two columns that resizes the panel beside it: drag it, or focus it
 * and use the arrows (Shift for bigger steps), Home and End — the WAI-ARIA window splitter.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** E.g. "Resize documents panel". */
  label: string;
  /** Id of the panel it resizes. */
  controls: string;
  value: number;
  min: number;
  max: number;
  /** 1 when the panel is left of the bar (moving the bar right widens it), -1 when right of it. */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter({ label, controls, value, min, max, direction, onChange }: Props) {
  const drag = useRef<{ x: number; value: number } | null>(null);
  const set = (v: number) => onChange(Math.round(Math.min(max, Math.max(min, v))));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, number> = { ArrowLeft: value - step * direction, ArrowRight: value + step * direction, Home: min, End: max };
    if (!(e.key in moves)) return;
    e.preventDefault();
    set(moves[e.key]!);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) set(drag.current.value + (e.clientX - drag.current.x) * direction);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={`${value} pixels`}
      tabIndex={0}
      className="splitter"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
