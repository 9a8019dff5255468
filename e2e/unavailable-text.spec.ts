/**
 * A document text the project folder lost (documents/<sha256>.txt damaged on disk while the host
 * was stopped): a browser with no copy lists the document marked "Text unavailable" and opens it
 * to what to do; the browser it was imported in writes its copy back when it opens the project
 * (checked against the hash by main), says so, and from then on every start reads it whole.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../main/web/server';
import { codeOption } from './support/coding';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { dragSelect, viewerText } from './support/text';

const TEXT = 'Field notes, Mosul, May 2019.\nThe returnees were counted twice at the checkpoint.\n';
const PASSAGE = 'returnees were counted twice';

let data: string;
const hosts: RunningWebServer[] = [];

test.beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-texts-'));
});
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  await rm(data, { recursive: true, force: true });
});

async function host(port = 0): Promise<RunningWebServer> {
  const started = await startHost(BUNDLED_CORPUS, port, { data });
  hosts.push(started);
  return started;
}
async function stop(server: RunningWebServer): Promise<void> {
  await server.close();
  hosts.splice(hosts.indexOf(server), 1);
}

const documents = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
const notes = (page: Page) => documents(page).getByRole('link', { name: 'field-notes', exact: true });
const startNotices = (page: Page) => page.getByRole('region', { name: 'About the project file' });

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
}

/** The one imported text's file in the project folder. */
async function textFile(): Promise<string> {
  const projects = join(data, 'projects');
  const [folder] = (await readdir(projects)).filter((name) => name.endsWith('.marginalia'));
  const [file] = (await readdir(join(projects, folder!, 'documents'))).filter((name) => name.endsWith('.txt'));
  return join(projects, folder!, 'documents', file!);
}

async function addFieldNotes(page: Page, result: string) {
  const choosing = page.waitForEvent('filechooser');
  await documents(page).getByRole('button', { name: 'Add documents…' }).click();
  await (await choosing).setFiles([{ name: 'field-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
  const adding = page.getByRole('dialog', { name: 'Add documents' });
  await expect(adding.getByRole('status')).toHaveText('1 of 1 added.');
  await expect(adding.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveText([result]);
  await adding.getByRole('button', { name: 'Close', exact: true }).click();
}

/** Adds field-notes.txt, codes a passage in it, stops the host and damages the text's file; resolves to the file. */
async function importCodeAndDamage(page: Page): Promise<{ file: string; port: number }> {
  const first = await host();
  await open(page, first.url);
  await addFieldNotes(page, 'field-notes.txt: added as “field-notes”');
  await notes(page).click();
  await expect(viewerText(page)).toContainText(PASSAGE);
  await dragSelect(page, PASSAGE, PASSAGE);
  await codeOption(page, 'FTF').click();
  await expect(notes(page)).toHaveAccessibleDescription(/1 coded/);
  await expect(page.getByRole('status').filter({ hasText: /^(Saved|Saving…)$/ })).toHaveText('Saved');
  await stop(first);
  const file = await textFile();
  expect(await readFile(file, 'utf8')).toBe(TEXT);
  await writeFile(file, TEXT.replace('twice', 'once'));
  return { file, port: first.port };
}

test('a lost text: marked in a browser without it, written back from the browser that has it', async ({ page, browser }) => {
  const { file, port } = await importCodeAndDamage(page);

  // Another browser profile has no copy: the document is listed, marked, and opens to what to do.
  const again = await host(port);
  const other = await (await browser.newContext()).newPage();
  await open(other, again.url);
  await expect(startNotices(other)).toContainText('“field-notes” is unavailable');
  await expect(notes(other)).toHaveAccessibleDescription(/^Text unavailable\b.*imported · 1 coded$/);
  await expect(notes(other).getByText('Text unavailable', { exact: true })).toBeVisible();
  await notes(other).click();
  const reader = other.getByRole('article', { name: 'field-notes' });
  await expect(reader).toContainText('Text unavailable.');
  await expect(reader).toContainText('does not match its SHA-256');
  await expect(reader).toContainText('put the original text back in that file');
  await expect(reader).toContainText('add the document again');
  await expect(other.getByRole('alert')).toHaveCount(0);
  await reader.getByRole('button', { name: 'Check again' }).click();
  await expect(reader.getByRole('status')).toHaveText(/^Still unavailable: .*does not match its SHA-256/);
  const violations = (await new AxeBuilder({ page: other }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);

  // The browser it was imported in still holds the text: opening the project writes it back.
  await open(page, again.url);
  await expect(startNotices(page)).toContainText('Restored the text of “field-notes” from this window’s copy.');
  await expect(startNotices(page)).not.toContainText('is unavailable');
  expect(await readFile(file, 'utf8')).toBe(TEXT);
  await expect(notes(page)).toHaveAccessibleDescription(/^(?!Text unavailable).*imported · 1 coded$/);

  // The other browser checks again: the text is back, the mark goes, the document reads whole.
  await reader.getByRole('button', { name: 'Check again' }).click();
  await expect(notes(other)).toHaveAccessibleDescription(/^(?!Text unavailable).*imported · 1 coded$/, { timeout: 30_000 });
  await notes(other).click();
  await expect(viewerText(other)).toContainText(PASSAGE);

  // And every later start reads it from the file.
  await stop(again);
  await host(port);
  const third = await (await browser.newContext()).newPage();
  await open(third, hosts[0]!.url);
  await expect(startNotices(third)).toHaveCount(0);
  await notes(third).click();
  await expect(viewerText(third)).toContainText(PASSAGE);
});

test('a lost text: adding the same file again gives the document its text back, with its codings', async ({ page, browser }) => {
  const { file, port } = await importCodeAndDamage(page);
  await host(port);
  const other = await (await browser.newContext()).newPage();
  await open(other, hosts[0]!.url);
  await expect(notes(other)).toHaveAccessibleDescription(/^Text unavailable\b/);
  await addFieldNotes(other, 'field-notes.txt: the text of “field-notes”, which the project file had lost: restored');
  await expect(notes(other)).toHaveAccessibleDescription(/^(?!Text unavailable).*imported · 1 coded$/);
  await expect(documents(other).getByRole('link', { name: 'field-notes', exact: true })).toHaveCount(1);
  await notes(other).click();
  await expect(viewerText(other)).toContainText(PASSAGE);
  await expect(other.getByRole('status').filter({ hasText: /^(Saved|Saving…)$/ })).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(TEXT);
});
