/**
 * The text of a document changes between sessions: coded segments follow their quotes, and a
 * segment whose quote is gone is kept and listed as unplaced — never silently dropped.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeOption, expectCount, highlightedTexts } from './support/coding';
import { startHost } from './support/host';
import { dragSelect } from './support/text';

const V1 = 'Ministers met in Paris.\n\nThe Global Coalition stays united against Daesh.\n\nA sentence that will be removed later.\n';
const V2 =
  'Foreign ministers met in Paris on Tuesday, 25 June.\n\nThe Global Coalition stays united against Daesh.\n\nA new closing line.\n';

function writeCorpus(dir: string, text: string) {
  writeFileSync(join(dir, 'doc.txt'), text);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ name: 'Edits', documents: [{ id: 'doc', file: 'doc.txt', title: 'An edited statement', kind: null, place: null, date: null }] }),
  );
}

test('segments follow their quotes into an edited text; a lost quote is listed, not dropped', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-edit-'));
  writeCorpus(dir, V1);
  const first = await startHost(dir);
  await page.goto(first.url);
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Global Coalition');
  await dragSelect(page, 'Global Coalition stays', 'Global Coalition stays');
  await codeOption(page, 'FTF').click();
  await dragSelect(page, 'will be removed', 'will be removed');
  await codeOption(page, 'Stabilization').click();
  await expect.poll(() => highlightedTexts(page)).toEqual(['Global Coalition stays', 'will be removed']);
  const port = first.port;
  await first.close();

  // Same origin (same port), so the same IndexedDB; the file now reads differently.
  writeCorpus(dir, V2);
  const again = await startHost(dir, port);
  try {
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Tuesday');
    await expect.poll(() => highlightedTexts(page)).toEqual(['Global Coalition stays']);
    await expect(page.getByRole('note')).toContainText('1 coded segment could not be placed');
    await expect(page.getByRole('note')).toContainText('will be removed');
    await expectCount(page, 'FTF', 1);
    await expectCount(page, 'Stabilization', 1);
    // Analysis counts segments where they stand today: the lost one is left out, and said so.
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    const analysis = page.getByRole('region', { name: 'Analysis' });
    await expect(analysis.getByRole('note')).toHaveText(
      '1 segment could not be found in the current text of its document and is left out of every view (as exports leave out their offsets).',
    );
  } finally {
    await again.close();
  }
});
