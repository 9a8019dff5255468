/** A document's PDF page starts, from its provenance: the corpus listing's (it wins, as for its text) or the imported row's. */
import { useSyncExternalStore } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';

export function usePageStarts(documentId: string): readonly number[] | undefined {
  const { corpus } = useServices();
  const { documents } = useProject();
  const listing = useSyncExternalStore(corpus.subscribe, corpus.getSnapshot);
  const listed = listing.corpus.find((d) => d.id === documentId);
  if (listed) return listed.pageStarts;
  return documents.find((d) => d.id === documentId)?.provenance?.pageStarts;
}
