/**
 * Undo/Redo buttons plus the keyboard shortcuts (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y) and
 * the Electron menu's commands. Inside a text field the field's own undo wins.
 */
import { useEffect } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function UndoControls() {
  const { store, api } = useServices();
  const { canUndo, canRedo, undoLabel, redoLabel } = useProject();

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void store.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const off = api.onMenuCommand((command) => {
      if (command === 'undo') void store.undo();
      if (command === 'redo') void store.redo();
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
