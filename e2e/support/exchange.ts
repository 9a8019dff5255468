/** Driving the Export and Import dialogs: choose a format, save a download, feed a file chooser. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { codeOption, codingPopup } from './coding';
import { dragSelect } from './text';

export const FIRST = 'Small Group of the Global Coalition';
export const SECOND = 'Global Coalition to counter Islamic State';

export const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
export const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });

/**
 * Codes FIRST with FTF and SECOND with Stabilization (the coding popup's options), each stored
 * before the next step (what the analyst does while a coding is stored is while-storing.spec's).
 */
export async function codeTwoPassages(page: Page, second = 'Stabilization') {
  await dragSelect(page, FIRST, FIRST);
  await codeOption(page, 'FTF').click();
  await expect(codingPopup(page)).toBeHidden();
  await dragSelect(page, SECOND, SECOND);
  await codeOption(page, second).click();
  await expect(codingPopup(page)).toBeHidden();
}

export async function openExport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

export interface ExportedFile {
  name: string;
  path: string;
  text: string;
  bytes: Buffer;
  /** For a file chooser: the download under its suggested name (download.path() has none). */
  upload: { name: string; mimeType: string; buffer: Buffer };
}

/** Opens Export, picks the format, exports, and returns the download. The dialog stays open. */
export async function exportAs(page: Page, format: string): Promise<ExportedFile> {
  const dialog = await openExport(page);
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const path = await download.path();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Downloaded ${escape(download.suggestedFilename())}`));
  const bytes = readFileSync(path);
  const name = download.suggestedFilename();
  return { name, path, bytes, text: bytes.toString('utf8'), upload: { name, mimeType: 'application/octet-stream', buffer: bytes } };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type FileInput = string | { name: string; mimeType: string; buffer: Buffer };

/** Opens Import, picks the format, and gives the file chooser `file`. Returns the dialog. */
export async function importFile(page: Page, format: string, file: FileInput): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  const chooser = await choosing;
  await chooser.setFiles(file);
  return dialog;
}

/** The names of the codes shown in the codebook tree (open branches), in tree order. */
export async function codeNames(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Codebook' }).getByRole('tree', { name: 'Codes' }).getByRole('treeitem').evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') ?? ''),
  );
}
