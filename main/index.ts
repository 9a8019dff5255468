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
import { loadCorpus } from './corpus/loadCorpus';
import { resolveCorpusFolder } from './corpus/location';
import { developmentMode } from './devMode';
import { createDialogHandlers } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { OpenedFiles, openedKind, openedPathsFromArgv } from './openedFiles';
import { APP_INDEX_URL } from './security/appOrigin';
import { isTrustedFrame } from './security/trustedSender';
import type { TrustedRenderer } from './security/trustedSender';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { WINDOW_STATE_FILE, readWindowState } from './windowState';

/** out/ — this file is out/main/index.js once built. */
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const DEV = developmentMode(process.env);
const TRUSTED: TrustedRenderer = { devServerUrl: DEV.devServerUrl };

let mainWindow: BrowserWindow | null = null;
let started = false;
const openedFiles = new OpenedFiles();

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
 * starts); project files cannot be opened by this version yet, which the analyst is told.
 */
function receiveOpenedFiles(paths: readonly string[]): void {
  openedFiles.add(paths);
  for (const path of paths.filter((p) => openedKind(p) === 'project')) {
    void app.whenReady().then(() =>
      dialog.showMessageBox({
        type: 'info',
        message: 'Marginalia cannot open project files yet',
        detail: `${path}\n\nThis version keeps the project in the app. Import a .qdpx or a backup (File ▸ Import) instead.`,
      }),
    );
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
  const corpus = await loadCorpus(resolveCorpusFolder(process.argv, process.env, bundledCorpusFolder()));
  for (const issue of corpus.listing.issues) console.warn(`corpus issue: ${issue.file}: ${issue.message}`);
  const window = () => BrowserWindow.getFocusedWindow() ?? mainWindow;
  const handlers = createApiHandlers({ corpus, openedFiles, ...createDialogHandlers(window) });
  registerIpcHandlers(handlers, (frame: WebFrameMain | null) => isTrustedFrame(frame, TRUSTED));
  installAppMenu(window, DEV.enabled);
  await openMainWindow();
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
  receiveOpenedFiles(openedPathsFromArgv(process.argv.slice(1), process.cwd()));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Marginalia could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
