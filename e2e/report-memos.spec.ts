/**
 * The report's inter-coder agreement and the project memo. Two coders code: alice three passages
 * FTF, bob two of them and one other; the report's "Inter-coder agreement" section shows the
 * percentage and kappa for FTF (computed here by hand) — the same figures as the Agreement view —
 * in the preview and in the saved .docx. The analyst writes a project memo in the memo manager:
 * it comes first in the list, search finds it, Undo takes it back and Redo restores it, and the
 * report's memos begin with it. Axe: no serious violations in either view.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './support/coding';
import { codeAsAliceAndBob, codeFtf, expectedFigures, P1 } from './support/coders';

async function openAnalysis(page: Page, tab: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Analysis' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

async function expectNoSeriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).include('.analysis-panel').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const cellsOf = (table: Locator, page: Page, code: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code, exact: true }) }).getByRole('cell');

test('the report’s inter-coder agreement shows the Agreement view’s figures, in the preview and the .docx', async ({ page }) => {
  const expected = expectedFigures();
  await openApp(page);
  await codeAsAliceAndBob(page);

  // The Agreement view's figures for FTF.
  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  const viewRow = cellsOf(dialog.getByRole('table', { name: /Agreement by code/ }), page, 'FTF');
  await expect(viewRow.nth(4)).toHaveText(expected.percent);
  await expect(viewRow.nth(5)).toHaveText(expected.kappa);
  const viewFigures = await viewRow.allTextContents();
  await dialog.getByRole('button', { name: 'Close Agreement' }).click();

  const panel = await openAnalysis(page, 'Report');
  const options = panel.getByRole('form', { name: 'Report contents' });
  const section = options.getByRole('group', { name: 'Inter-coder agreement' });
  await section.getByRole('checkbox', { name: /^Agreement by code/ }).check();
  await expect(section.getByRole('radio', { name: 'Two coders' })).toBeChecked();
  await expect(section.getByRole('combobox', { name: 'Coder A' })).toHaveValue('alice');
  await expect(section.getByRole('combobox', { name: 'Coder B' })).toHaveValue('bob');

  const preview = panel.getByRole('region', { name: 'Report preview' });
  await expect(preview.getByRole('heading', { name: 'Inter-coder agreement' })).toBeVisible();
  const reportRow = cellsOf(preview.getByRole('table', { name: 'Agreement by code: alice and bob' }), page, 'FTF');
  await expect(reportRow.nth(4)).toHaveText(expected.percent);
  await expect(reportRow.nth(5)).toHaveText(expected.kappa);
  // Every figure the view shows for FTF (counts, agreement, κ, segments, B&P κ, α) is the report's.
  expect((await reportRow.allTextContents()).slice(0, viewFigures.length - 1)).toEqual(viewFigures.slice(0, -1));
  await expectNoSeriousViolations(page);

  const waiting = page.waitForEvent('download');
  await options.getByRole('button', { name: 'Save Word (.docx)' }).click();
  const docx = await waiting;
  const xml = strFromU8(unzipSync(readFileSync(await docx.path()))['word/document.xml']!);
  expect(xml).toContain('Inter-coder agreement');
  const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  // The FTF row of the agreement table (the frequency table, also in the report, comes before it).
  const ftf = texts.indexOf('FTF', texts.indexOf('Inter-coder agreement'));
  expect(texts.slice(ftf + 5, ftf + 7)).toEqual([expected.percent, expected.kappa]);
});

test('the project memo: written in the memo manager, first in the list, found, undone and redone, in the report', async ({ page }) => {
  const MEMO = 'Research question: is the threat framed as persistent after 2017?';
  await openApp(page);
  await codeFtf(page, P1);
  const panel = await openAnalysis(page, 'Memos');
  await panel.getByRole('textbox', { name: 'Project memo' }).fill(MEMO);
  await panel.getByRole('textbox', { name: 'Project memo' }).blur();
  await expect(page.getByRole('status').filter({ hasText: 'Edit project memo' })).toBeVisible();

  const list = panel.getByRole('list').filter({ has: page.getByRole('article') });
  const first = list.getByRole('article').first();
  await expect(first).toHaveAccessibleName(/^Project memo: /);
  await expect(first).toContainText(MEMO);
  await panel.getByRole('searchbox', { name: 'Search memos' }).fill('framed as PERSISTENT');
  await expect(list.getByRole('article')).toHaveCount(1);
  await expect(list.getByRole('article')).toContainText(MEMO);
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('textbox', { name: 'Project memo' })).toHaveValue('');
  await expect(list.getByRole('article')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(panel.getByRole('textbox', { name: 'Project memo' })).toHaveValue(MEMO);
  await expect(list.getByRole('article')).toHaveCount(1);

  await openAnalysis(page, 'Report');
  await panel.getByRole('form', { name: 'Report contents' }).getByRole('checkbox', { name: 'Memos' }).check();
  const preview = panel.getByRole('region', { name: 'Report preview' });
  await expect(preview.getByRole('heading', { name: 'Memos', exact: true })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3 }).filter({ hasText: /^Project memo · / })).toBeVisible();
  await expect(preview).toContainText(MEMO);
});
