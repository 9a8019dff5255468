/**
 * Leaving the page never loses typing (ui/unsavedTyping.ts): guards the window while the app
 * runs, and at start stores the typing rescued when the page was last left.
 */
import { useEffect } from 'react';
import type { ProjectStore } from '../../project/projectStore';
import { storeRescuedTyping } from '../../project/typedFields';
import { guardLeaving, rescueTyping, takeRescuedTyping } from '../../ui/unsavedTyping';

export function useTypingRescue(store: ProjectStore): void {
  useEffect(() => guardLeaving(window), []);
  useEffect(() => {
    const rescued = takeRescuedTyping(window.localStorage);
    if (rescued.length === 0) return;
    // Typing a read-only window could not store waits for a window that can.
    void storeRescuedTyping(store, rescued).then((kept) => rescueTyping(window.localStorage, kept));
  }, [store]);
}
