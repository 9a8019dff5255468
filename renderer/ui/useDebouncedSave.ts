/**
 * "Saved as you type" for a field: keeps a local draft and stores it after a pause, on blur,
 * when the component goes away and when the page is left (ui/unsavedTyping.ts) — so nothing
 * typed is lost and undo gets one step per burst. The rules are DebouncedDraft's; this adapts
 * it to React.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DebouncedDraft } from './debouncedDraft';
import { registerTypingField } from './unsavedTyping';

export interface DebouncedSaveOptions {
  delayMs?: number;
  /** Names the field so typing rescued at a reload is stored at the next start (project/typedFields.ts). */
  rescueKey?: string;
  /** What the store keeps of a draft (see DebouncedDraft). */
  storedForm?: (draft: string) => string;
}

export function useDebouncedSave(stored: string, save: (value: string) => unknown, options: DebouncedSaveOptions = {}) {
  const [draft, setDraft] = useState(stored);
  const latestSave = useRef(save);
  latestSave.current = save;
  const [keeper] = useState(
    () => new DebouncedDraft(stored, stored, (value) => latestSave.current(value), setDraft, { delayMs: options.delayMs, storedForm: options.storedForm }),
  );
  const rescueKey = options.rescueKey ?? null;

  // Follow the stored value when it changes from elsewhere (undo, another panel).
  useEffect(() => keeper.storedChanged(stored), [keeper, stored]);
  useEffect(() => registerTypingField({ draft: keeper, rescueKey }), [keeper, rescueKey]);
  useEffect(() => () => keeper.flush(), [keeper]);

  const onChange = useCallback((value: string) => keeper.edit(value), [keeper]);
  const flush = useCallback(() => keeper.flush(), [keeper]);
  /** For a textarea: its value and events, and the mark that makes Ctrl+Z undo a burst (features/history). */
  const fieldProps = {
    value: draft,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    onBlur: flush,
    'data-saved-as-you-type': '',
  };
  return { draft, onChange, flush, fieldProps };
}
