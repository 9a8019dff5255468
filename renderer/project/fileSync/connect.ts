/**
 * Start-up with a project file: asks the host which project is open, opens the database with
 * every change queued for the file, brings the two in step (startup.ts), opens the project
 * store, and joins the other windows of this project (tabSync.ts). A host without project
 * files (`--no-project-file`) gives the database alone, as before project files.
 */
import type { MarginaliaBridge } from '../../../common/contract';
import type { ProjectInfo, ProjectState } from '../../../common/projectApi';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import type { Segment, Settings } from '../../domain/model';
import { screenRows } from '../../store/setAside';
import { openProject, type OpenedProject, type OpenProjectOptions } from '../../store/openProject';
import { clientId, type JournalTarget, type StoredChange } from '../../store/outbox';
import { ProjectStore } from '../projectStore';
import { JournalSender, type SendLock } from './sender';
import { ProjectFileSession } from './session';
import { syncAtStart, type LoadProgress } from './startup';
import { TabSync, openTabChannel } from './tabSync';

export interface ConnectedProject {
  project: OpenedProject;
  store: ProjectStore;
  sender: JournalSender | null;
  tabs: TabSync | null;
  /** Null in a host without project files, or when the host could not be reached at start. */
  session: ProjectFileSession | null;
  /** What the analyst should be told (a damaged journal, recovered work, an unreachable host). */
  notices: string[];
}

export interface ConnectOptions {
  api: MarginaliaBridge;
  /** The analyst's name, the default coder. */
  coder: string;
  onProgress?: (progress: LoadProgress) => void;
  reload?: () => void;
  /** Another database (tests: a fake IndexedDB); the browser's "marginalia" by default. */
  database?: Pick<OpenProjectOptions, 'name' | 'indexedDB' | 'IDBKeyRange'>;
  /** One window sends at a time (navigator.locks by default). */
  lock?: SendLock;
}

/** Segments just loaded from the file, screened as the repository screens what it reads (the unfit set aside and listed). */
function screenedSegments(project: OpenedProject, rows: unknown[]): Segment[] {
  const screened = screenRows<Segment>('segments', rows);
  project.repo.setAside.replaceTable('segments', screened.setAside);
  return screened.rows;
}

export async function connectProject(options: ConnectOptions): Promise<ConnectedProject> {
  const { api, coder, onProgress, reload = () => window.location.reload() } = options;
  const state: ProjectState | null = await api.getProjectState({}).catch(() => null);
  const withFile = state === null || state.project !== null;
  const target: JournalTarget = { projectId: null, readOnly: null };
  let stored = (_change: StoredChange, _projectId: string): void => {};
  const project = await openProject({
    ...options.database,
    // With a project file the start-up sync gives a new project its codebook; without one, the database does on its first run.
    seed: () => (withFile ? [] : defaultCodebook(defaultContext())),
    journal: withFile ? { target, onStored: (change, projectId) => stored(change, projectId) } : undefined,
  });
  const settings: Settings = { coder };
  if (!withFile) return { project, store: await ProjectStore.open(project, settings), sender: null, tabs: null, session: null, notices: [] };

  const sender = new JournalSender({ db: project.db, api, client: await clientId(project.db), lock: options.lock });
  const seed = (info: ProjectInfo) => ({ codes: info.corpus.kind === 'bundled' ? defaultCodebook(defaultContext()) : [], settings });
  const { notices, loadedSegments } = await syncAtStart({ api, state, db: project.db, target, sender, seed, onProgress });
  const store = await ProjectStore.open(project, settings, loadedSegments && screenedSegments(project, loadedSegments));
  const tabs = new TabSync(openTabChannel(), {
    projectId: () => target.projectId,
    change: (change) => void store.mirrorRemote(change),
    settings: (remote) => store.mirrorRemoteSettings(remote),
    switched: reload,
  });
  stored = (change, projectId) => {
    sender.kick();
    tabs.post(change.kind === 'patch' ? { type: 'change', projectId, change: { label: change.label, forward: change.patch } } : { type: 'settings', projectId, settings: change.settings });
  };
  sender.kick(); // anything still waiting
  api.onMenuCommand((command) => {
    // Main opened another project (a .marginalia the OS handed over): this window and the others follow.
    if (command === 'project-changed') {
      tabs.post({ type: 'switched' });
      reload();
    }
  });
  const current = state?.project ? await api.getProjectState({}).catch(() => state) : null;
  const session = current?.project ? new ProjectFileSession({ api, db: project.db, state: { ...current, project: current.project }, sender, tabs, reload }) : null;
  return { project, store, sender, tabs, session, notices };
}
