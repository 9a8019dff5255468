/**
 * Whether the Search view is showing, for the shell: Ctrl/Cmd+Shift+F, the header button and
 * the Electron menu's "Search all documents…" open it (again: `requests` counts each ask, so
 * the view puts focus back in its query field).
 */
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';

/** A hit to open: the document and the span to select in it. */
export interface SearchHit {
  documentId: string;
  start: number;
  end: number;
}

export function useSearchView() {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [requests, setRequests] = useState(0);
  const show = useCallback(() => {
    setOpen(true);
    setRequests((n) => n + 1);
  }, []);
  const hide = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.key.toLowerCase() !== 'f') return;
      // Capturing, and stopped here: the document's own Find (Ctrl/Cmd+F) listens for the same letter.
      e.preventDefault();
      e.stopPropagation();
      show();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const off = api.onMenuCommand((command) => command === 'search' && show());
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      off();
    };
  }, [api, show]);

  return { open, requests, show, hide };
}
