/**
 * Analysis tables as CSV (RFC 4180: CRLF between rows, fields quoted when they hold a comma,
 * quote, CR or LF; UTF-8 with a BOM so spreadsheets read accents). Free-text cells are made
 * Excel-safe like the export dialog's (a leading ' before = + - @), numbers are written as numbers.
 */
import { excelSafeCell } from '../../formats/csv/csvColumns';

export type CsvCell = string | number | null;

const field = (cell: CsvCell): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = excelSafeCell(cell);
  return /[,"\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
