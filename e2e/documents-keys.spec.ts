/**
 * The Documents list is one Tab stop (a roving tabindex): the arrows, Home and End move
 * between documents, Enter opens one, and Tab leaves the list for what follows it.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support/coding';

const link = (page: Page, title: string) => page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: title, exact: true });

test('the document list is one Tab stop with arrow keys, Home, End and Enter', async ({ page }) => {
  await openApp(page);
  const links = page.getByRole('navigation', { name: 'Documents' }).getByRole('link');
  await expect(links).toHaveCount(5);
  const docs = (await links.locator('.doc-list-title').allTextContents()).map((title) => ({ title }));
  // Only the open document takes Tab.
  await expect(page.locator('nav[aria-label="Documents"] a[tabindex="0"]')).toHaveCount(1);
  await expect(link(page, docs[0]!.title)).toHaveAttribute('tabindex', '0');

  await link(page, docs[0]!.title).focus();
  await page.keyboard.press('ArrowDown');
  await expect(link(page, docs[1]!.title)).toBeFocused();
  await page.keyboard.press('End');
  await expect(link(page, docs.at(-1)!.title)).toBeFocused();
  await page.keyboard.press('ArrowDown'); // stays on the last
  await expect(link(page, docs.at(-1)!.title)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(link(page, docs[0]!.title)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(docs[2]!.title);
  await expect(link(page, docs[2]!.title)).toHaveAttribute('aria-current', 'page');

  // Tab leaves the list at once, and Shift+Tab comes back to the entry last focused.
  await link(page, docs[2]!.title).focus();
  await page.keyboard.press('Tab');
  await expect(links.filter({ has: page.locator(':focus') })).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.closest('nav[aria-label="Documents"]') ?? null)).toBeNull();
  await page.keyboard.press('Shift+Tab');
  await expect(link(page, docs[2]!.title)).toBeFocused();
  await expect(page.locator('nav[aria-label="Documents"] a[tabindex="0"]')).toHaveCount(1);
});
