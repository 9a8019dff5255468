import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import type { Span } from '../../domain/span';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from '../../viewer/findMatches';

/**
 * Find state of the open document; Ctrl/Cmd+F (or the Electron menu's Find…) opens it — and,
 * when it is open already, brings focus back to it (`requests` counts each time it is asked for).
 */
export function useFind(docId: string) {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [requests, setRequests] = useState(0);
  const [query, setQueryState] = useState('');
  const [options, setOptionsState] = useState<FindOptions>(DEFAULT_FIND_OPTIONS);
  const [current, setCurrent] = useState(0);
  const [matches, setMatches] = useState<Span[]>([]);
  useEffect(() => {
    const request = () => {
      setOpen(true);
      setRequests((n) => n + 1);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        request();
      }
    };
    window.addEventListener('keydown', onKey);
    const off = api.onMenuCommand((c) => c === 'find' && request());
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
  const setOptions = useCallback((o: FindOptions) => {
    setOptionsState(o);
    setCurrent(0);
  }, []);
  const step = useCallback(
    (delta: number) => setCurrent((c) => (matches.length ? (c + delta + matches.length) % matches.length : 0)),
    [matches.length],
  );
  const close = useCallback(() => setOpen(false), []);
  return { open, requests, query, setQuery, options, setOptions, current, step, matches, setMatches, close };
}
