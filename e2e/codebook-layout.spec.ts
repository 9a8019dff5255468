/**
 * The Coding column keeps a usable codebook: with the Segment panel open and a code's details
 * shown, the tree still shows ten rows or more, the Segment panel is in view, and the details
 * scroll in their own region, which can be closed. A second click on the selected code keeps it
 * selected; Escape lets go. Axe, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exportQdc } from '../renderer/formats/refiQda/codebook';
import type { Code } from '../renderer/domain/model';
import { codeOption, codeRow, codebook, codingPopup, expectCount, openApp, segmentPanel } from './support/coding';
import { FIRST, importFile } from './support/exchange';
import { dragSelect, pointOf } from './support/text';
import { codeFirstAndOpenIt } from './support/segments';

/** 40 codes at the top level: a codebook longer than any column. */
function fortyCodes(): Code[] {
  const now = '2025-01-01T00:00:00.000Z';
  return Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    name: `Theme ${String(i + 1).padStart(2, '0')}`,
    colour: '#1f77b4',
    description: '',
    parentId: null,
    shortcut: null,
    createdAt: now,
    updatedAt: now,
  }));
}

const tree = (page: Page) => codebook(page).getByRole('tree', { name: 'Codes' });
const detailsToggle = (page: Page, name: string) => codebook(page).getByRole('button', { name: `Details of ${name}` });

/** Tree rows wholly inside the tree's scroll area. */
async function rowsInView(page: Page): Promise<number> {
  return tree(page).evaluate((list) => {
    const area = list.parentElement!.getBoundingClientRect();
    return [...list.querySelectorAll('[role=treeitem]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= area.top - 1 && box.bottom <= area.bottom + 1;
    }).length;
  });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('with a segment open and a code selected, the tree keeps ten rows and the details scroll apart', async ({ page }) => {
  await openApp(page);
  const qdc = { name: 'forty.qdc', mimeType: 'application/xml', buffer: Buffer.from(exportQdc(fortyCodes())) };
  const dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', qdc);
  await expect(dialog.getByRole('status')).toContainText('Added 40 codes');
  await page.keyboard.press('Escape');

  // Code a passage with the last code, open its segment, then select that code.
  await dragSelect(page, FIRST, FIRST);
  await codingPopup(page).getByRole('combobox', { name: 'Find or create code' }).fill('Theme 40');
  await codeOption(page, 'Theme 40').click();
  await expectCount(page, 'Theme 40', 1);
  const inside = await pointOf(page, FIRST, 4, 'left');
  await page.mouse.click(inside.x, inside.y);
  await expect(segmentPanel(page)).toBeInViewport({ ratio: 0.9 });
  await codeRow(page, 'Theme 20').click();

  const rowsBeside = await rowsInView(page);
  expect(rowsBeside).toBeGreaterThanOrEqual(10);
  await expect(segmentPanel(page)).toBeInViewport({ ratio: 0.9 });
  const toggle = detailsToggle(page, 'Theme 20');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(codebook(page).getByRole('form', { name: 'Edit code Theme 20' })).toBeInViewport();

  // The details scroll in their own region: the tree does not move when they do.
  const treeBox = await tree(page).locator('xpath=..').boundingBox();
  await codebook(page).getByRole('region', { name: 'Passages coded Theme 20' }).scrollIntoViewIfNeeded();
  expect(await tree(page).locator('xpath=..').boundingBox()).toEqual(treeBox);

  // Closed, the details give their room to the tree; the choice is remembered.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(codebook(page).getByRole('form', { name: 'Edit code Theme 20' })).toBeHidden();
  expect(await rowsInView(page)).toBeGreaterThan(rowsBeside + 2);
  await page.reload();
  await codeRow(page, 'Theme 20').click();
  await expect(detailsToggle(page, 'Theme 20')).toHaveAttribute('aria-expanded', 'false');
  await detailsToggle(page, 'Theme 20').click();
  await expect(codebook(page).getByRole('form', { name: 'Edit code Theme 20' })).toBeVisible();
});

test('clicking the selected code keeps it selected; Escape in the tree lets go', async ({ page }) => {
  await openApp(page);
  await codeRow(page, 'FTF').click();
  await expect(codeRow(page, 'FTF')).toHaveAttribute('aria-selected', 'true');
  await codeRow(page, 'FTF').click();
  await expect(codeRow(page, 'FTF')).toHaveAttribute('aria-selected', 'true');
  await expect(codebook(page).getByRole('form', { name: 'Edit code FTF' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(codeRow(page, 'FTF')).toHaveAttribute('aria-selected', 'false');
  await expect(codebook(page).getByRole('form', { name: 'Edit code FTF' })).toBeHidden();
  await expect(codeRow(page, 'FTF')).toBeFocused();
});

test('no serious accessibility violations with the Segment panel and a code’s details open, light and dark', async ({ page }) => {
  await openApp(page);
  await codeFirstAndOpenIt(page);
  await expect(segmentPanel(page)).toBeVisible();
  await codeRow(page, 'FTF').click();
  await expect(detailsToggle(page, 'FTF')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('aside').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
