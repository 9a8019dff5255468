/**
 * The documents the analyst can read: the corpus served by the host plus documents that came
 * in through an import (stored in IndexedDB). Texts are fetched once and cached.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CorpusIssue, DocumentSummary } from '../../common/contract';
import type { ImportedDocument } from '../domain/model';
import type { ProjectDocument } from '../formats/projectData';
import { useProject, useServices } from './ProjectContext';

/** One entry of the Documents list: a document's metadata without its text. */
export type ReadableDocument = Omit<ProjectDocument, 'text'> & { origin: 'corpus' | 'imported' };

export interface CorpusState {
  name: string | null;
  documents: ReadableDocument[];
  issues: CorpusIssue[];
  loadError: string | null;
  loading: boolean;
  loadText: (id: string) => Promise<string>;
}

export function useCorpus(): CorpusState {
  const { api } = useServices();
  const { documents: imported } = useProject();
  const [listing, setListing] = useState<{ name: string; docs: DocumentSummary[]; issues: CorpusIssue[] } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const texts = useRef(new Map<string, Promise<string>>());

  useEffect(() => {
    api
      .listDocuments({})
      .then((l) => setListing({ name: l.name, docs: l.documents, issues: l.issues }))
      .catch((err: unknown) => setLoadError(`The corpus could not be loaded: ${err instanceof Error ? err.message : err}`));
  }, [api]);

  const importedById = useMemo(() => new Map<string, ImportedDocument>(imported.map((d) => [d.id, d])), [imported]);

  const documents = useMemo<ReadableDocument[]>(() => {
    const corpus = (listing?.docs ?? []).map(({ length: _length, ...d }) => ({ ...d, origin: 'corpus' as const }));
    const corpusIds = new Set(corpus.map((d) => d.id));
    const fromImports = imported
      .filter((d) => !corpusIds.has(d.id))
      .map((d) => ({
        id: d.id,
        title: d.title,
        kind: d.kind,
        place: d.place,
        date: d.date,
        sha256: d.sha256,
        origin: 'imported' as const,
      }));
    return [...corpus, ...fromImports];
  }, [listing, imported]);

  const loadText = useCallback(
    (id: string) => {
      const local = importedById.get(id);
      if (local) return Promise.resolve(local.text);
      let pending = texts.current.get(id);
      if (!pending) {
        pending = api.getDocument({ id }).then((d) => d.text);
        pending.catch(() => texts.current.delete(id)); // let a later attempt retry
        texts.current.set(id, pending);
      }
      return pending;
    },
    [api, importedById],
  );

  return {
    name: listing?.name ?? null,
    documents,
    issues: listing?.issues ?? [],
    loadError,
    loading: !listing && !loadError,
    loadText,
  };
}
