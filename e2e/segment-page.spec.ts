/**
 * A PDF-born document's segments tell their page: a 3-page PDF added by the file chooser, a
 * passage on page 2 coded, and the Segment panel says "Page 2 of 3"; a passage running from
 * page 2 onto page 3 says "Pages 2–3 of 3". A document of another kind shows no page.
 */
import { expect, test } from '@playwright/test';
import { pdfFile } from '../scripts/fixtures/pdfFile';
import { codeOption, openApp, segmentPanel } from './support/coding';
import { dragSelect, pointOf, viewerText } from './support/text';

const PAGE_TWO = 'returnees were counted twice';

test('the Segment panel names the page a PDF segment starts on', async ({ page }) => {
  await openApp(page);
  const documents = page.getByRole('navigation', { name: 'Documents' });
  const choosing = page.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Add documents…' }).click();
  const pdf = await pdfFile(['Annual report, page one', `Page two: ${PAGE_TWO} in May.`, 'Page three closes it.']);
  await (await choosing).setFiles([{ name: 'annual.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) }]);
  const dialog = page.getByRole('dialog', { name: 'Add documents' });
  await expect(dialog.getByRole('status')).toHaveText('1 of 1 added.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  const annual = documents.getByRole('link', { name: 'annual', exact: true });
  await annual.click();
  await expect(viewerText(page)).toContainText(PAGE_TWO);
  await dragSelect(page, PAGE_TWO, PAGE_TWO);
  await codeOption(page, 'FTF').click();
  await expect(annual).toHaveAccessibleDescription(/1 coded/);
  const inside = await pointOf(page, PAGE_TWO, 4, 'left');
  await page.mouse.click(inside.x, inside.y);
  const panel = segmentPanel(page);
  await expect(panel.getByRole('article', { name: `Segment “${PAGE_TWO}”` })).toBeVisible();
  await expect(panel.getByRole('term')).toHaveText(['Page', 'Created', 'Updated']);
  await expect(panel.getByRole('definition').first()).toHaveText('2 of 3');

  // From page 2 onto page 3.
  await page.getByRole('button', { name: 'Close segment panel' }).click();
  await dragSelect(page, 'in May', 'Page three');
  await codeOption(page, 'FTF').click();
  await expect(annual).toHaveAccessibleDescription(/2 coded/);
  const onThree = await pointOf(page, 'Page three', 2, 'left');
  await page.mouse.click(onThree.x, onThree.y);
  await expect(panel.getByRole('term').first()).toHaveText('Pages');
  await expect(panel.getByRole('definition').first()).toHaveText('2–3 of 3');

  // The bundled corpus is plain text: no page.
  await page.getByRole('button', { name: 'Close segment panel' }).click();
  await documents.getByRole('link').first().click();
  await expect(viewerText(page)).toContainText('Small Group');
  await dragSelect(page, 'Small Group', 'Small Group');
  await codeOption(page, 'FTF').click();
  await expect(documents.getByRole('link').first()).toHaveAccessibleDescription(/1 coded/);
  const inSmall = await pointOf(page, 'Small Group', 2, 'left');
  await page.mouse.click(inSmall.x, inSmall.y);
  await expect(panel.getByRole('term')).toHaveText(['Created', 'Updated']);
});
