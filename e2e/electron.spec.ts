/**
 * The desktop app itself, driven through Playwright's Electron support. Electron's npm
 * package downloads its binary on first require, and no registry reachable from CI ships it,
 * so the spec checks for an installed binary WITHOUT requiring the package (which would try
 * the download and fail) and skips cleanly where there is none.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

// The package is an ES module: no __dirname.
const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/** Mirrors node_modules/electron/index.js: <dist>/<path.txt>, dist being ELECTRON_OVERRIDE_DIST_PATH if set. */
function installedElectronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  // Without path.txt index.js would download — unless the override is set, then it uses "electron".
  if (relativeBinary === null && !override) return null;
  const binary = join(override ?? join(electronPackage, 'dist'), relativeBinary ?? 'electron');
  return existsSync(binary) ? binary : null;
}

const available = installedElectronBinary() !== null;
const mainEntry = join(root, 'out', 'main', 'index.js');

/** A fresh user-data folder per launch, so window state and IndexedDB start empty. */
function launch(userData: string, extraArgs: string[] = []): Promise<ElectronApplication> {
  // No executablePath: Playwright then requires electron/index.js, which finds the binary
  // through path.txt, and preloads its own loader that `evaluate` relies on.
  // Without the development flag and dev server: the app as it ships.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'MARGINALIA_DEV' && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
  }
  env['NODE_ENV'] = 'production';
  // --data: the project files go to the test's folder, not the machine's Documents.
  return electron.launch({ args: [mainEntry, `--user-data-dir=${userData}`, `--data=${userData}`, ...extraArgs], cwd: root, env });
}

test.describe('Electron app', () => {
  test.skip(
    !available,
    'Electron binary not available on this machine (no registry ships it); this spec runs where npm start works',
  );

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(mainEntry), 'run `npm run build` first').toBe(true);
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
    expect(shape.bridgeKeys).toEqual(['getDocument', 'getUserInfo', 'listDocuments', 'onMenuCommand', 'openImport', 'saveExport', 'takeOpenedFile']);
    expect(shape.hasRequire).toBe(false);
    expect(shape.hasProcess).toBe(false);
    expect(shape.hasIpc).toBe(false);
  });
});

test.describe('Electron app across launches', () => {
  test.skip(!available, 'Electron binary not available on this machine (no registry ships it); this spec runs where npm start works');

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
