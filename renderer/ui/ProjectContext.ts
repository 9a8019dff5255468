/** The services the window runs on, and thin React adapters over the project layer. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MarginaliaBridge } from '../../common/contract';
import type { Host } from '../transport';
import type { Corpus } from '../project/corpus';
import type { ProjectSnapshot, ProjectStore } from '../project/projectStore';
import type { SetAsideRows } from '../store/setAside';
import type { ProjectFileSession } from '../project/fileSync/session';

export interface AppServices {
  api: MarginaliaBridge;
  host: Host;
  store: ProjectStore;
  corpus: Corpus;
  /** Stored rows that could not be read, for the notice that lists them. */
  setAside: SetAsideRows;
  /** The project file (name, saved or not, New/Open/Save as); null in a host without project files. */
  projectFile: ProjectFileSession | null;
  /** What start-up has to tell (a damaged journal tail, recovered work …). */
  startNotices: readonly string[];
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}

/** The project snapshot; re-renders when anything stored changes. */
export function useProject(): ProjectSnapshot {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
