/**
 * A new project without documents says what to do next in the reader — with the Add documents…
 * button — instead of "No documents to show."; the first document added opens in the reader.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../main/web/server';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { viewerText } from './support/text';

let data: string;
let server: RunningWebServer | null = null;

test.beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-empty-'));
  server = await startHost(BUNDLED_CORPUS, 0, { data });
});
test.afterEach(async () => {
  await server?.close();
  await rm(data, { recursive: true, force: true });
});

async function newEmptyProject(page: Page) {
  await page.goto(server!.url);
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Project', exact: true }).click();
  await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: 'New project…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Interviews');
  await dialog.getByRole('radio', { name: 'None yet (I will add documents)' }).check();
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveTitle('Interviews — Marginalia');
}

test('an empty project says how to add documents, and its button adds them', async ({ page }) => {
  await newEmptyProject(page);
  const reader = page.getByRole('main');
  const empty = reader.getByRole('region', { name: 'This project has no documents yet' });
  await expect(empty).toBeVisible();
  await expect(reader.getByText('No documents to show.')).toHaveCount(0);

  const choosing = page.waitForEvent('filechooser');
  await empty.getByRole('button', { name: 'Add documents…' }).click();
  await (await choosing).setFiles({ name: 'maria.txt', mimeType: 'text/plain', buffer: Buffer.from('Maria spoke about the border.\n') });
  const adding = page.getByRole('dialog', { name: 'Add documents' });
  await expect(adding.getByRole('status')).toHaveText('1 of 1 added.');
  await adding.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(1);
  await expect(empty).toHaveCount(0);
});
