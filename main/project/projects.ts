/**
 * The project a host has open, and the File ▸ New / Open / Save as / Recent commands over the
 * projects it knows. Both hosts use it: Electron with native dialogs (ProjectDialogs), the Node
 * host with its data folder (`--data`, projects in <data>/projects). The open project's corpus
 * is what listDocuments and getDocument serve.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PROJECT_EXTENSION, projectFolderName } from '../../common/projectFile';
import type { ProjectCorpus } from '../../common/projectFile';
import type {
  AppendRequest,
  AppendResult,
  NewProjectRequest,
  ProjectContent,
  ProjectInfo,
  ProjectList,
  ProjectState,
  RecentProject,
} from '../../common/projectApi';
import { CorpusLoad } from '../corpus/corpusLoad';
import { projectsFolderOf } from './dataFolder';
import { ProjectFile, ProjectFileError } from './projectFile';
import type { OpenProjectFileOptions } from './projectFile';
import { ensureEntryFile, findEntryFile, folderNamedBy, resolveProjectFolder } from './entryFile';
import { freeFolder, readHeader } from './folders';
import { readRecents, rememberRecent } from './recents';
import { errorMessage } from '../../common/errorMessage';

/** Electron's native dialogs; each resolves to a path, or null when cancelled. */
export interface ProjectDialogs {
  chooseProjectToOpen(): Promise<string | null>;
  /** Where to create a project folder (the dialog suggests `<name>.marginalia`). */
  chooseProjectLocation(title: string, suggestedName: string): Promise<string | null>;
  chooseDocumentsFolder(): Promise<string | null>;
}

export interface ProjectsOptions {
  /** recent-projects.json, and <data>/projects for projects made without a dialog. */
  dataFolder: string;
  /** Where projects made without a dialog go (the first one, recovered ones); <data>/projects by default. */
  projectsFolder?: string;
  bundledCorpusFolder: string;
  dialogs?: ProjectDialogs;
  /** Tells the OS (Electron's app.addRecentDocument): the folder, and its entry file when it has one. */
  onOpened?: (folder: string, entryFile: string | null) => void;
  fileOptions?: OpenProjectFileOptions;
  /** A corpus's documents are read once this settles: the host's window or server comes first (loadCorpus.ts). */
  readCorpusAfter?: Promise<unknown>;
}

interface OpenedProject {
  file: ProjectFile;
  /** Read in the background: the project opens (and the window with it) before its documents are converted. */
  corpus: CorpusLoad;
}

export class Projects {
  private current: OpenedProject | null = null;
  private readonly startNotices: string[] = [];
  /** Switches run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly projectsFolder: string;

  constructor(private readonly options: ProjectsOptions) {
    this.projectsFolder = options.projectsFolder ?? projectsFolderOf(options.dataFolder);
  }

  /**
   * Opens the project to start with: `open` (a project folder or its entry file, named on the
   * command line or by the OS); else, with `corpusFolder`, the most recent project over that
   * folder or a new one; else the most recent project; else a new project over the bundled corpus.
   */
  async start(choice: { open?: string | null; corpusFolder?: string | null } = {}): Promise<void> {
    if (choice.open) {
      try {
        await this.switchTo(await ProjectFile.open(await resolveProjectFolder(choice.open), this.options.fileOptions));
        return;
      } catch (error) {
        this.startNotices.push(`${choice.open} could not be opened: ${errorMessage(error)}`);
      }
    }
    const corpusFolder = choice.corpusFolder ? resolve(choice.corpusFolder) : null;
    const corpus: ProjectCorpus = corpusFolder ? { kind: 'folder', path: corpusFolder } : { kind: 'bundled' };
    for (const recent of await readRecents(this.options.dataFolder)) {
      const header = await readHeader(recent.path);
      if (header === null) continue;
      if (corpusFolder !== null && !(header.corpus.kind === 'folder' && header.corpus.path === corpusFolder)) continue;
      try {
        await this.switchTo(await ProjectFile.open(recent.path, this.options.fileOptions));
        return;
      } catch (error) {
        this.startNotices.push(`${recent.path} could not be opened: ${errorMessage(error)}`);
      }
    }
    // Read once: the new project is named as soon as the corpus's name is known, and goes on reading.
    const load = this.loadCorpusOf(corpus, 'Marginalia');
    let file: ProjectFile;
    try {
      const name = (await load.name).trim() || 'Marginalia';
      const free = await freeFolder(this.projectsFolder, name);
      file = await ProjectFile.create(free.path, { id: randomUUID(), name: free.name, corpus }, this.options.fileOptions);
    } catch (error) {
      load.stop();
      throw error;
    }
    await this.switchTo(file, load);
  }

  /** The open project's corpus, perhaps still being read. */
  get corpus(): CorpusLoad | null {
    return this.current?.corpus ?? null;
  }

  state(): ProjectState {
    return {
      project: this.current ? this.info(this.current.file) : null,
      nativeDialogs: this.options.dialogs !== undefined,
      projectsFolder: this.options.dialogs ? null : this.projectsFolder,
    };
  }

  async content(projectId: string): Promise<ProjectContent> {
    const file = this.open();
    if (file.id !== projectId) throw new ProjectFileError(404, 'Another project is open now: reload the window.');
    return file.content();
  }

  /**
   * Appends to the open project; changes of a project that is no longer open (a window that
   * had it open and could not send them in time) go to that project's folder, found by id
   * among the recent ones.
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    const file = this.current?.file;
    if (file && file.id === request.projectId) return file.append(request);
    const recent = (await readRecents(this.options.dataFolder)).find((p) => p.id === request.projectId);
    if (!recent) throw new ProjectFileError(404, 'These changes belong to a project this Marginalia does not know.');
    return this.serial(async () => {
      const other = await ProjectFile.open(recent.path, this.options.fileOptions);
      try {
        return await other.append(request);
      } finally {
        await other.close();
      }
    });
  }

  async list(): Promise<ProjectList> {
    const recent: RecentProject[] = [];
    for (const project of await readRecents(this.options.dataFolder)) if ((await readHeader(project.path)) !== null) recent.push(project);
    const available: RecentProject[] = [];
    if (!this.options.dialogs) {
      const folder = this.projectsFolder;
      for (const entry of (await readdir(folder, { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))) {
        if (!entry.isDirectory() || !entry.name.endsWith(`.${PROJECT_EXTENSION}`)) continue;
        const path = join(folder, entry.name);
        const header = await readHeader(path);
        if (header) available.push({ id: header.id, name: header.name, path, openedAt: recent.find((r) => r.path === path)?.openedAt ?? '' });
      }
    }
    return { recent, available };
  }

  /** A new, empty project over the chosen documents; it becomes the open one. */
  newProject(request: NewProjectRequest): Promise<ProjectInfo | null> {
    return this.serial(async () => {
      if (request.corpus.kind === 'folder') {
        const folder = await stat(request.corpus.path).catch(() => null);
        if (!folder?.isDirectory()) throw new ProjectFileError(400, `There is no folder ${request.corpus.path}.`);
      }
      const path = request.inDataFolder
        ? (await freeFolder(this.projectsFolder, request.name.trim())).path
        : await this.locationFor('New project', request.name);
      if (path === null) return null;
      const corpus: ProjectCorpus = request.corpus.kind === 'folder' ? { kind: 'folder', path: resolve(request.corpus.path) } : request.corpus;
      const file = await ProjectFile.create(path, { id: randomUUID(), name: request.name.trim(), corpus }, this.options.fileOptions);
      await this.switchTo(file);
      return this.info(file);
    });
  }

  /**
   * Opens a project the host knows (recent, or in its projects folder; by its folder or its entry
   * file), or — without a path — one chosen in a native dialog (the folder, its entry file or its
   * project.json).
   */
  openProject(path: string | undefined): Promise<ProjectInfo | null> {
    return this.serial(async () => {
      let target: string | null;
      if (path === undefined) {
        if (!this.options.dialogs) throw new ProjectFileError(400, 'Choose a project from the list.');
        const chosen = await this.options.dialogs.chooseProjectToOpen();
        if (chosen === null) return null;
        target = await resolveProjectFolder(chosen);
      } else {
        // Only a known folder: the page names it, and nothing else of the disk is looked at.
        const folder = folderNamedBy(path);
        const known = await this.list();
        target = [...known.recent, ...known.available].find((p) => p.path === path || p.path === folder)?.path ?? null;
        if (target === null) throw new ProjectFileError(404, `${path} is not among the projects Marginalia knows.`);
      }
      return this.openFolder(target);
    });
  }

  /** Writes the open project to a new folder under a new name and id, and goes on there; the old folder stays as it was. */
  saveProjectAs(name: string): Promise<ProjectInfo | null> {
    return this.serial(async () => {
      const source = this.open();
      const path = await this.locationFor('Save project as', name);
      if (path === null) return null;
      const existing = await stat(path).catch(() => null);
      if (existing && (!existing.isDirectory() || (await readdir(path)).length > 0)) {
        throw new ProjectFileError(409, `${basename(path)} already exists: choose another name.`);
      }
      await mkdir(path, { recursive: true });
      await source.writeCopy(path, { id: randomUUID(), name: name.trim(), createdAt: new Date().toISOString() });
      const file = await ProjectFile.open(path, this.options.fileOptions);
      await this.switchTo(file);
      return this.info(file);
    });
  }

  async chooseDocumentsFolder(): Promise<{ path: string } | null> {
    if (!this.options.dialogs) throw new ProjectFileError(400, 'Type the folder’s path.');
    const path = await this.options.dialogs.chooseDocumentsFolder();
    return path === null ? null : { path };
  }

  /** Opens a project the OS handed over: a double-clicked entry file, or a .marginalia folder (a package on macOS). */
  openFromOs(path: string): Promise<ProjectInfo> {
    return this.serial(async () => this.openFolder(await resolveProjectFolder(path)));
  }

  async close(): Promise<void> {
    this.current?.corpus.stop();
    await this.current?.file.close();
    this.current = null;
  }

  /** Makes the project in `folder` the open one (the open one stays so). */
  private async openFolder(folder: string): Promise<ProjectInfo> {
    if (this.current && resolve(folder) === this.current.file.folder) return this.info(this.current.file);
    const file = await ProjectFile.open(resolve(folder), this.options.fileOptions);
    await this.switchTo(file);
    return this.info(file);
  }

  private open(): ProjectFile {
    if (!this.current) throw new ProjectFileError(409, 'No project is open.');
    return this.current.file;
  }

  private info(file: ProjectFile): ProjectInfo {
    return {
      id: file.id,
      name: file.name,
      path: file.folder,
      seq: file.seq,
      fresh: file.fresh,
      corpus: file.corpus,
      readOnly: file.readOnly,
      notices: [...this.startNotices, ...file.notices],
    };
  }

  /** Opens `file` at once; its corpus is read in the background (`corpus`: already started, for a new project). */
  private async switchTo(file: ProjectFile, corpus = this.loadCorpusOf(file.corpus, file.name)): Promise<void> {
    const previous = this.current;
    this.current = { file, corpus };
    previous?.corpus.stop();
    await previous?.file.close();
    await rememberRecent(this.options.dataFolder, { id: file.id, name: file.name, path: file.folder, openedAt: new Date().toISOString() }).catch(
      (error: unknown) => console.warn('The list of recent projects could not be saved:', error),
    );
    const entryFile = await this.entryFileOf(file);
    this.options.onOpened?.(file.folder, entryFile);
  }

  /**
   * The folder's entry file: written when the project is open for writing and has none (a new
   * project, Save as, a recovered one, a folder made before entry files); never into a project
   * another process has open. Without it the folder still opens, as before: a warning suffices.
   */
  private async entryFileOf(file: ProjectFile): Promise<string | null> {
    try {
      return file.readOnly === null ? await ensureEntryFile(file.folder, file.name) : await findEntryFile(file.folder);
    } catch (error) {
      console.warn(`The file that opens ${file.folder} by double-click could not be written:`, error);
      return null;
    }
  }

  private loadCorpusOf(corpus: ProjectCorpus, projectName: string): CorpusLoad {
    const readAfter = this.options.readCorpusAfter;
    if (corpus.kind === 'bundled') return CorpusLoad.start(this.options.bundledCorpusFolder, { readAfter });
    if (corpus.kind === 'folder') return CorpusLoad.start(corpus.path, { readAfter });
    return CorpusLoad.of({ listing: { name: projectName, description: null, folder: '', documents: [], issues: [] }, texts: new Map() });
  }

  /** A new project's folder: chosen in a dialog (Electron), or <data>/projects/<name>.marginalia. */
  private async locationFor(title: string, name: string): Promise<string | null> {
    if (this.options.dialogs) {
      const chosen = await this.options.dialogs.chooseProjectLocation(title, projectFolderName(name));
      if (chosen === null) return null;
      return chosen.endsWith(`.${PROJECT_EXTENSION}`) ? resolve(chosen) : `${resolve(chosen)}.${PROJECT_EXTENSION}`;
    }
    const folder = this.projectsFolder;
    await mkdir(folder, { recursive: true });
    return join(folder, projectFolderName(name));
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

