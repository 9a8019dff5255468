/**
 * The desktop app itself, driven through Playwright's Electron support. Electron's npm
 * package downloads its binary on first require, and no registry reachable from CI ships it,
 * so the spec checks for an installed binary WITHOUT requiring the package (which would try
 * the download and fail) and skips cleanly where there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
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

test.describe('Electron app', () => {
  test.skip(
    !available,
    'Electron binary not available on this machine (no registry ships it); this spec runs where npm start works',
  );

  let app: ElectronApplication;

  test.beforeAll(async () => {
    expect(existsSync(mainEntry), 'run `npm run build` first').toBe(true);
    // No executablePath: Playwright then requires electron/index.js, which finds the binary
    // through path.txt, and preloads its own loader that `evaluate` relies on.
    app = await electron.launch({ args: [mainEntry], cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens the Marginalia window listing the bundled corpus', async () => {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Marginalia');
    const documents = window.getByRole('navigation', { name: 'Documents' });
    await expect(documents.getByRole('link')).toHaveCount(5);
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
    expect(shape.bridgeKeys).toEqual(['getDocument', 'getUserInfo', 'listDocuments', 'onMenuCommand', 'openImport', 'saveExport']);
    expect(shape.hasRequire).toBe(false);
    expect(shape.hasProcess).toBe(false);
    expect(shape.hasIpc).toBe(false);
  });
});
