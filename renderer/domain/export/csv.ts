/**
 * Annotated CSV export (RFC 4180: CRLF between records, fields quoted by papaparse when they
 * hold a comma, quote, CR or LF). Offsets are Unicode code points, end exclusive, so that
 * Python's text[start:end] and R's substr(text, start + 1, end) give back the quote.
 */
import Papa from 'papaparse';
import { buildCsvTable, type Cell, type CsvOptions } from './csvTable';
import type { ProjectData } from './projectData';

export { EXCEL_SAFE_COLUMNS, LONG_COLUMNS, SEGMENT_COLUMNS, excelSafeCell } from './csvTable';
export type { CsvOptions, CsvShape } from './csvTable';

const BOM = '\uFEFF';
const NEWLINE = '\r\n';

function unparse(rows: Cell[][]): string {
  return Papa.unparse(rows, { newline: NEWLINE, delimiter: ',', quoteChar: '"', escapeChar: '"', quotes: false });
}

export function toCsv(data: ProjectData, options: CsvOptions = {}): string {
  const table = buildCsvTable(data, options);
  const rows: Cell[][] = new Array(table.rowCount + 1);
  rows[0] = table.header;
  for (let i = 0; i < table.rowCount; i++) rows[i + 1] = table.row(i);
  return ((options.bom ?? true) ? BOM : '') + unparse(rows);
}

export type CsvProgress = (rowsDone: number, rowsTotal: number) => void;

/** Lets the browser paint and handle input between chunks (no Node API needed). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The same CSV as toCsv, in pieces: the concatenation of the yielded strings equals
 * toCsv(data, options). Yields to the event loop after every chunk so a UI stays responsive
 * and can show onProgress.
 */
export async function* toCsvChunks(
  data: ProjectData,
  options: CsvOptions = {},
  onProgress?: CsvProgress,
  rowsPerChunk = 5000,
): AsyncGenerator<string, void, undefined> {
  const table = buildCsvTable(data, options);
  const size = Math.max(1, Math.floor(rowsPerChunk));
  let first = true;
  let done = 0;
  onProgress?.(0, table.rowCount);
  do {
    const end = Math.min(table.rowCount, done + size);
    const rows: Cell[][] = first ? [table.header] : [];
    for (let i = done; i < end; i++) rows.push(table.row(i));
    const prefix = first ? ((options.bom ?? true) ? BOM : '') : NEWLINE;
    yield prefix + unparse(rows);
    first = false;
    done = end;
    onProgress?.(done, table.rowCount);
    if (done < table.rowCount) await yieldToEventLoop();
  } while (done < table.rowCount);
}
