/** The documents the analyst can read, for React: a thin adapter over project/corpus.ts. */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CorpusIssue } from '../../common/contract';
import { readableDocuments, type CorpusListing, type ReadableDocument } from '../project/corpus';
import { unavailableDocuments, type UnavailableDocument } from '../project/unavailableDocuments';
import { useProject, useServices } from './ProjectContext';

export type { ReadableDocument } from '../project/corpus';
export type { UnavailableDocument } from '../project/unavailableDocuments';

export interface CorpusState {
  name: string | null;
  documents: ReadableDocument[];
  /** Imported documents whose text the project file lost: listed, marked, never read. */
  unavailable: UnavailableDocument[];
  issues: readonly CorpusIssue[];
  loadError: string | null;
  loading: boolean;
  /** While loading: documents read of how many (null until the host says). */
  progress: CorpusListing['progress'];
  loadText: (id: string) => Promise<string>;
}

export function useCorpus(): CorpusState {
  const { corpus, setAside } = useServices();
  const { documents: imported, documentInfo, attributes } = useProject();
  useEffect(() => corpus.load(), [corpus]);
  const listing = useSyncExternalStore(corpus.subscribe, corpus.getSnapshot);
  const documents = useMemo(
    () => readableDocuments(listing.corpus, imported, documentInfo, attributes),
    [listing.corpus, imported, documentInfo, attributes],
  );
  const setAsideRows = useSyncExternalStore(setAside.subscribe, setAside.list);
  const unavailable = useMemo(
    () => unavailableDocuments(setAsideRows, new Set(documents.map((d) => d.id)), documentInfo),
    [setAsideRows, documents, documentInfo],
  );
  const loadText = useCallback((id: string) => corpus.textOf(id, imported), [corpus, imported]);
  return { name: listing.name, documents, unavailable, issues: listing.issues, loadError: listing.loadError, loading: listing.loading, progress: listing.progress, loadText };
}
