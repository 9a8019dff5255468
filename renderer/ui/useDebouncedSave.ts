/**
 * "Saved as you type" for a field: keeps a local draft and stores it after a pause, on blur,
 * and when the component goes away — so nothing typed is lost and undo gets one step per
 * burst. The rules are DebouncedDraft's; this adapts it to React.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DebouncedDraft } from './debouncedDraft';

export function useDebouncedSave(stored: string, save: (value: string) => unknown, delayMs = 500) {
  const [draft, setDraft] = useState(stored);
  const latestSave = useRef(save);
  latestSave.current = save;
  const [keeper] = useState(() => new DebouncedDraft(stored, stored, (value) => latestSave.current(value), setDraft, delayMs));

  // Follow the stored value when it changes from elsewhere (undo, another panel).
  useEffect(() => keeper.storedChanged(stored), [keeper, stored]);
  useEffect(() => () => keeper.flush(), [keeper]);

  const onChange = useCallback((value: string) => keeper.edit(value), [keeper]);
  const flush = useCallback(() => keeper.flush(), [keeper]);
  return { draft, onChange, flush };
}
