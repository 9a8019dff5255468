/** Thin React adapters over the project's search (project/search/) and the Search view's session. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { corpusSearchFor, type CorpusSearch, type IndexStatus } from '../../project/search/corpusSearch';
import { useServices } from '../../ui/ProjectContext';
import { sessionFor, type SearchSession, type SessionState } from './searchSession';

/** The window's corpus search; indexing starts the first time a Search view needs it. */
export function useCorpusSearch(): CorpusSearch {
  const { corpus, store } = useServices();
  const search = useMemo(() => corpusSearchFor(corpus, store), [corpus, store]);
  useEffect(() => search.start(), [search]);
  return search;
}

export function useIndexStatus(search: CorpusSearch): IndexStatus {
  return useSyncExternalStore(search.subscribe, search.getStatus);
}

export function useSearchSession(search: CorpusSearch): [SessionState, SearchSession] {
  const session = useMemo(() => sessionFor(search), [search]);
  return [useSyncExternalStore(session.subscribe, session.getState), session];
}
