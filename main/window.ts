/**
 * The main window and the hardening applied to every web contents and to the session:
 * no Node in the page, isolated and sandboxed preload, no navigation, no new windows,
 * no webviews, no permissions, and the CSP on every response. DevTools exist only in
 * development (main/devMode.ts). Size and position are remembered (main/windowState.ts).
 */
import { BrowserWindow, screen } from 'electron';
import type { Session, WebContents } from 'electron';
import { askBeforeLeavingUnsaved } from './leaveGuard';
import { CONTENT_SECURITY_POLICY } from './security/headers';
import { MIN_HEIGHT, MIN_WIDTH, restorableBounds, windowStateFrom, writeWindowState } from './windowState';
import type { WindowState } from './windowState';

export interface WindowOptions {
  preloadPath: string;
  /** app://marginalia/index.html, or the dev server in development. */
  pageUrl: string;
  devTools: boolean;
  /** The state saved by the last run, if any, and where to save this run's. */
  savedState: WindowState | null;
  stateFile: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = options.savedState ? restorableBounds(options.savedState, workAreas) : null;
  const window = new BrowserWindow({
    title: 'Marginalia',
    ...(bounds ?? { width: 1280, height: 860 }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
      // Middle-click must not open links in new windows (the open handler denies them anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (bounds !== null && options.savedState?.maximized) window.maximize();
    window.show();
  });
  askBeforeLeavingUnsaved(window);
  window.on('close', () => {
    // Normal bounds: a maximised window comes back maximised, and un-maximises to where it was.
    const state = windowStateFrom(window.getNormalBounds(), window.isMaximized());
    if (state === null) return;
    try {
      writeWindowState(options.stateFile, state);
    } catch (error) {
      console.warn('window state not saved:', error);
    }
  });
  void window.loadURL(options.pageUrl);
  return window;
}

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The app is a single page: any navigation (a dropped file, a clicked link) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Writing to the clipboard (copying a quote) is the one capability the page uses.
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
