/** The documents the analyst can read, for React: a thin adapter over project/corpus.ts. */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CorpusIssue } from '../../common/contract';
import { readableDocuments, type CorpusListing, type ReadableDocument } from '../project/corpus';
import { useProject, useServices } from './ProjectContext';

export type { ReadableDocument } from '../project/corpus';

export interface CorpusState {
  name: string | null;
  documents: ReadableDocument[];
  issues: readonly CorpusIssue[];
  loadError: string | null;
  loading: boolean;
  /** While loading: documents read of how many (null until the host says). */
  progress: CorpusListing['progress'];
  loadText: (id: string) => Promise<string>;
}

export function useCorpus(): CorpusState {
  const { corpus } = useServices();
  const { documents: imported, documentInfo, attributes } = useProject();
  useEffect(() => corpus.load(), [corpus]);
  const listing = useSyncExternalStore(corpus.subscribe, corpus.getSnapshot);
  const documents = useMemo(
    () => readableDocuments(listing.corpus, imported, documentInfo, attributes),
    [listing.corpus, imported, documentInfo, attributes],
  );
  const loadText = useCallback((id: string) => corpus.textOf(id, imported), [corpus, imported]);
  return { name: listing.name, documents, issues: listing.issues, loadError: listing.loadError, loading: listing.loading, progress: listing.progress, loadText };
}
