/**
 * Electron entry (built to out/main/index.js): lifecycle, single instance, and wiring of the
 * shared pieces — the app:// protocol, corpus, API handlers, IPC, menu, window, and files the
 * OS asks us to open. Everything testable lives in modules without an Electron import; this
 * file only glues them together.
 */
import { BrowserWindow, app, dialog, session } from 'electron';
import type { WebFrameMain } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MENU_CHANNEL } from '../common/contract';
import { createApiHandlers } from './api';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { CorpusLoad } from './corpus/corpusLoad';
import { readFlag, resolveCorpusFolder } from './corpus/location';
import { developmentMode } from './devMode';
import { createDialogHandlers } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { OpenedFiles, openedKind, openedPathsFromArgv } from './openedFiles';
import { Projects } from './project/projects';
import { createProjectDialogs } from './projectDialogs';
import { APP_INDEX_URL } from './security/appOrigin';
import { isTrustedFrame } from './security/trustedSender';
import type { TrustedRenderer } from './security/trustedSender';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { WINDOW_STATE_FILE, readWindowState } from './windowState';
import { errorMessage } from '../common/errorMessage';

/** out/ — this file is out/main/index.js once built. */
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const DEV = developmentMode(process.env);
const TRUSTED: TrustedRenderer = { devServerUrl: DEV.devServerUrl };

let mainWindow: BrowserWindow | null = null;
let started = false;
const openedFiles = new OpenedFiles();
/** The project files (the recent list in the user-data folder; projects in Documents/Marginalia or where the analyst chooses). */
let projects: Projects | null = null;
/** A project the OS named before the app was ready: opened at start. */
let projectToOpen: string | null = null;

function bundledCorpusFolder(): string {
  // Packaged builds ship the corpus as an extra resource next to app.asar.
  return app.isPackaged ? join(process.resourcesPath, 'corpus') : join(OUT_DIR, '..', 'resources', 'corpus');
}

async function openMainWindow(): Promise<void> {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  mainWindow = createMainWindow({
    preloadPath: PRELOAD,
    pageUrl: DEV.devServerUrl ?? APP_INDEX_URL,
    devTools: DEV.enabled,
    savedState: await readWindowState(stateFile),
    stateFile,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/**
 * Files from the command line or the OS: imports wait for the page (which also asks once when it
 * starts); a project is opened at once (the last one named, before start-up or after it), and the
 * page reloads on it.
 */
function receiveOpenedFiles(paths: readonly string[]): void {
  openedFiles.add(paths);
  const project = paths.filter((p) => openedKind(p) === 'project').at(-1);
  if (project !== undefined) {
    if (!started || projects === null) projectToOpen = project;
    else {
      projects.openFromOs(project).then(
        () => mainWindow?.webContents.send(MENU_CHANNEL, 'project-changed'),
        (error: unknown) => dialog.showErrorBox('Marginalia could not open the project', `${project}\n\n${errorMessage(error)}`),
      );
    }
  }
  if (!started) return;
  if (mainWindow === null) void openMainWindow();
  else if (openedFiles.size > 0) mainWindow.webContents.send(MENU_CHANNEL, 'open-file');
}

function bringToFront(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveAppProtocol(RENDERER_DIR);
  const window = () => BrowserWindow.getFocusedWindow() ?? mainWindow;
  const bundled = bundledCorpusFolder();
  const corpusFolder = resolveCorpusFolder(process.argv, process.env, bundled);
  // `--data DIR` (as the Node host's): the recent list and projects there — tests keep out of Documents so.
  const dataFlag = readFlag(process.argv, 'data');
  // The corpus's documents are read once the window is open: converting would hold up its start.
  let windowOpen: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (windowOpen = resolve));
  projects = new Projects({
    dataFolder: dataFlag ?? app.getPath('userData'),
    // Projects are the analyst's files: where they keep documents, not in the hidden user-data folder.
    projectsFolder: dataFlag === null ? join(app.getPath('documents'), 'Marginalia') : undefined,
    bundledCorpusFolder: bundled,
    dialogs: createProjectDialogs(window),
    // Windows lists a recent document under the app only when its type is associated with it: the entry file, not a folder.
    onOpened: (folder, entryFile) => app.addRecentDocument(process.platform === 'darwin' ? folder : (entryFile ?? folder)),
    readCorpusAfter: opened,
  });
  await projects.start({ open: projectToOpen, corpusFolder: corpusFolder === bundled ? null : corpusFolder });
  // The window opens while the corpus is read: the page shows how far the reading is.
  const corpus = projects.corpus ?? CorpusLoad.start(corpusFolder, { readAfter: opened });
  corpus.loaded.then(
    ({ listing }) => {
      for (const issue of listing.issues) console.warn(`corpus issue: ${issue.file}: ${issue.message}`);
    },
    (error: unknown) => console.error(`The corpus could not be loaded: ${errorMessage(error)}`),
  );
  const handlers = createApiHandlers({ corpus, openedFiles, projects, ...createDialogHandlers(window) });
  registerIpcHandlers(handlers, (frame: WebFrameMain | null) => isTrustedFrame(frame, TRUSTED));
  installAppMenu(window, DEV.enabled);
  await openMainWindow();
  windowOpen();
  started = true;
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });
}

// Before 'ready': app:// must be known as a standard, secure scheme when the first page loads.
registerAppScheme();
// Sandbox every renderer, including any created later, not just the windows we configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Marginalia is running: it gets our command line (below, in that process) and this one exits.
  app.quit();
} else {
  // macOS hands over double-clicked files with this event, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    receiveOpenedFiles([path]);
    bringToFront();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    receiveOpenedFiles(openedPathsFromArgv(argv.slice(1), workingDirectory));
    bringToFront();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the project (journal, lock) before the process ends.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || projects === null) return;
    closing = true;
    event.preventDefault();
    void projects.close().finally(() => app.quit());
  });
  receiveOpenedFiles(openedPathsFromArgv(process.argv.slice(1), process.cwd()));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Marginalia could not start', errorMessage(error));
      app.exit(1);
    });
}
