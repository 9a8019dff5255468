/**
 * The Node host's per-session secret, seen from the page: the page it serves carries it, the
 * app's API calls send it, a call without it is refused, and after a restart only a reloaded
 * page gets in again.
 */
import { expect, test, type Page } from '@playwright/test';
import { BUNDLED_CORPUS, startHost } from './support/host';

const sessionSecret = (page: Page) => page.locator('meta[name="marginalia-session"]').getAttribute('content');

/** An API call made by hand from the page, with or without a session header. */
const callFromPage = (page: Page, secret: string | null) =>
  page.evaluate(async (secret) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (secret !== null) headers['X-Marginalia-Session'] = secret;
    const res = await fetch('/api/listDocuments', { method: 'POST', headers, body: '{}' });
    const body = (await res.json()) as { ok: boolean; error?: string };
    return { status: res.status, ok: body.ok, error: body.error ?? null };
  }, secret);

test('the served page holds the session secret; API calls without it are refused, and a restart needs a reload', async ({ page }) => {
  const first = await startHost(BUNDLED_CORPUS);
  const port = first.port;
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    await page.goto(first.url);
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(5);
    const secret = await sessionSecret(page);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The secret is data in a meta tag: the page still runs no inline script.
    expect(await page.locator('script:not([src])').count()).toBe(0);

    expect(await callFromPage(page, secret)).toEqual({ status: 200, ok: true, error: null });
    const refused = { status: 403, ok: false, error: 'this page is from an earlier run of Marginalia (or not from Marginalia): reload it' };
    expect(await callFromPage(page, null)).toEqual(refused);
    expect(await callFromPage(page, 'guessed')).toEqual(refused);

    // Same port, so same origin and same IndexedDB: only the secret changes.
    await first.close();
    second = await startHost(BUNDLED_CORPUS, port);
    expect(await callFromPage(page, secret)).toEqual(refused);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(5);
    const renewed = await sessionSecret(page);
    expect(renewed).not.toBe(secret);
    expect(await callFromPage(page, renewed)).toEqual({ status: 200, ok: true, error: null });
  } finally {
    await (second ?? first).close().catch(() => {});
  }
});
