/** Looking at what the analyst sees of their coding: highlights, codebook rows, panels. */
import { expect, type Page } from '@playwright/test';

/** Every highlighted passage (one entry per code on it), read from the CSS highlight registry. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!/-c\d+$/.test(name)) return; // code highlights only (not the "active" underline)
      highlight.forEach((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      });
    });
    return out.sort();
  });
}

export const codebook = (page: Page) => page.getByRole('region', { name: 'Codebook' });
/** The coding popup next to a selection: a non-modal dialog with the filter field, the codes and In vivo. */
export const codingPopup = (page: Page) => page.getByRole('dialog', { name: 'Apply code' });
/** The popup's option for a code, named by its path ("Parent > Child"). */
export const codeOption = (page: Page, path: string) => codingPopup(page).getByRole('option', { name: path, exact: true });
export const segmentPanel = (page: Page) => page.getByRole('region', { name: 'Segment' });

/** The codebook row of a code: an item of the code tree, named by the code. */
export const codeRow = (page: Page, name: string) => codebook(page).getByRole('treeitem', { name, exact: true });

/** The code's own codings, as its row describes them ("1 coding, 8 with sub-codes"). */
export async function expectCount(page: Page, code: string, n: number) {
  await expect(codeRow(page, code)).toHaveAccessibleDescription(new RegExp(`^${n} codings?(,|$)`));
}

/** The code's codings together with its sub-codes' ("… 8 with sub-codes"). */
export async function expectRollUp(page: Page, code: string, own: number, withSubcodes: number) {
  await expect(codeRow(page, code)).toHaveAccessibleDescription(
    new RegExp(`^${own} codings?, ${withSubcodes} with sub-codes(,|$)`),
  );
}

export async function openApp(page: Page) {
  await page.goto('/');
  // A starved CI machine can take more than the default 10 s to load and lay out the first document.
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group', { timeout: 30_000 });
}
