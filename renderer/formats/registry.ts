/**
 * Every exchange format, in the order the Export and Import dialogs offer them: the dialogs
 * and the export job are generated from this list. Adding a format is one folder (exporting
 * its FormatDefinition, see format.ts) and one line here.
 */
import { backup } from './backup';
import { projectFolder } from './projectFolder';
import { csvLong, csvWide } from './csv';
import type { DocumentDefinition, ExportDefinition, FormatDefinition, ImportDefinition } from './format';
import { qdc, qdpx } from './refiQda';
import { webAnnotations } from './webAnnotation';
import { txtDocument } from './txt';
import { mdDocument } from './md';
import { htmlDocument } from './html';
import { docxDocument } from './docx';
import { pdfDocument } from './pdf';
import { headOf } from './sniff';

export const FORMATS: readonly FormatDefinition[] = [
  csvLong,
  csvWide,
  backup,
  projectFolder,
  webAnnotations,
  qdpx,
  qdc,
  txtDocument,
  mdDocument,
  htmlDocument,
  docxDocument,
  pdfDocument,
];

export type ExportFormat = FormatDefinition & { export: ExportDefinition };
export type ImportFormat = FormatDefinition & { import: ImportDefinition };
export type DocumentFormat = FormatDefinition & { document: DocumentDefinition };

export const EXPORT_FORMATS: readonly ExportFormat[] = FORMATS.filter((f): f is ExportFormat => f.export !== undefined);
export const IMPORT_FORMATS: readonly ImportFormat[] = FORMATS.filter((f): f is ImportFormat => f.import !== undefined);
/** The formats a file can be added from as a document (Add documents, drop onto the Documents list). */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = FORMATS.filter((f): f is DocumentFormat => f.document !== undefined);
export const DOCUMENT_FILE_EXTENSIONS: readonly string[] = DOCUMENT_FORMATS.flatMap((f) => f.extensions);

function byId<T extends FormatDefinition>(formats: readonly T[], id: string, what: string): T {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`No ${what} format "${id}".`);
  return format;
}

/** The format a file's first bytes say it is (its content, not its name), or null when none recognises it. */
export function recognisedFormat(bytes: Uint8Array): FormatDefinition | null {
  const head = headOf(bytes);
  return FORMATS.find((f) => f.looksLike?.(head)) ?? null;
}

export const exportFormat = (id: string): ExportFormat => byId(EXPORT_FORMATS, id, 'export');
export const importFormat = (id: string): ImportFormat => byId(IMPORT_FORMATS, id, 'import');

/** The local calendar date as YYYY-MM-DD (what the analyst sees on their clock). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** e.g. marginalia-coding-2024-05-01.csv, marginalia-coding-2024-05-01-project.json. */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `marginalia-coding-${localDate(now)}${format.export.fileSuffix}`;
}
