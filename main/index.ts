/**
 * Electron entry (built to out/main/index.js): lifecycle, single instance, and wiring of the
 * shared pieces — corpus, API handlers, IPC, menu, window. Everything testable lives in
 * modules without an Electron import; this file only glues them together.
 */
import { BrowserWindow, app, dialog, session } from 'electron';
import type { WebFrameMain } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApiHandlers } from './api';
import { loadCorpus } from './corpus/loadCorpus';
import { resolveCorpusFolder } from './corpus/location';
import { createDialogHandlers } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { isTrustedFrame } from './security/trustedSender';
import type { TrustedRenderer } from './security/trustedSender';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/** out/ — this file is out/main/index.js once built. */
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_HTML = join(OUT_DIR, 'renderer', 'index.html');
const PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const DEV_SERVER_URL = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const TRUSTED: TrustedRenderer = { rendererIndexUrl: pathToFileURL(RENDERER_HTML).href, devServerUrl: DEV_SERVER_URL };

let mainWindow: BrowserWindow | null = null;

function bundledCorpusFolder(): string {
  // Packaged builds ship the corpus as an extra resource next to app.asar.
  return app.isPackaged ? join(process.resourcesPath, 'corpus') : join(OUT_DIR, '..', 'resources', 'corpus');
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath: PRELOAD, rendererHtmlPath: RENDERER_HTML, devServerUrl: DEV_SERVER_URL });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const corpus = await loadCorpus(resolveCorpusFolder(process.argv, process.env, bundledCorpusFolder()));
  for (const issue of corpus.listing.issues) console.warn(`corpus issue: ${issue.file}: ${issue.message}`);
  const handlers = createApiHandlers({ corpus, ...createDialogHandlers(() => BrowserWindow.getFocusedWindow() ?? mainWindow) });
  registerIpcHandlers(handlers, (frame: WebFrameMain | null) => isTrustedFrame(frame, TRUSTED));
  installAppMenu(() => BrowserWindow.getFocusedWindow() ?? mainWindow);
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

// Sandbox every renderer, including any created later, not just the windows we configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Marginalia is running: it gets focused (below, in that process) and this one exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Marginalia could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
