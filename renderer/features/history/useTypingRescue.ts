/**
 * Leaving the page never loses typing (ui/unsavedTyping.ts): guards the window while the app
 * runs, and at start stores the typing rescued in this project when a page was last left.
 */
import { useEffect } from 'react';
import { storeRescuedTyping } from '../../project/typedFields';
import { useServices } from '../../ui/ProjectContext';
import { guardLeaving, rescueTyping, takeRescuedTyping } from '../../ui/unsavedTyping';

export function useTypingRescue(): void {
  const { store, projectFile } = useServices();
  useEffect(() => {
    // Asked when the page goes: "Save as" may have moved the window onto a copy meanwhile.
    const project = () => projectFile?.getSnapshot().project.id ?? null;
    const unguard = guardLeaving(window, project);
    const rescued = takeRescuedTyping(window.localStorage, project());
    // Typing a read-only window could not store waits for a window that can.
    if (rescued.length > 0) void storeRescuedTyping(store, rescued).then((kept) => rescueTyping(window.localStorage, kept));
    return unguard;
  }, [store, projectFile]);
}
