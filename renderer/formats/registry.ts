/**
 * The export and import formats the dialogs offer: labels (an accessibility contract: tests
 * and users find them by name), file names and MIME types.
 */

export type ExportFormat = 'csv-long' | 'csv-wide' | 'backup' | 'annotations' | 'qdpx' | 'qdc';
export type ImportFormat = 'backup' | 'qdpx' | 'qdc';

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  hint: string;
  /** Appended to "marginalia-coding-YYYY-MM-DD". */
  suffix: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  {
    id: 'csv-long',
    label: 'Annotated CSV (one row per code)',
    hint: 'A segment with two codes gives two rows. Offsets are Unicode code points, end exclusive.',
    suffix: '.csv',
    mimeType: 'text/csv',
    encoding: 'utf8',
  },
  {
    id: 'csv-wide',
    label: 'CSV, one row per segment (0/1 code columns)',
    hint: 'One row per segment and one column per code, 1 when the segment has that code.',
    suffix: '-segments.csv',
    mimeType: 'text/csv',
    encoding: 'utf8',
  },
  {
    id: 'backup',
    label: 'Project backup (JSON)',
    hint: 'Everything you coded, to restore later or on another computer.',
    suffix: '-project.json',
    mimeType: 'application/json',
    encoding: 'utf8',
  },
  {
    id: 'annotations',
    label: 'W3C Web Annotations (JSON-LD)',
    hint: 'One annotation per segment, codes as tags, for annotation tools and linked data.',
    suffix: '-annotations.jsonld',
    mimeType: 'application/ld+json',
    encoding: 'utf8',
  },
  {
    id: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    hint: 'Documents, codes, segments and memos for ATLAS.ti, MAXQDA, NVivo, QDA Miner …',
    suffix: '.qdpx',
    mimeType: 'application/zip',
    encoding: 'base64',
  },
  {
    id: 'qdc',
    label: 'REFI-QDA codebook (.qdc)',
    hint: 'The codebook only: names, hierarchy, colours and descriptions.',
    suffix: '.qdc',
    mimeType: 'application/xml',
    encoding: 'utf8',
  },
];

export interface ImportFormatInfo {
  id: ImportFormat;
  label: string;
  hint: string;
  extensions: string[];
}

export const IMPORT_FORMATS: readonly ImportFormatInfo[] = [
  {
    id: 'backup',
    label: 'Project backup (JSON)',
    hint: 'A backup made with Export: replace this project with it, or merge it in.',
    extensions: ['json'],
  },
  {
    id: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    hint: 'Adds its text documents, codes (matched by name), segments and memos.',
    extensions: ['qdpx'],
  },
  {
    id: 'qdc',
    label: 'REFI-QDA codebook (.qdc)',
    hint: 'Adds its codes; names that already exist are skipped.',
    extensions: ['qdc'],
  },
];

export const exportFormat = (id: ExportFormat): ExportFormatInfo => EXPORT_FORMATS.find((f) => f.id === id)!;
export const importFormat = (id: ImportFormat): ImportFormatInfo => IMPORT_FORMATS.find((f) => f.id === id)!;

/** The local calendar date as YYYY-MM-DD (what the analyst sees on their clock). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** e.g. marginalia-coding-2024-05-01.csv, marginalia-coding-2024-05-01-project.json. */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `marginalia-coding-${localDate(now)}${exportFormat(format).suffix}`;
}
