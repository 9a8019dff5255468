/**
 * Export and exchange: the annotated CSV as a researcher reads it (header, rows, code point
 * offsets), a backup restored in a fresh project (replace, its saved search too, undo and redo of
 * all of it), a damaged file refused
 * with nothing stored, and REFI-QDA .qdpx round trips, including a document that is not in
 * the corpus. Every test has a fresh browser context, so a fresh IndexedDB.
 */
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import Papa from 'papaparse';
import { exportQdpx } from '../renderer/formats/refiQda/exportQdpx';
import { quoteSelector } from '../renderer/domain/segments';
import { codeRow, codebook, expectCount, highlightedTexts, openApp } from './support/coding';
import {
  FIRST,
  SECOND,
  codeNames,
  codeTwoPassages,
  exportAs,
  exportDialog,
  importDialog,
  importFile,
  openExport,
} from './support/exchange';
import { BUNDLED_CORPUS } from './support/host';
import { manifest, normalisedFile, viewerText } from './support/text';
import { saveSearch, searchView } from './support/search';

const HEADER =
  'segment_id,document_id,document_title,document_date,code,code_path,start,end,placement,quote,prefix,suffix,memo,coder,created_at,updated_at,attr_Kind,attr_Place,attr_Date';


async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page);
  return page;
}

test('the Export dialog offers every format, opens and closes with the keyboard', async ({ page }) => {
  await openApp(page);
  const opener = page.getByRole('button', { name: 'Export', exact: true });
  const dialog = await openExport(page);
  const formats = dialog.getByRole('radiogroup', { name: 'Format' }).getByRole('radio');
  await expect(formats).toHaveCount(6);
  for (const name of [
    'Annotated CSV (one row per coding)',
    'CSV, one row per segment (0/1 code columns)',
    'Project backup (JSON)',
    'W3C Web Annotations (JSON-LD)',
    'REFI-QDA project (.qdpx)',
    'REFI-QDA codebook (.qdc)',
  ]) {
    await expect(dialog.getByRole('radio', { name, exact: true })).toBeVisible();
  }
  // CSV filters and options, on by default.
  await expect(dialog.getByRole('group', { name: 'Documents' }).getByRole('checkbox')).toHaveCount(5);
  await expect(dialog.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'FTF' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Include sub-codes' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'UTF-8 BOM (for Excel)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Protect against spreadsheet formulas' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Coder' })).toHaveValue('');
  // The filters are for CSV only.
  await dialog.getByRole('radio', { name: 'Project backup (JSON)' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Include sub-codes' })).toHaveCount(0);

  // Both dialogs pass axe (serious or critical), in light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await dialog.getByRole('radio', { name: 'Annotated CSV (one row per coding)' }).check();
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(page).getByRole('radio')).toHaveCount(4);
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(importDialog(page)).toBeHidden();
});

test('annotated CSV: exact header, one row per code, code point offsets that slice the text to the quote', async ({ page }) => {
  await openApp(page);
  await codeTwoPassages(page);
  await expect.poll(() => highlightedTexts(page)).toEqual([SECOND, FIRST].sort());

  const file = await exportAs(page, 'Annotated CSV (one row per coding)');
  expect(file.name).toMatch(/^marginalia-coding-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(exportDialog(page).getByRole('status')).toHaveText(`Downloaded ${file.name} (2 rows).`);
  expect(file.text.charCodeAt(0)).toBe(0xfeff); // BOM on by default
  const parsed = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header!.join(',')).toBe(HEADER);
  expect(rows).toHaveLength(2);

  const col = (name: string) => header!.indexOf(name);
  const records = rows.map((r) => ({
    documentId: r[col('document_id')]!,
    code: r[col('code')]!,
    quote: r[col('quote')]!,
    start: Number(r[col('start')]),
    end: Number(r[col('end')]),
    placement: r[col('placement')]!,
  }));
  expect(records.map((r) => r.placement)).toEqual(['exact', 'exact']);
  expect(records.map((r) => [r.code, r.quote])).toEqual([
    ['FTF', FIRST],
    ['Stabilization', SECOND],
  ]);
  const docs = manifest(BUNDLED_CORPUS).documents;
  for (const r of records) {
    const doc = docs.find((d) => d.id === r.documentId)!;
    const chars = Array.from(normalisedFile(BUNDLED_CORPUS, doc.file));
    expect(chars.slice(r.start, r.end).join('')).toBe(r.quote);
  }

  // Without the BOM and filtered to one code.
  const dialog = exportDialog(page);
  await dialog.getByRole('checkbox', { name: 'UTF-8 BOM (for Excel)' }).uncheck();
  await dialog.getByRole('button', { name: 'No codes' }).click();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await dialog.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'Stabilization' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const text = readFileSync(await (await downloading).path(), 'utf8');
  expect(text.startsWith('segment_id,')).toBe(true);
  const filteredRows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  expect(filteredRows).toHaveLength(2);
  expect(filteredRows[1]![col('code')]).toBe('Stabilization');
});

test('a backup restores codes and highlights in a fresh project, as one undoable step', async ({ page, browser }) => {
  await openApp(page);
  await codeTwoPassages(page);
  // A code of our own, so the restored codebook is visibly the backup's.
  await codebook(page).getByRole('textbox', { name: 'New code name' }).fill('Returnees');
  await codebook(page).getByRole('textbox', { name: 'New code name' }).press('Enter');
  await expect(codeRow(page, 'Returnees')).toBeVisible();
  // A saved search, which the backup carries and its restore brings back in the same Undo step.
  await saveSearch(page, 'returnees', 'Returnees mentions');
  await searchView(page).getByRole('button', { name: 'Back to the document' }).click();
  const backup = await exportAs(page, 'Project backup (JSON)');
  expect(backup.name).toMatch(/^marginalia-coding-\d{4}-\d{2}-\d{2}-project\.json$/);
  const json = JSON.parse(backup.text) as { format: string; segments: unknown[]; codes: unknown[] };
  expect(json.format).toBe('marginalia-project');
  expect(json.segments).toHaveLength(2);

  const fresh = await freshPage(browser);
  await expect(codeRow(fresh, 'Returnees')).toHaveCount(0);
  expect(await highlightedTexts(fresh)).toEqual([]);
  const dialog = await importFile(fresh, 'Project backup (JSON)', backup.upload);
  // The fresh project has the default codebook, so it asks.
  await expect(dialog.getByRole('button', { name: 'Merge' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Imported ${backup.name}: Added`);
  await expect(dialog.getByRole('status')).toContainText('2 segments');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expectCount(fresh, 'FTF', 1);
  await expectCount(fresh, 'Stabilization', 1);
  await expectCount(fresh, 'Returnees', 0);
  await expect.poll(() => highlightedTexts(fresh)).toEqual([SECOND, FIRST].sort());
  expect(await codeNames(fresh)).toEqual(await codeNames(page));

  // One transaction: one Undo brings the fresh project back.
  await fresh.getByRole('button', { name: 'Undo' }).click();
  await expect(codeRow(fresh, 'Returnees')).toHaveCount(0);
  await expect.poll(() => highlightedTexts(fresh)).toEqual([]);
  await expectCount(fresh, 'FTF', 0);
  await fresh.keyboard.press('Control+Shift+F');
  await expect(searchView(fresh).getByText(/^Saved searches \(0\)/)).toBeVisible();

  // Redo puts all of it back, the saved search with the codes; Undo takes all of it again.
  await fresh.getByRole('button', { name: 'Redo' }).click();
  await expectCount(fresh, 'FTF', 1);
  await searchView(fresh).getByText(/^Saved searches \(1\)/).click();
  await searchView(fresh).getByRole('button', { name: 'Run saved search Returnees mentions' }).click();
  await expect(searchView(fresh).getByRole('searchbox', { name: 'Search for' })).toHaveValue('returnees');
  await fresh.getByRole('button', { name: 'Undo' }).click();
  await expect(searchView(fresh).getByText(/^Saved searches \(0\)/)).toBeVisible();
  await expectCount(fresh, 'FTF', 0);
});

test('a damaged file is explained and nothing is stored', async ({ page }) => {
  await openApp(page);
  const before = await codeNames(page);

  let dialog = await importFile(page, 'Project backup (JSON)', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "marginalia-project", "version": 1, "codes": [', 'utf8'),
  });
  await expect(dialog.getByRole('alert')).toContainText('broken.json was not imported. The file is not valid JSON');

  // Valid JSON, but not a backup.
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await choosing).setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(dialog.getByRole('alert')).toContainText('This is not a Marginalia backup');

  // A backup whose segment points at a code that does not exist.
  const damaged = {
    format: 'marginalia-project',
    version: 1,
    exportedAt: '2024-05-01T10:00:00.000Z',
    documents: [],
    codes: [],
    segments: [],
    memos: [],
    settings: { coder: '' },
  };
  const again = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await again).setFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(dialog.getByRole('alert')).toContainText('The backup is damaged: settings.coder');
  await page.keyboard.press('Escape');

  dialog = await importFile(page, 'REFI-QDA project (.qdpx)', {
    name: 'not-a-zip.qdpx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a zip archive'),
  });
  await expect(dialog.getByRole('alert')).toContainText('not-a-zip.qdpx was not imported. This is not a readable .qdpx file');
  await page.keyboard.press('Escape');

  expect(await codeNames(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.reload();
  await openApp(page);
  expect(await codeNames(page)).toEqual(before);
});

test('a .qdpx export imports into a fresh project: codes matched by path, segments on the same passages', async ({ page, browser }) => {
  await openApp(page);
  await codeTwoPassages(page);
  const qdpx = await exportAs(page, 'REFI-QDA project (.qdpx)');
  expect(qdpx.name).toMatch(/^marginalia-coding-\d{4}-\d{2}-\d{2}\.qdpx$/);
  expect(qdpx.bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a ZIP archive

  const fresh = await freshPage(browser);
  const before = await codeNames(fresh);
  const dialog = await importFile(fresh, 'REFI-QDA project (.qdpx)', qdpx.upload);
  await expect(dialog.getByRole('status')).toContainText(`Imported ${qdpx.name}: Added 2 segments.`);
  await expect(dialog.getByRole('status')).toContainText('matched existing codes by path');
  await expect(dialog.getByRole('status')).toContainText('Already in the corpus');
  await fresh.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  expect(await codeNames(fresh)).toEqual(before); // no duplicate codes
  await expectCount(fresh, 'FTF', 1);
  await expectCount(fresh, 'Stabilization', 1);
  await expect.poll(() => highlightedTexts(fresh)).toEqual([SECOND, FIRST].sort());
  // No copy of a corpus document was added.
  await expect(fresh.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(5);
});

test('a .qdpx from elsewhere adds its document, codes and segments, and reports what it matched', async ({ page }) => {
  const text = 'We talked about returnees and the border.\nShe said the camps were full.';
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const now = '2024-05-01T10:00:00.000Z';
  const segment = (id: string, quote: string, codeIds: string[]) => {
    const start = text.indexOf(quote);
    return {
      id,
      documentId: 'interview-7',
      documentHash: sha256,
      start,
      end: start + quote.length,
      ...quoteSelector(text, start, start + quote.length),
      codings: codeIds.map((codeId) => ({ id: `${id}/${codeId}`, codeId, coder: 'Zoe', createdAt: now })),
      memo: '',
      createdAt: now,
      updatedAt: now,
    };
  };
  const code = (id: string, name: string) => ({
    id, name, colour: '#aa3300', description: '', parentId: null, shortcut: null, createdAt: now, updatedAt: now,
  });
  const bytes = exportQdpx(
    {
      documents: [{ id: 'interview-7', title: 'Interview with a returnee', kind: 'interview', place: 'Erbil', date: '2019-03-02', sha256, text }],
      codes: [code('their-ftf', 'ftf'), code('their-camps', 'Camps')],
      segments: [segment('s-1', 'returnees and the border', ['their-ftf']), segment('s-2', 'the camps were full', ['their-camps'])],
      memos: [{ documentId: 'interview-7', text: 'Recorded in Erbil.', updatedAt: now }],
      settings: { coder: 'Zoe' },
    },
    { now, userName: 'Zoe' },
  );

  await openApp(page);
  const dialog = await importFile(page, 'REFI-QDA project (.qdpx)', {
    name: 'fieldwork.qdpx',
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  });
  await expect(dialog.getByRole('status')).toContainText(
    'Imported fieldwork.qdpx: Added 1 code, 2 segments, 1 document memo and 1 document.',
  );
  await expect(dialog.getByRole('status')).toContainText('1 code matched existing codes by path: "ftf"');
  await page.keyboard.press('Escape');

  await expect(codeRow(page, 'Camps')).toBeVisible();
  await expectCount(page, 'FTF', 1);
  await expectCount(page, 'Camps', 1);
  const link = page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Interview with a returnee' });
  await expect(link).toHaveAccessibleDescription(/imported · 2 coded/);
  await link.click();
  await expect(viewerText(page)).toContainText('We talked about returnees');
  await expect.poll(() => highlightedTexts(page)).toEqual(['returnees and the border', 'the camps were full']);
});

test('a .qdc codebook adds the codes this project lacks and skips the paths it has', async ({ page, browser }) => {
  await openApp(page);
  const name = codebook(page).getByRole('textbox', { name: 'New code name' });
  await name.fill('Returnees');
  await name.press('Enter');
  await expect(codeRow(page, 'Returnees')).toBeVisible();
  const qdc = await exportAs(page, 'REFI-QDA codebook (.qdc)');
  expect(qdc.name).toMatch(/^marginalia-coding-\d{4}-\d{2}-\d{2}\.qdc$/);
  expect(qdc.text).toContain('<CodeBook');

  const fresh = await freshPage(browser);
  const dialog = await importFile(fresh, 'REFI-QDA codebook (.qdc)', qdc.upload);
  await expect(dialog.getByRole('status')).toContainText(`Imported ${qdc.name}: Added 1 code.`);
  await expect(dialog.getByRole('status')).toContainText('Skipped 5 codes whose paths already exist');
  await fresh.keyboard.press('Escape');
  // The same codes in the same order: imported codes keep the file's order, after those already there.
  expect(await codeNames(fresh)).toEqual(await codeNames(page));
});

test('thousands of segments: the CSV is written in chunks behind a progress bar', async ({ page }) => {
  const doc = manifest(BUNDLED_CORPUS).documents[4]!;
  const text = normalisedFile(BUNDLED_CORPUS, doc.file);
  const now = '2024-05-01T10:00:00.000Z';
  const N = 12_000;
  const segments = Array.from({ length: N }, (_, i) => {
    const start = i % (text.length - 20);
    return {
      id: `bulk-${i}`,
      documentId: doc.id,
      documentHash: createHash('sha256').update(text).digest('hex'),
      start,
      end: start + 8,
      ...quoteSelector(text, start, start + 8),
      codeIds: ['bulk-code'],
      memo: '',
      coder: 'Bulk',
      createdAt: now,
      updatedAt: now,
    };
  }).filter((s) => s.quote.trim() !== '');
  // A version 1 backup (codeIds + coder per segment): it is converted to codings as it is read.
  const backup = {
    format: 'marginalia-project',
    version: 1,
    exportedAt: now,
    documents: [{ id: doc.id, title: doc.title, sha256: segments[0]!.documentHash }],
    codes: [{ id: 'bulk-code', name: 'Bulk', colour: '#336699', description: '', parentId: null, shortcut: null, createdAt: now, updatedAt: now }],
    segments,
    memos: [],
    settings: { coder: 'Bulk' },
  };
  await openApp(page);
  const dialog = await importFile(page, 'Project backup (JSON)', {
    name: 'bulk.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.getByRole('status')).toContainText(`${segments.length.toLocaleString('en')} segments`.replace(',', ''), { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expectCount(page, 'Bulk', segments.length);

  // Record every state of the progress bar while the export runs.
  await page.evaluate(() => {
    const seen: Array<[number, number]> = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Export progress"]');
      if (bar && bar.hasAttribute('value')) seen.push([bar.value, bar.max]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const file = await exportAs(page, 'Annotated CSV (one row per coding)');
  const rows = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(segments.length + 1);
  await expect(exportDialog(page).getByRole('status')).toHaveText(`Downloaded ${file.name} (${segments.length.toLocaleString('en-US')} rows).`);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: Array<[number, number]> }).progressSeen);
  const values = [...new Set(seen.map(([v]) => v))];
  expect(values.length).toBeGreaterThanOrEqual(3); // 0, 5,000, 10,000 … : it painted between chunks
  expect(seen.every(([, max]) => max === segments.length)).toBe(true);
});
