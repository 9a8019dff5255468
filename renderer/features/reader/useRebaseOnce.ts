import { useEffect, useRef } from 'react';
import { useServices } from '../../ui/ProjectContext';
import type { ReadableDocument } from '../../ui/useCorpus';
import type { PlacedSegment } from '../../domain/anchoring';
import type { Segment } from '../../domain/model';
import { rebaseSegments } from '../../domain/rebase';

/**
 * Writes re-anchored offsets back once per opened text (the text changed since coding), so
 * exports and new codings use offsets valid in the current text. Undoable like any change.
 */
export function useRebaseOnce(stale: PlacedSegment<Segment>[], doc: ReadableDocument, text: string) {
  const { store } = useServices();
  const done = useRef<string | null>(null);
  useEffect(() => {
    const key = `${doc.id}:${doc.sha256}`;
    if (stale.length === 0 || done.current === key) return;
    done.current = key;
    void store.act((ctx) => rebaseSegments(stale, text, doc.sha256, ctx), { documentId: doc.id });
  }, [stale, doc.id, doc.sha256, text, store]);
}
