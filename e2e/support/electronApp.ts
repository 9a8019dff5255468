/**
 * The desktop app under Playwright's Electron support: whether a binary exists here (and, if not,
 * exactly why the Electron specs skip), launching the built app on folders of the test's own, the
 * File menu clicked through main, and main's native dialogs and OS recent documents replaced by
 * stubs that answer as the test says and record what was asked.
 *
 * Electron's npm package downloads its binary on first require, and no registry reachable from
 * our build machines ships it (nor is there a Debian package), so the binary is looked for
 * WITHOUT requiring the package, which would try the download and fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';

// The package is an ES module: no __dirname.
const root = fileURLToPath(new URL('../..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * Why there is no Electron binary to run, or null when there is one. Mirrors
 * node_modules/electron/index.js: <dist>/<path.txt>, dist being ELECTRON_OVERRIDE_DIST_PATH if set.
 */
function missingElectronBinary(): string | null {
  const fix = 'install it where a download works (`npx install-electron`) or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45';
  if (!existsSync(join(electronPackage, 'package.json'))) return `Electron specs skipped: the electron package is not installed (${electronPackage}).`;
  const pathFile = join(electronPackage, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  // Without path.txt index.js would download — unless the override is set, then it uses "electron".
  if (relativeBinary === null && !override) {
    return (
      `Electron specs skipped: no Electron binary on this machine — ${pathFile} is missing because the package's download ` +
      `of the binary failed (no registry reachable from here ships it, and there is no Debian package) and ` +
      `ELECTRON_OVERRIDE_DIST_PATH is not set; ${fix}.`
    );
  }
  const binary = join(override ?? join(electronPackage, 'dist'), relativeBinary ?? 'electron');
  if (!existsSync(binary)) return `Electron specs skipped: no Electron binary at ${binary}; ${fix}.`;
  return null;
}

const missing = missingElectronBinary();

/** Call inside a describe: skips its tests, saying why, where there is no Electron binary. */
export function skipWithoutElectron(): void {
  test.skip(missing !== null, missing ?? '');
}

export interface LaunchOptions {
  /** Electron's user-data folder (window state, IndexedDB, the single-instance lock): fresh per test. */
  userData: string;
  /** `--data`: the recent-projects list and projects made without a dialog — never the machine's Documents. */
  data: string;
  /** More command-line arguments (a project folder or a .qdpx to open). */
  args?: string[];
}

/** The built app (out/main/index.js) as it ships: without the development flag and dev server. */
export function launchElectron(options: LaunchOptions): Promise<ElectronApplication> {
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run \`npm run build\` first`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'MARGINALIA_DEV' && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
  }
  env['NODE_ENV'] = 'production';
  // No executablePath: Playwright then requires electron/index.js, which finds the binary
  // through path.txt, and preloads its own loader that `evaluate` relies on.
  return electron.launch({
    args: [mainEntry, `--user-data-dir=${options.userData}`, `--data=${options.data}`, ...(options.args ?? [])],
    cwd: root,
    env,
  });
}

/** Clicks an item of the application menu by its id (main/menuTemplate.ts: the command it sends), as the analyst's click would. */
export async function clickMenuItem(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`The application menu has no item with the id "${itemId}"`);
    if (!item.enabled || !item.visible) throw new Error(`The menu item "${item.label}" cannot be clicked now`);
    item.click();
  }, id);
}

/** One native dialog main opened: which kind, its title, and what it suggested or allowed. */
export interface DialogCall {
  kind: 'open' | 'save';
  title: string;
  defaultPath: string | null;
  properties: string[];
}

interface StubRecord {
  /** Dialog title → the chosen paths (an open dialog) or path (a save dialog); a title not here is cancelled. */
  answers: Record<string, string | string[]>;
  dialogs: DialogCall[];
  recentDocuments: string[];
}

/** Where main keeps the stubs' record: evaluate's functions are sent as source, so they share nothing else with this file. */
const RECORD = '__marginaliaE2eStubs';

/**
 * Replaces dialog.showOpenDialog, dialog.showSaveDialog and app.addRecentDocument in main. Main's
 * code reads them from the module objects at each call, so every later call reaches the stubs;
 * the OS's own recent list is left alone. Dialogs answer by title (answerDialogs) or are cancelled.
 */
export async function stubNativeDialogs(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ app: electronApp, dialog }, key) => {
    const record: StubRecord = { answers: {}, dialogs: [], recentDocuments: [] };
    (globalThis as Record<string, unknown>)[key] = record;
    // Both are called as (window, options) or (options).
    const ask = (kind: DialogCall['kind'], first: unknown, second: unknown) => {
      const options = ((second ?? first) ?? {}) as { title?: string; defaultPath?: string; properties?: string[] };
      const title = options.title ?? '';
      record.dialogs.push({ kind, title, defaultPath: options.defaultPath ?? null, properties: options.properties ?? [] });
      return record.answers[title];
    };
    dialog.showOpenDialog = (async (first: unknown, second?: unknown) => {
      const answer = ask('open', first, second);
      const filePaths = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
      return { canceled: filePaths.length === 0, filePaths };
    }) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async (first: unknown, second?: unknown) => {
      const answer = ask('save', first, second);
      if (Array.isArray(answer)) throw new Error('A save dialog answers with one path');
      return answer === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
    }) as typeof dialog.showSaveDialog;
    electronApp.addRecentDocument = (path: string) => {
      record.recentDocuments.push(path);
    };
  }, RECORD);
}

/** What the next dialogs answer, by title (replaces the previous answers): an open dialog's paths, a save dialog's path. */
export async function answerDialogs(app: ElectronApplication, answers: Record<string, string | string[]>): Promise<void> {
  await app.evaluate(
    (_electron, { key, given }) => {
      const record = (globalThis as Record<string, unknown>)[key] as StubRecord | undefined;
      if (!record) throw new Error('stubNativeDialogs first');
      record.answers = given;
    },
    { key: RECORD, given: answers },
  );
}

/** The dialogs main opened and the paths it gave app.addRecentDocument since stubNativeDialogs. */
export async function stubRecord(app: ElectronApplication): Promise<Pick<StubRecord, 'dialogs' | 'recentDocuments'>> {
  const record = await app.evaluate((_electron, key) => (globalThis as Record<string, unknown>)[key] as StubRecord | undefined, RECORD);
  if (!record) throw new Error('stubNativeDialogs first');
  return { dialogs: record.dialogs, recentDocuments: record.recentDocuments };
}

/** The native title of the app's (only) window, as the task bar shows it. */
export function nativeWindowTitle(app: ElectronApplication): Promise<string | null> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? null);
}
