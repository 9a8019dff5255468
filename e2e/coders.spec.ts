/**
 * Several coders on one passage: each coding keeps its own coder, the Segment panel lists
 * them, and the CSV has one row per coding.
 */
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { codeOption, codingPopup, expectCount, openApp, segmentPanel } from './support/coding';
import { exportAs, FIRST } from './support/exchange';
import { becomeCoder } from './support/coders';
import { dragSelect, pointOf } from './support/text';


test('coder B applies the code coder A applied to the same passage: two codings, two CSV rows', async ({ page }) => {
  await openApp(page);
  await becomeCoder(page, 'alice');
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expect(codingPopup(page)).toBeHidden();

  await becomeCoder(page, 'bob');
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expect(page.getByRole('status').filter({ hasText: 'Apply code FTF' })).toBeVisible();
  // Both codings stored before the passage is clicked (a click while the popup's change is still
  // being written could land on the old segment).
  await expectCount(page, 'FTF', 2);
  await expect(codingPopup(page)).toBeHidden();

  const at = await pointOf(page, FIRST, 3, 'left');
  await page.mouse.click(at.x, at.y);
  const codings = segmentPanel(page).getByRole('list', { name: 'Codings of this segment' });
  await expect(codings.getByRole('listitem')).toHaveCount(2);
  await expect(codings.getByRole('listitem', { name: 'FTF by alice' })).toBeVisible();
  await expect(codings.getByRole('listitem', { name: 'FTF by bob' })).toBeVisible();

  const csv = await exportAs(page, 'Annotated CSV (one row per coding)');
  const [header, ...rows] = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const col = (name: string) => header!.indexOf(name);
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r[col('coder')]).sort()).toEqual(['alice', 'bob']);
  expect(rows.every((r) => r[col('code')] === 'FTF' && r[col('quote')] === FIRST)).toBe(true);
  expect(new Set(rows.map((r) => r[col('segment_id')])).size).toBe(1);

  // Blind coding: bob sees only his own coding in the Segment panel, and is told one is hidden.
  await page.getByRole('button', { name: 'Close Export' }).click();
  await page.getByRole('button', { name: /^Codings shown/ }).click();
  await page.getByRole('group', { name: 'Coder filter' }).getByRole('checkbox', { name: 'Blind coding' }).click();
  await page.keyboard.press('Escape');
  await page.mouse.click(at.x, at.y);
  await expect(codings.getByRole('listitem')).toHaveCount(1);
  await expect(codings.getByRole('listitem', { name: 'FTF by bob' })).toBeVisible();
  await expect(segmentPanel(page)).toContainText('1 coding by other coders hidden by the coder filter.');
});
