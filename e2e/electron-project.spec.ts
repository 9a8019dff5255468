/**
 * What an analyst does through the desktop app's own File menu: New project…, Save project as…,
 * Open project… and the recent projects, Add documents… and Export…, each through main's native
 * dialogs (replaced by stubs that answer as a person would, e2e/support/electronApp.ts); a project
 * named on the command line by its entry file; a second Marginalia on the same data folder. Skips where there
 * is no Electron binary, and says why.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ensureEntryFile } from '../main/project/entryFile';
import { ProjectFile } from '../main/project/projectFile';
import { docxFile } from '../scripts/fixtures/docxFile';
import { codeOption, highlightedTexts } from './support/coding';
import {
  answerDialogs,
  clickMenuItem,
  launchElectron,
  nativeWindowTitle,
  skipWithoutElectron,
  stubNativeDialogs,
  stubRecord,
} from './support/electronApp';
import { dragSelect, viewerText } from './support/text';

const BUNDLED = /^Global Coalition against Daesh\/ISIS: statements 2015-2020 — Marginalia$/;
const FIRST = 'Small Group of the Global Coalition';

const documents = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
/** Study.marginalia → Study.marginalia/Study.marginalia-project */
const entryFileOf = (projectFolder: string) => join(projectFolder, `${basename(projectFolder, '.marginalia')}.marginalia-project`);
const snapshotOf = (projectFolder: string) => JSON.parse(readFileSync(join(projectFolder, 'project.json'), 'utf8')) as Record<string, unknown>;

test.describe('Electron app: the File menu', () => {
  skipWithoutElectron();

  /** Every test gets its own folders: a scratch one for the analyst's files, and the data folder inside it. */
  let scratch: string;
  let data: string;
  const running: ElectronApplication[] = [];

  test.beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
    data = join(scratch, 'data');
    mkdirSync(data);
  });
  test.afterEach(async () => {
    for (const app of running.splice(0).reverse()) await app.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Launches on this test's data folder with a user-data folder of its own (`profile`). */
  async function launch(profile = 'profile', args: string[] = []): Promise<{ app: ElectronApplication; window: Page }> {
    const app = await launchElectron({ userData: join(scratch, profile), data, args });
    running.push(app);
    return { app, window: await app.firstWindow() };
  }

  /** The page's title and the native window's (what the task bar shows). */
  async function titled(app: ElectronApplication, window: Page, title: string | RegExp) {
    await expect(window).toHaveTitle(title);
    const native = expect.poll(() => nativeWindowTitle(app));
    if (typeof title === 'string') await native.toBe(title);
    else await native.toMatch(title);
  }

  test('File ▸ New project…, Save project as… and Open project… go through the native dialogs; the recent projects follow', async () => {
    test.slow();
    const mine = join(scratch, 'interviews');
    mkdirSync(mine);
    writeFileSync(join(mine, 'maria.txt'), 'Maria spoke about the border and the camps.');
    const { app, window } = await launch();
    await titled(app, window, BUNDLED);
    await stubNativeDialogs(app);

    // New project… over a folder of my own documents, created where the save dialog says.
    const interviews = join(data, 'Interviews.marginalia');
    await answerDialogs(app, { 'Choose the folder of your documents': [mine], 'New project': interviews });
    await clickMenuItem(app, 'new-project');
    const newProject = window.getByRole('dialog', { name: 'New project' });
    await newProject.getByRole('textbox', { name: 'Name' }).fill('Interviews');
    await newProject.getByRole('button', { name: 'Choose…' }).click();
    await expect(newProject.getByRole('textbox', { name: 'Folder' })).toHaveValue(mine);
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await titled(app, window, 'Interviews — Marginalia');
    await expect(documents(window).getByRole('link')).toHaveCount(1);
    await expect(viewerText(window)).toContainText('Maria spoke about the border');
    expect(snapshotOf(interviews)).toMatchObject({ name: 'Interviews', corpus: { kind: 'folder', path: mine } });

    // Save project as…: a new folder where the save dialog says; the first one stays as it was.
    const copy = join(data, 'Interviews B.marginalia');
    await answerDialogs(app, { 'Save project as': copy });
    await clickMenuItem(app, 'save-project-as');
    const saveAs = window.getByRole('dialog', { name: 'Save project as' });
    await expect(saveAs).toContainText('You choose the folder next.');
    await saveAs.getByRole('textbox', { name: 'New name' }).fill('Interviews B');
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await titled(app, window, 'Interviews B — Marginalia');
    await expect(documents(window).getByRole('link')).toHaveCount(1);
    expect(snapshotOf(copy)).toMatchObject({ name: 'Interviews B', corpus: { kind: 'folder', path: mine } });
    expect(snapshotOf(interviews)).toMatchObject({ name: 'Interviews' });

    // Open project…: macOS's dialog returns the folder (a package there); Windows' and Linux's pick a file, the entry file inside it.
    await answerDialogs(app, { 'Open project': [process.platform === 'darwin' ? interviews : entryFileOf(interviews)] });
    await clickMenuItem(app, 'open-project');
    await titled(app, window, 'Interviews — Marginalia');

    // The recent projects, in the window's Project menu (the File menu's own list is macOS's, kept by the OS).
    await window.getByRole('button', { name: 'Project', exact: true }).click();
    const menu = window.getByRole('menu', { name: 'Project' });
    await expect(menu.getByRole('menuitem', { name: /^Global Coalition/ })).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Interviews B', exact: true }).click();
    await titled(app, window, 'Interviews B — Marginalia');

    const record = await stubRecord(app);
    expect(record.dialogs.map((d) => `${d.kind}: ${d.title}`)).toEqual([
      'open: Choose the folder of your documents',
      'save: New project',
      'save: Save project as',
      'open: Open project',
    ]);
    expect(record.dialogs[3]?.properties).toEqual(process.platform === 'darwin' ? ['openFile', 'openDirectory'] : ['openFile']);
    // Every project made has its entry file; the OS heard of every project opened, in order — outside macOS by its entry file.
    for (const folder of [interviews, copy]) expect(existsSync(entryFileOf(folder)), folder).toBe(true);
    const recent = (folder: string) => (process.platform === 'darwin' ? folder : entryFileOf(folder));
    expect(record.recentDocuments).toEqual([interviews, copy, interviews, copy].map(recent));
  });

  test('a project named on the command line by its entry file (a double-click on Windows or Linux) opens; a second Marginalia on the same data folder opens it read-only and says who has it', async () => {
    test.slow();
    const notes = join(scratch, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'visit.txt'), 'The visit to the camp was short.');
    // A project made elsewhere, not in the data folder and not among its recent projects.
    const field = join(scratch, 'Field study.marginalia');
    await (await ProjectFile.create(field, { id: randomUUID(), name: 'Field study', corpus: { kind: 'folder', path: notes } })).close();
    await ensureEntryFile(field, 'Field study');

    const first = await launch('first', [entryFileOf(field)]);
    await titled(first.app, first.window, 'Field study — Marginalia');
    await expect(documents(first.window).getByRole('link', { name: 'visit', exact: true })).toBeVisible();
    const pid = await first.app.evaluate(() => process.pid);
    expect(JSON.parse(readFileSync(join(field, 'lock'), 'utf8'))).toMatchObject({ pid });

    // Another user-data folder: with the same one Electron's single-instance lock would hand this launch to the first process.
    const second = await launch('second');
    await titled(second.app, second.window, 'Field study (read-only) — Marginalia');
    await expect(second.window.getByText('Read-only', { exact: true })).toHaveAttribute(
      'title',
      new RegExp(`^Another Marginalia \\(process ${pid} on this computer, since .+\\) has this project open, so it was opened read-only: changes cannot be saved here\\.$`),
    );
    await second.window.getByRole('button', { name: 'Project', exact: true }).click();
    await expect(second.window.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: 'Save project as…' })).toBeDisabled();
    // The first one goes on writing.
    await titled(first.app, first.window, 'Field study — Marginalia');
    expect(JSON.parse(readFileSync(join(field, 'lock'), 'utf8'))).toMatchObject({ pid });
  });

  test('File ▸ Add documents… adds the .txt and .docx the native dialog returns, into the project file', async () => {
    test.slow();
    const txt = join(scratch, 'field-notes.txt');
    writeFileSync(txt, 'Field notes\r\nIn March returnees crossed the border at night — café talk.\r\n');
    const docx = join(scratch, 'minutes.docx');
    writeFileSync(docx, await docxFile({ heading: 'Minutes', paragraphs: ['After a long debate the council voted in favour.'], table: [['Member', 'Vote'], ['A', 'yes']] }));

    const { app, window } = await launch();
    await titled(app, window, BUNDLED);
    await expect(documents(window).getByRole('link')).toHaveCount(5);
    await stubNativeDialogs(app);
    await answerDialogs(app, { 'Add documents': [txt, docx] });
    await clickMenuItem(app, 'add-documents');

    const adding = window.getByRole('dialog', { name: 'Add documents' });
    await expect(adding.getByRole('status')).toHaveText('2 of 2 added.');
    await expect(adding.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveText([
      'field-notes.txt: added as “field-notes”',
      'minutes.docx: added as “minutes”',
    ]);
    await adding.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(documents(window).getByRole('link')).toHaveCount(7);
    await documents(window).getByRole('link', { name: 'minutes', exact: true }).click();
    await expect(viewerText(window)).toContainText('the council voted in favour');
    const [chooser] = (await stubRecord(app)).dialogs;
    expect(chooser).toMatchObject({ kind: 'open', title: 'Add documents' });
    expect(chooser?.properties).toContain('multiSelections');

    // They are in the project file: another profile (an empty database) on the same data folder finds them.
    await expect(window.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    await app.close();
    const again = await launch('another profile');
    await titled(again.app, again.window, BUNDLED);
    await expect(documents(again.window).getByRole('link')).toHaveCount(7);
    await expect(documents(again.window).getByRole('link', { name: 'field-notes', exact: true })).toBeVisible();
  });

  test('File ▸ Export… writes the file where the save dialog says', async () => {
    test.slow();
    const { app, window } = await launch();
    await expect(viewerText(window)).toContainText('Small Group', { timeout: 30_000 });
    await dragSelect(window, FIRST, FIRST);
    await codeOption(window, 'FTF').click();
    await expect.poll(() => highlightedTexts(window)).toEqual([FIRST]);

    const target = join(scratch, 'exports', 'coded.csv');
    mkdirSync(join(scratch, 'exports'));
    await stubNativeDialogs(app);
    await answerDialogs(app, { Export: target });
    await clickMenuItem(app, 'export');
    const dialog = window.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Annotated CSV (one row per coding)', exact: true }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Saved to ${target} (1 row).`);

    expect(existsSync(target)).toBe(true);
    const rows = Papa.parse<Record<string, string>>(readFileSync(target, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: 'FTF', quote: FIRST });
    const [save] = (await stubRecord(app)).dialogs;
    expect(save).toMatchObject({ kind: 'save', title: 'Export' });
    // The renderer only suggests a name; the analyst's dialog picks the place.
    expect(basename(save?.defaultPath ?? '')).toMatch(/^marginalia-coding-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
