import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import type { Span } from '../../domain/span';

/** Find state of the open document; Ctrl/Cmd+F (or the Electron menu's Find…) opens it. */
export function useFind(docId: string) {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [current, setCurrent] = useState(0);
  const [matches, setMatches] = useState<Span[]>([]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    const off = api.onMenuCommand((c) => c === 'find' && setOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [api]);
  useEffect(() => setCurrent(0), [docId]);
  const setQuery = useCallback((q: string) => {
    setQueryState(q);
    setCurrent(0);
  }, []);
  const step = useCallback(
    (delta: number) => setCurrent((c) => (matches.length ? (c + delta + matches.length) % matches.length : 0)),
    [matches.length],
  );
  const close = useCallback(() => setOpen(false), []);
  return { open, query, setQuery, current, step, matches, setMatches, close };
}

