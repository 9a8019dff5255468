/**
 * "Saved as you type": keeps a local draft and stores it after a pause, on blur, and when
 * the component goes away — so nothing typed is lost and undo gets one step per burst.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useDebouncedSave(stored: string, save: (value: string) => void, delayMs = 500) {
  const [draft, setDraft] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft: stored, stored, save });
  latest.current = { draft, stored, save };

  // Follow the stored value when it changes from elsewhere (undo, another panel).
  useEffect(() => {
    if (!timer.current) setDraft(stored);
  }, [stored]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { draft: d, stored: s, save: sv } = latest.current;
    if (d !== s) sv(d);
  }, []);

  const onChange = useCallback(
    (value: string) => {
      setDraft(value);
      latest.current.draft = value;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => flush, [flush]);
  return { draft, onChange, flush };
}
