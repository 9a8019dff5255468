/**
 * The selection the coding popup is open for. A new passage is rendered at once, inside the
 * frame the selection is reported in (flushSync), rather than in a task after that frame has
 * painted: the popup is what the analyst waits for after the mouse-up. Updates of the same
 * passage (its rectangle while the text scrolls) stay ordinary, batched renders.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SelectionInfo } from '../../viewer/plugins/SelectionPlugin';

export function usePopupSelection() {
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const shown = useRef<SelectionInfo | null>(null);
  useLayoutEffect(() => {
    shown.current = selection;
  }, [selection]);
  const onSelectionChange = useCallback((info: SelectionInfo | null) => {
    const was = shown.current?.span;
    const opens = info !== null && (was?.start !== info.span.start || was?.end !== info.span.end);
    if (opens) flushSync(() => setSelection(info));
    else setSelection(info);
  }, []);
  /** The passage the popup is open for as shown now — not as of the render a callback was made in. */
  const openSpan = useCallback(() => shown.current?.span ?? null, []);
  return { selection, setSelection, onSelectionChange, openSpan };
}
