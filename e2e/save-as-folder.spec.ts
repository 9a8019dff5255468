/**
 * Save project as names the folder the copy really goes to: the data folder's projects/ folder
 * (where Open lists projects too), not the data folder itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunningWebServer } from '../main/web/server';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { viewerText } from './support/text';

let data: string;
let server: RunningWebServer;

test.beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-saveas-'));
  server = await startHost(BUNDLED_CORPUS, 0, { data });
});
test.afterEach(async () => {
  await server.close();
  await rm(data, { recursive: true, force: true });
});

test('Save project as and Open name the projects folder, where the copy is written', async ({ page }) => {
  await page.goto(server.url);
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
  const projects = join(data, 'projects');
  const chooseInProjectMenu = async (item: string) => {
    await page.getByRole('button', { name: 'Project', exact: true }).click();
    await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: item, exact: true }).click();
  };

  await chooseInProjectMenu('Save project as…');
  const saveAs = page.getByRole('dialog', { name: 'Save project as' });
  await expect(saveAs.getByText(`Saved in ${projects}.`, { exact: false })).toBeVisible();
  await saveAs.getByRole('textbox', { name: 'New name' }).fill('Study B');
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('Study B — Marginalia');

  await chooseInProjectMenu('Open project…');
  const open = page.getByRole('dialog', { name: 'Open project' });
  await expect(open.getByText(`Projects in ${projects}, and those opened recently.`)).toBeVisible();
  await expect(open.getByText(join(projects, 'Study B.marginalia'))).toBeVisible();
});
