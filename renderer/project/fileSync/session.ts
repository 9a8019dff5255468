/**
 * The project file as the window sees it, outside React: which project is open (name, folder,
 * read-only), whether its changes are saved, and the File ▸ New / Open / Save as / Recent
 * commands. Every command first sends what waits in the outbox (a project is never left with
 * changes in the browser only), then asks main, then reloads this window and the others on the
 * project now open (the start-up sync loads it).
 */
import type { MarginaliaApi } from '../../../common/contract';
import type { NewProjectRequest, ProjectInfo, ProjectList, ProjectState } from '../../../common/projectApi';
import type { Code, Settings } from '../../domain/model';
import type { MarginaliaDb } from '../../store/db';
import { writeRecord } from '../../store/outbox';
import type { JournalSender, SaveStatus } from './sender';
import type { TabSync } from './tabSync';

type SessionApi = Pick<MarginaliaApi, 'newProject' | 'openProject' | 'saveProjectAs' | 'listProjects' | 'appendJournal' | 'chooseDocumentsFolder'>;

export interface ProjectFileView {
  project: ProjectInfo;
  nativeDialogs: boolean;
  /** Where new projects and copies go (the Node host), null where a native dialog asks. */
  projectsFolder: string | null;
  status: SaveStatus;
}

export interface SessionOptions {
  api: SessionApi;
  db: MarginaliaDb;
  state: ProjectState & { project: ProjectInfo };
  sender: JournalSender;
  tabs: TabSync;
  /** Reloads the window onto the project main has open now. */
  reload: () => void;
}

export class ProjectFileSession {
  private view: ProjectFileView;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: SessionOptions) {
    const { state, sender } = options;
    this.view = { project: state.project, nativeDialogs: state.nativeDialogs, projectsFolder: state.projectsFolder, status: sender.getStatus() };
    sender.subscribe(() => this.update({ status: sender.getStatus() }));
  }

  getSnapshot = (): ProjectFileView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  listProjects(): Promise<ProjectList> {
    return this.options.api.listProjects({});
  }

  chooseDocumentsFolder(): Promise<{ path: string } | null> {
    return this.options.api.chooseDocumentsFolder({});
  }

  /**
   * A new project over the chosen documents, starting with `codes` (none, a .qdc's, or the default
   * one) and these settings. Resolves false when the analyst cancelled a dialog.
   */
  async newProject(request: NewProjectRequest, codes: readonly Code[], settings: Settings): Promise<boolean> {
    await this.options.sender.flush();
    const made = await this.options.api.newProject(request);
    if (made === null) return false;
    // Written before the window reloads, by a one-off client (its change numbers are its own).
    await this.options.api.appendJournal({
      projectId: made.id,
      client: `once-${crypto.randomUUID()}`,
      changes: [
        ...(codes.length > 0 ? [{ n: 0, kind: 'patch' as const, label: 'New project', patch: { codes: Object.fromEntries(codes.map((c) => [c.id, c])) } }] : []),
        { n: 1, kind: 'settings', settings },
      ],
    });
    this.switched();
    return true;
  }

  /** Opens a known project (by path), or — without a path, in the desktop app — one chosen in a dialog. */
  async openProject(path?: string): Promise<boolean> {
    await this.options.sender.flush();
    const opened = await this.options.api.openProject(path === undefined ? {} : { path });
    if (opened === null) return false;
    if (opened.id !== this.view.project.id) this.switched();
    return true;
  }

  /** The project goes on under a new name (and folder); the old folder stays as it was. */
  async saveProjectAs(name: string): Promise<boolean> {
    await this.options.sender.flush();
    const saved = await this.options.api.saveProjectAs({ name });
    if (saved === null) return false;
    // The database holds exactly what was saved: it is that project now, at its start.
    await writeRecord(this.options.db, { projectId: saved.id, seq: saved.seq });
    this.switched();
    return true;
  }

  private switched(): void {
    this.options.tabs.post({ type: 'switched' });
    this.options.reload();
  }

  private update(partial: Partial<ProjectFileView>): void {
    this.view = { ...this.view, ...partial };
    for (const listener of this.listeners) listener();
  }
}

/** The window's title: the project's name first (what the task bar shows), then the app. */
export function windowTitle(project: ProjectInfo | null): string {
  if (project === null) return 'Marginalia';
  return `${project.name}${project.readOnly ? ' (read-only)' : ''} — Marginalia`;
}
