/**
 * Bringing one's own documents: a .txt, a .docx and a .pdf added through the file chooser and
 * others dropped on the Documents list; a passage coded in each; the CSV's offsets slice each
 * converted text to its quote and the PDF row names its page; an attribute defined, filled,
 * filtered by and exported; a document removed and brought back by Undo.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { convertDocument } from '../converters';
import { docxFile } from '../scripts/fixtures/docxFile';
import { pdfFile } from '../scripts/fixtures/pdfFile';
import { codeOption, openApp } from './support/coding';
import { exportAs } from './support/exchange';
import { dragSelect, viewerText } from './support/text';

interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const TXT_PASSAGE = 'returnees crossed the border';
const DOCX_PASSAGE = 'the council voted in favour';
const PDF_PASSAGE = 'stabilisation funds arrived';

async function chosenFiles(): Promise<TestFile[]> {
  return [
    { name: 'field-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(`Field notes\r\nIn March ${TXT_PASSAGE} at night — café talk.\r\n`, 'utf8') },
    {
      name: 'minutes.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await docxFile({ heading: 'Minutes', paragraphs: [`After a long debate ${DOCX_PASSAGE}.`], table: [['Member', 'Vote'], ['A', 'yes']], footnotes: ['Quorum reached.'] })),
    },
    {
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await pdfFile(['Report, page one', `Page two: ${PDF_PASSAGE} in May.`])),
    },
  ];
}

async function droppedFiles(): Promise<TestFile[]> {
  return [
    { name: 'dropped-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Dropped notes about the coalition.', 'utf8') },
    { name: 'dropped-letter.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(await docxFile({ paragraphs: ['A dropped letter.'] })) },
    { name: 'dropped-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfFile(['Dropped PDF text.'])) },
    // The same text as field-notes.txt once normalised: skipped as a duplicate.
    { name: 'copy.txt', mimeType: 'text/plain', buffer: Buffer.from(`\uFEFFField notes\nIn March ${TXT_PASSAGE} at night — café talk.\n`, 'utf8') },
    { name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x41, 0x00, 0x42]) },
  ];
}

const documents = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
const addDialog = (page: Page) => page.getByRole('dialog', { name: 'Add documents' });

async function drop(page: Page, files: TestFile[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, bytes: [...f.buffer] }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    return transfer;
  }, payload);
  await documents(page).dispatchEvent('dragover', { dataTransfer });
  await documents(page).dispatchEvent('drop', { dataTransfer });
}

async function codeIn(page: Page, title: string, passage: string) {
  await documents(page).getByRole('link', { name: title, exact: true }).click();
  await expect(viewerText(page)).toContainText(passage);
  await dragSelect(page, passage, passage);
  await codeOption(page, 'FTF').click();
  await expect(documents(page).getByRole('link', { name: title, exact: true })).toHaveAccessibleDescription(/1 coded/);
}

test('add, code, export, attributes, remove and undo', async ({ page }) => {
  // The conversions run in the app's Web Worker (bundled, same origin), not on the window's thread.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openApp(page);
  const chosen = await chosenFiles();

  // By the file chooser.
  const choosing = page.waitForEvent('filechooser');
  await documents(page).getByRole('button', { name: 'Add documents…' }).click();
  const chooser = await choosing;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(chosen);
  await expect(addDialog(page).getByRole('status')).toHaveText('3 of 3 added.');
  expect(workers.filter((url) => /documentWorker/.test(url))).toHaveLength(1);
  await expect(addDialog(page).getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveText([
    'field-notes.txt: added as “field-notes”',
    'minutes.docx: added as “minutes”',
    'report.pdf: added as “report”',
  ]);
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await addDialog(page).getByRole('button', { name: 'Close', exact: true }).click();

  // By drop.
  await drop(page, await droppedFiles());
  await expect(addDialog(page).getByRole('status')).toHaveText('3 of 5 added.');
  const results = addDialog(page).getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results.nth(3)).toHaveText('copy.txt: skipped: the same text as “field-notes”');
  await expect(results.nth(4)).toHaveText(/^binary\.txt: refused: it contains NUL bytes/);
  await addDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
  for (const title of ['dropped-notes', 'dropped-letter', 'dropped-scan']) {
    await expect(documents(page).getByRole('link', { name: title, exact: true })).toBeVisible();
  }

  // Code a passage in each of the chosen three.
  await codeIn(page, 'field-notes', TXT_PASSAGE);
  await codeIn(page, 'minutes', DOCX_PASSAGE);
  await codeIn(page, 'report', PDF_PASSAGE);

  // An attribute: define, fill, filter by it.
  await documents(page).getByRole('button', { name: 'Attributes…' }).click();
  const table = page.getByRole('dialog', { name: 'Documents and attributes' });
  await table.getByRole('textbox', { name: 'Attribute name' }).fill('Region');
  await table.getByRole('combobox', { name: 'Type' }).selectOption('Category');
  await table.getByRole('textbox', { name: 'Values (separated by commas)' }).fill('North, South');
  await table.getByRole('button', { name: 'Define attribute' }).click();
  await table.getByRole('combobox', { name: 'Region of field-notes' }).selectOption('North');
  await table.getByRole('combobox', { name: 'Region of report' }).selectOption('South');
  await expect(table.getByRole('combobox', { name: 'Region of field-notes' })).toHaveValue('North');
  await table.getByRole('button', { name: 'Close', exact: true }).click();
  await documents(page).getByRole('combobox', { name: 'Attribute' }).selectOption('Region');
  await documents(page).getByRole('combobox', { name: 'Value' }).selectOption('North');
  await expect(documents(page).getByRole('link')).toHaveCount(1);
  await expect(documents(page).getByRole('link', { name: 'field-notes', exact: true })).toBeVisible();
  await documents(page).getByRole('combobox', { name: 'Attribute' }).selectOption('No filter');

  // The CSV: offsets slice each converted text to its quote; the PDF row has its page; Region is a column.
  const file = await exportAs(page, 'Annotated CSV (one row per coding)');
  const [header, ...rows] = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
  const col = (name: string) => header!.indexOf(name);
  expect(col('page')).toBeGreaterThan(-1);
  const texts = new Map(await Promise.all(chosen.map(async (f) => [f.name.replace(/\.\w+$/, ''), (await convertDocument(f.name, new Uint8Array(f.buffer))).text] as const)));
  const byTitle = new Map(rows.map((r) => [r[col('document_title')]!, r]));
  for (const [title, passage] of [['field-notes', TXT_PASSAGE], ['minutes', DOCX_PASSAGE], ['report', PDF_PASSAGE]] as const) {
    const row = byTitle.get(title)!;
    expect(row[col('quote')]).toBe(passage);
    const chars = Array.from(texts.get(title)!);
    expect(chars.slice(Number(row[col('start')]), Number(row[col('end')])).join('')).toBe(passage);
  }
  expect(byTitle.get('report')![col('page')]).toBe('2');
  expect(byTitle.get('minutes')![col('page')]).toBe('');
  expect(byTitle.get('field-notes')![col('attr_Region')]).toBe('North');
  expect(byTitle.get('report')![col('attr_Region')]).toBe('South');
  await page.keyboard.press('Escape');

  // Remove a document (asked first), then Undo brings it back with its coding.
  await documents(page).getByRole('button', { name: 'Attributes…' }).click();
  await table.getByRole('button', { name: 'Remove report' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove document' });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await table.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(documents(page).getByRole('link', { name: 'report', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(documents(page).getByRole('link', { name: 'report', exact: true })).toHaveAccessibleDescription(/1 coded/);
});
