/** The Search view and its saved searches. */
import { expect, type Page } from '@playwright/test';

export const searchView = (page: Page) => page.getByRole('region', { name: 'Search all documents' });

/** Opens Search (Ctrl+Shift+F), searches `query` and saves it under `name`. */
export async function saveSearch(page: Page, query: string, name: string) {
  await page.keyboard.press('Control+Shift+F');
  await searchView(page).getByRole('searchbox', { name: 'Search for' }).fill(query);
  await searchView(page).getByText(/^Saved searches/).click();
  await searchView(page).getByRole('textbox', { name: 'Name' }).fill(name);
  await searchView(page).getByRole('button', { name: 'Save this search' }).click();
  await expect(searchView(page).getByRole('button', { name: `Run saved search ${name}` })).toBeVisible();
}
