/** Opening coded passages in the Segment panel, and leaving a page that asks first. */
import type { Page } from '@playwright/test';
import { codeOption, expectCount } from './coding';
import { FIRST } from './exchange';
import { dragSelect, pointOf } from './text';

/** Clicks inside a passage's highlight (a few characters in), which opens its segments. */
export async function clickInside(page: Page, passage: string) {
  const inside = await pointOf(page, passage, 4, 'left');
  await page.mouse.click(inside.x, inside.y);
}

/** Codes FIRST with FTF from the coding popup and opens it in the Segment panel. */
export async function codeFirstAndOpenIt(page: Page) {
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expectCount(page, 'FTF', 1);
  await clickInside(page, FIRST);
}

/** Reloads the page, accepting what it asks on the way; returns the kinds of dialog it showed. */
export async function reloadAccepting(page: Page): Promise<string[]> {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  return asked;
}
