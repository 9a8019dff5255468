/**
 * A window that cannot open its project says why as a sentence, with advice that fits the cause
 * (never raw validator JSON, never "close other windows" for a problem windows do not cause):
 * the host's answer of another version, a project written by a newer Marginalia, a host that
 * does not answer. Each is played by a fresh browser context whose readProject is answered here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page, type Route } from '@playwright/test';
import type { RunningWebServer } from '../main/web/server';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { viewerText } from './support/text';

let data: string;
let server: RunningWebServer;

test.beforeEach(async ({ page }) => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-startup-'));
  server = await startHost(BUNDLED_CORPUS, 0, { data });
  // A first window makes the project file hold the project, so a new window reads it from there.
  await page.goto(server.url);
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
});
test.afterEach(async () => {
  await server.close();
  await rm(data, { recursive: true, force: true });
});

async function openWith(browser: Browser, answer: (route: Route) => Promise<void>): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/api/readProject', answer);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Marginalia could not open your project' })).toBeVisible();
  return page;
}

const reply = (value: unknown) => (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });

test('a host answering in another version’s shape: said as text, with reload advice', async ({ browser }) => {
  const page = await openWith(browser, reply({ ok: true, value: { id: 'p', seq: 1, settings: null, tables: { codes: [], segments: [], memos: [], documents: [] } } }));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This window and Marginalia’s host are different versions');
  await expect(alert).toContainText('so the project could not be read: the host’s answer is not what this window expects (');
  await expect(alert).toContainText('tables.savedSearches: ');
  await expect(alert).not.toContainText('"code"');
  await expect(alert).not.toContainText('[{');
  await expect(page.getByText(/^Nothing was changed\. Reload this page; if this stays, restart the host/)).toBeVisible();
  await expect(page.getByText(/Close other Marginalia windows/)).toHaveCount(0);
});

test('a project written by a newer Marginalia: the host’s reason and what to do', async ({ browser }) => {
  const error = 'readProject failed: project.json is version 9, written by a newer Marginalia (this one reads versions 1 to 4): update Marginalia to open this project';
  const page = await openWith(browser, reply({ ok: false, error }));
  await expect(page.getByRole('alert')).toHaveText(
    'The project could not be read: project.json is version 9, written by a newer Marginalia (this one reads versions 1 to 4): update Marginalia to open this project.',
  );
  await expect(page.getByText('Nothing was changed.', { exact: true })).toBeVisible();
});

test('a host that does not answer: start it again', async ({ browser }) => {
  const page = await openWith(browser, (route) => route.abort('connectionrefused'));
  await expect(page.getByRole('alert')).toHaveText('Marginalia’s host did not answer: it may have been stopped, so the project could not be read.');
  await expect(page.getByText(/^Nothing was changed\. Start the host again \(npm run web/)).toBeVisible();
});
