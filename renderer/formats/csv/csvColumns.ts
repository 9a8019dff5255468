/**
 * The annotated CSV's columns (a contract with the analyst's scripts: docs/formats.md
 * lists them) and the one rule that may change a free-text cell, the Excel-safe prefix.
 */

export type Cell = string | number;

export const LONG_COLUMNS = [
  'segment_id',
  'document_id',
  'document_title',
  'document_date',
  'code',
  'code_path',
  'start',
  'end',
  'placement',
  'quote',
  'prefix',
  'suffix',
  'memo',
  'coder',
  'created_at',
  'updated_at',
] as const;

/** The wide shape's leading columns: the segment's, with the coders of its codings in one cell. */
export const SEGMENT_COLUMNS = [
  'segment_id',
  'document_id',
  'document_title',
  'document_date',
  'start',
  'end',
  'placement',
  'quote',
  'prefix',
  'suffix',
  'memo',
  'coders',
  'created_at',
  'updated_at',
] as const;

/** Between the names in the wide shape's coders cell. */
export const CODERS_SEPARATOR = '; ';

/**
 * The columns the Excel-safe prefix may change: every column whose content can come from outside
 * (a file imported from another tool, a corpus manifest, the analyst) — ids, titles, dates, codes,
 * texts, coders and timestamps; all but the offsets and the placement, which the export computes.
 * In the wide shape the code columns' *headers* (code paths) are affected too.
 */
export const EXCEL_SAFE_COLUMNS = [
  'segment_id',
  'document_id',
  'document_title',
  'document_date',
  'code',
  'code_path',
  'quote',
  'prefix',
  'suffix',
  'memo',
  'coder',
  'coders',
  'created_at',
  'updated_at',
] as const;

/** OWASP CSV injection defence: a leading apostrophe makes spreadsheets treat the cell as text. */
export function excelSafeCell(value: string): string {
  // = + - @ tab CR (the same starts as /^[=+\-@\t\r]/, without a regex per cell).
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}
