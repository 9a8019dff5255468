/**
 * Project files: the work lives in a .marginalia folder on disk, not in one browser origin.
 * Coding (and a saved search) on one port and reopening the data folder on another port finds everything; two pages
 * of one project stay in step; Save as, Open and Recent move between projects; a new project over
 * one's own documents starts with an empty codebook; changes that could not be sent when the
 * page closed are sent when it opens again.
 */
import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../main/web/server';
import { codeOption, codeRow, codebook, expectCount, highlightedTexts } from './support/coding';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { dragSelect, viewerText } from './support/text';
import { saveSearch, searchView } from './support/search';

const FIRST = 'Small Group of the Global Coalition';
const SECOND = 'Global Coalition to counter Islamic State';
const PROJECT = /^Global Coalition against Daesh\/ISIS: statements 2015-2020 — Marginalia$/;

let data: string;
const hosts: RunningWebServer[] = [];

test.beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-data-'));
});
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  await rm(data, { recursive: true, force: true });
});

async function host(corpus = BUNDLED_CORPUS): Promise<RunningWebServer> {
  const started = await startHost(corpus, 0, { data });
  hosts.push(started);
  return started;
}
async function stop(server: RunningWebServer): Promise<void> {
  await server.close();
  hosts.splice(hosts.indexOf(server), 1);
}

const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^(Saved|Saving…)$/ });

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
}

async function code(page: Page, passage: string, codeName: string) {
  await dragSelect(page, passage, passage);
  await codeOption(page, codeName).click();
  await expect.poll(() => highlightedTexts(page)).toContain(passage);
}

const projectMenu = (page: Page) => page.getByRole('button', { name: 'Project', exact: true });
async function chooseInProjectMenu(page: Page, item: string) {
  await projectMenu(page).click();
  await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: item, exact: true }).click();
}

test('code on one port, restart the host on another port with the same data folder: all work is there', async ({ page, context }) => {
  const first = await host();
  await open(page, first.url);
  await expect(page).toHaveTitle(PROJECT);
  await code(page, FIRST, 'FTF');
  await code(page, SECOND, 'Stabilization');
  // A saved search is project data too.
  await saveSearch(page, 'returnees', 'Returnees mentions');
  await expect(saveStatus(page)).toHaveText('Saved');
  await stop(first);

  // Another port is another origin: its IndexedDB is empty, and the project comes from the file.
  const second = await host();
  expect(second.port).not.toBe(first.port);
  const fresh = await context.newPage();
  await open(fresh, second.url);
  await expect.poll(() => highlightedTexts(fresh)).toEqual([FIRST, SECOND].sort());
  await expectCount(fresh, 'FTF', 1);
  await expectCount(fresh, 'Stabilization', 1);
  await expect(fresh).toHaveTitle(PROJECT);
  await fresh.keyboard.press('Control+Shift+F');
  await searchView(fresh).getByText(/^Saved searches \(1\)/).click();
  await searchView(fresh).getByRole('button', { name: 'Run saved search Returnees mentions' }).click();
  await expect(searchView(fresh).getByRole('searchbox', { name: 'Search for' })).toHaveValue('returnees');
});

test('two pages on one project: a coding in one appears in the other, and Undo never erases the other page’s work', async ({ context }) => {
  const server = await host();
  const one = await context.newPage();
  const two = await context.newPage();
  await open(one, server.url);
  await open(two, server.url);
  // The page in front is the one the analyst works in (a page behind gets no animation frames).
  await one.bringToFront();
  await code(one, FIRST, 'FTF');
  await expectCount(two, 'FTF', 1);
  await expect.poll(() => highlightedTexts(two)).toEqual([FIRST]);
  await expect(two.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await two.bringToFront();
  await code(two, SECOND, 'Stabilization');
  await expectCount(one, 'Stabilization', 1);
  // Undo in the first page undoes its own coding only.
  await one.bringToFront();
  await one.getByRole('button', { name: 'Undo' }).click();
  await expectCount(one, 'FTF', 0);
  await expectCount(two, 'FTF', 0);
  await expectCount(two, 'Stabilization', 1);

  // The second page codes the passage the first page's last change wrote: that Undo would erase it, so it is refused.
  await one.getByRole('button', { name: 'Redo' }).click();
  await expectCount(one, 'FTF', 1);
  await code(one, FIRST, 'Counter-financing');
  await two.bringToFront();
  await code(two, FIRST, 'Political-military');
  await expectCount(one, 'Political-military', 1);
  await one.bringToFront();
  await one.getByRole('button', { name: 'Undo' }).click();
  await expect(one.getByRole('alert').filter({ hasText: '“Apply code Counter-financing” cannot be undone: another window changed' })).toBeVisible();
  await expectCount(one, 'Counter-financing', 1);
  await expectCount(two, 'Political-military', 1);
});

test('Save as, Open and Recent move between projects; each keeps its own work', async ({ page }) => {
  const server = await host();
  await open(page, server.url);
  await code(page, FIRST, 'FTF');

  // The menu: opened from the keyboard on its first item, axe-clean, Escape gives focus back.
  await projectMenu(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'New project…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Save project as…' })).toBeFocused();
  const menuAxe = await new AxeBuilder({ page }).include('.project-menu').analyze();
  expect(menuAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(projectMenu(page)).toBeFocused();
  await expect(page.getByRole('menu', { name: 'Project' })).toHaveCount(0);

  await chooseInProjectMenu(page, 'Save project as…');
  const saveAs = page.getByRole('dialog', { name: 'Save project as' });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await saveAs.getByRole('textbox', { name: 'New name' }).fill('Study B');
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('Study B — Marginalia');
  await expectCount(page, 'FTF', 1);
  await code(page, SECOND, 'Stabilization');
  await expect(saveStatus(page)).toHaveText('Saved');

  await chooseInProjectMenu(page, 'Open project…');
  const openDialog = page.getByRole('dialog', { name: 'Open project' });
  await openDialog.getByRole('button', { name: /^Global Coalition/ }).click();
  await expect(page).toHaveTitle(PROJECT);
  await expectCount(page, 'FTF', 1);
  await expectCount(page, 'Stabilization', 0);

  // Recent projects are in the menu.
  await projectMenu(page).click();
  const menu = page.getByRole('menu', { name: 'Project' });
  await expect(menu.getByRole('menuitem', { name: 'New project…' })).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Study B' }).click();
  await expect(page).toHaveTitle('Study B — Marginalia');
  await expectCount(page, 'Stabilization', 1);
  expect((await readdir(join(data, 'projects'))).sort()).toEqual(['Global Coalition against Daesh-ISIS- statements 2015-2020.marginalia', 'Study B.marginalia']);
});

test('a new project over my own documents starts with an empty codebook', async ({ page }) => {
  const mine = join(data, 'interviews');
  await mkdir(mine);
  await writeFile(join(mine, 'maria.txt'), 'Maria spoke about the border and the camps.');
  const server = await host();
  await open(page, server.url);
  await chooseInProjectMenu(page, 'New project…');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Interviews');
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(mine);
  await expect(dialog.getByRole('radio', { name: 'Empty' })).toBeChecked();
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveTitle('Interviews — Marginalia');
  await expect(viewerText(page)).toContainText('Maria spoke about the border');
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(1);
  await expect(codebook(page).getByRole('treeitem')).toHaveCount(0);
  await expect(codeRow(page, 'FTF')).toHaveCount(0);
});

test('changes the page could not send before it closed are sent when it opens again', async ({ context }) => {
  const server = await host();
  const page = await context.newPage();
  await open(page, server.url);
  await expect(saveStatus(page)).toHaveText('Saved');
  // The host stops answering appends (as if it were unreachable): codings wait in the browser.
  await page.route('**/api/appendJournal', (route) => route.abort());
  await code(page, FIRST, 'FTF');
  await code(page, SECOND, 'Stabilization');
  await expect(page.getByRole('alert').filter({ hasText: /^Not saved:/ })).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await open(again, server.url);
  await expect(saveStatus(again)).toHaveText('Saved');
  await expectCount(again, 'FTF', 1);
  const folder = join(data, 'projects', 'Global Coalition against Daesh-ISIS- statements 2015-2020.marginalia');
  const journal = await readFile(join(folder, 'journal.jsonl'), 'utf8');
  expect(journal).toContain(`"quote":"${FIRST}"`);
  expect(journal).toContain(`"quote":"${SECOND}"`);
});

test('a second Marginalia process on the same project opens it read-only and says so', async ({ page, context }) => {
  const first = await host();
  const writer = await context.newPage();
  await open(writer, first.url);
  await expect(saveStatus(writer)).toHaveText('Saved');
  // Another process (the lock names a process): the Node host's own command line.
  const other = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      other.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /running at (http:\/\/\S+)/.exec(out);
        if (found) resolve(found[1]!);
      });
      other.once('exit', (code) => reject(new Error(`the second host stopped (${code}): ${out}`)));
    });
    await open(page, url);
    await expect(page).toHaveTitle(/\(read-only\) — Marginalia$/);
    await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
    await dragSelect(page, FIRST, FIRST);
    await codeOption(page, 'FTF').click();
    await expect(page.getByRole('alert').filter({ hasText: /Not saved: Another Marginalia/ })).toBeVisible();
  } finally {
    other.kill();
  }
});
