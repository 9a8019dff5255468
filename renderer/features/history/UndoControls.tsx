/**
 * Undo/Redo buttons plus the keyboard shortcuts (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y) and
 * the Electron menu's commands. Inside a plain text field (a name, a search) the field's own
 * undo wins. A field saved as you type (a memo) is part of the project's history instead: its
 * typing is stored one burst per undo step, so Ctrl+Z there first takes back the typing not
 * stored yet, then undoes the project's changes — the same steps as the header's Undo, never a
 * character at a time (the browser's own undo, which a React-controlled field breaks into keys).
 */
import { useEffect } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { restoreRevertedTyping, revertUnsavedTyping } from '../../ui/unsavedTyping';
import { useTypingRescue } from './useTypingRescue';

function inPlainTextField(target: EventTarget | null): boolean {
  const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  return field && !(target as HTMLElement).hasAttribute('data-saved-as-you-type');
}

export function UndoControls() {
  const { store, api } = useServices();
  const { canUndo, canRedo, undoLabel, redoLabel } = useProject();
  // The header lives as long as the project is open: the typing the history will hold is guarded from here.
  useTypingRescue();

  useEffect(() => {
    const undo = () => revertUnsavedTyping() || void store.undo();
    const redo = () => restoreRevertedTyping() || void store.redo();
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || inPlainTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const off = api.onMenuCommand((command) => {
      if (command === 'undo') undo();
      if (command === 'redo') redo();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      off();
    };
  }, [store, api]);

  return (
    <div className="undo-controls">
      <button
        type="button"
        onClick={() => void store.undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => void store.redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'}
      >
        Redo
      </button>
    </div>
  );
}
