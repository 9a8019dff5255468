/**
 * The main window and the hardening applied to every web contents and to the session:
 * no Node in the page, isolated and sandboxed preload, no navigation, no new windows,
 * no webviews, no permissions, and the CSP on every response.
 */
import { BrowserWindow } from 'electron';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security/headers';

export interface WindowSources {
  preloadPath: string;
  rendererHtmlPath: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), development only. */
  devServerUrl?: string;
}

export function createMainWindow(sources: WindowSources): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Marginalia',
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: sources.preloadPath,
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
      // Middle-click must not open links in new windows (the open handler denies them anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  if (sources.devServerUrl) void window.loadURL(sources.devServerUrl);
  else void window.loadFile(sources.rendererHtmlPath);
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
