/**
 * The desktop app itself, driven through Playwright's Electron support: the window, its origin and
 * hardening, and what it remembers across launches. Skips where there is no Electron binary
 * (e2e/support/electronApp.ts says why); electron-project.spec.ts drives the File menu.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { api } from '../common/contract';
import { launchElectron, skipWithoutElectron } from './support/electronApp';

/** A fresh user-data folder per launch, so window state and IndexedDB start empty; the projects go there too. */
const launch = (userData: string, args: string[] = []) => launchElectron({ userData, data: userData, args });

test.describe('Electron app', () => {
  skipWithoutElectron();

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
    app = await launch(userData);
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens the Marginalia window from app://marginalia, listing the bundled corpus', async () => {
    const window = await app.firstWindow();
    // The window's title names the project (a new one over the bundled corpus).
    await expect(window).toHaveTitle(/^Global Coalition against Daesh.* — Marginalia$/);
    expect(window.url()).toBe('app://marginalia/index.html');
    expect(await window.evaluate(() => location.origin)).toBe('app://marginalia');
    const documents = window.getByRole('navigation', { name: 'Documents' });
    await expect(documents.getByRole('link')).toHaveCount(5);
    // The project opened: IndexedDB works on the app:// origin.
    await expect(window.getByRole('alert')).toHaveCount(0);
  });

  test('serves nothing outside out/renderer over app://', async () => {
    const window = await app.firstWindow();
    const statuses = await window.evaluate(async () => {
      const status = (url: string) => fetch(url).then((r) => r.status, () => 0);
      return {
        index: await status('/index.html'),
        escape: await status('/..%2f..%2fpackage.json'),
        dotfile: await status('/.env'),
        missing: await status('/nope.js'),
      };
    });
    expect(statuses).toEqual({ index: 200, escape: 403, dotfile: 404, missing: 404 });
  });

  test('has no DevTools without MARGINALIA_DEV=1', async () => {
    await app.firstWindow();
    const devTools = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      contents?.openDevTools();
      return contents?.isDevToolsOpened() ?? null;
    });
    expect(devTools).toBe(false);
  });

  test('runs the renderer with hardened web preferences', async () => {
    await app.firstWindow();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0];
      // Undocumented but long-standing (Electron's own webview code uses it); not in the typings.
      const contents = win?.webContents as unknown as { getLastWebPreferences?: () => Electron.WebPreferences | null };
      const p = contents?.getLastWebPreferences?.();
      if (!p) return null;
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
        webSecurity: p.webSecurity,
        webviewTag: p.webviewTag,
        allowRunningInsecureContent: p.allowRunningInsecureContent,
        preload: p.preload ?? null,
      };
    });
    expect(prefs).not.toBeNull();
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // Unset means the secure default (false) for these.
    expect(prefs?.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(prefs?.webviewTag ?? false).toBe(false);
    expect(prefs?.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs?.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
  });

  test('exposes only the contract bridge to the page, not Node or ipcRenderer', async () => {
    const window = await app.firstWindow();
    const shape = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w['marginalia'] as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : [],
        hasRequire: typeof w['require'] !== 'undefined',
        hasProcess: typeof w['process'] !== 'undefined',
        hasIpc: bridge ? 'ipcRenderer' in bridge : false,
      };
    });
    // Exactly the contract's methods, plus the menu subscription.
    expect(shape.bridgeKeys).toEqual([...Object.keys(api), 'onMenuCommand'].sort());
    expect(shape.hasRequire).toBe(false);
    expect(shape.hasProcess).toBe(false);
    expect(shape.hasIpc).toBe(false);
  });
});

test.describe('Electron app across launches', () => {
  skipWithoutElectron();

  let userData: string;
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
  });
  test.afterEach(() => {
    rmSync(userData, { recursive: true, force: true });
  });

  test('remembers the window size and position', async () => {
    const first = await launch(userData);
    await first.firstWindow();
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 50, width: 900, height: 700 }));
    await first.close();
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, width: 900, height: 700, maximized: false });

    const second = await launch(userData);
    await second.firstWindow();
    const bounds = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
    await second.close();
    expect(bounds).toMatchObject({ width: 900, height: 700, x: saved['x'], y: saved['y'] });
  });

  test('opens a .qdpx named on the command line as an import', async () => {
    const qdpx = join(userData, 'fieldwork.qdpx');
    writeFileSync(qdpx, 'not a zip archive');
    const app = await launch(userData, [qdpx]);
    try {
      const window = await app.firstWindow();
      const dialog = window.getByRole('dialog', { name: 'Import' });
      await expect(dialog.getByRole('radio', { name: 'REFI-QDA project (.qdpx)' })).toBeChecked();
      await expect(dialog.getByRole('alert')).toContainText('fieldwork.qdpx was not imported.');
    } finally {
      await app.close();
    }
  });
});
