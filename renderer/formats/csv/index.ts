/** The annotated CSV in its two shapes: one row per coding (long) and one row per segment (wide). */
import type { ExportDefinition, ExportOptions, FormatDefinition, ProducedExport } from '../format';
import { ExportCancelled } from '../format';
import type { ProjectData } from '../projectData';
import { csvChunks } from './csv';
import { buildCsvTable, type CsvShape } from './csvTable';

/** Written in chunks: progress, cancellation and a responsive window at 100,000 segments. */
async function writeCsv(shape: CsvShape, data: ProjectData, options: ExportOptions): Promise<ProducedExport> {
  const table = buildCsvTable(data, { ...options.csv, shape });
  const parts: string[] = [];
  for await (const chunk of csvChunks(table, options.csv?.bom ?? true, options.onProgress)) {
    if (options.cancelled?.()) throw new ExportCancelled('Export cancelled.');
    parts.push(chunk);
  }
  return { content: parts.join(''), encoding: 'utf8', rows: table.rowCount, unplaced: table.unplaced };
}

const csvExport = (shape: CsvShape, hint: string, fileSuffix: string): ExportDefinition => ({
  hint,
  fileSuffix,
  texts: 'coded',
  options: 'csv',
  write: (data, options) => writeCsv(shape, data, options),
});

export const csvLong: FormatDefinition = {
  id: 'csv-long',
  label: 'Annotated CSV (one row per coding)',
  extensions: ['csv'],
  mimeType: 'text/csv',
  export: csvExport(
    'long',
    'One row per coding: a passage with two codes, or one code from two coders, gives two rows. Offsets are Unicode code points, end exclusive.',
    '.csv',
  ),
};

export const csvWide: FormatDefinition = {
  id: 'csv-wide',
  label: 'CSV, one row per segment (0/1 code columns)',
  extensions: ['csv'],
  mimeType: 'text/csv',
  export: csvExport('wide', 'One row per segment and one column per code, 1 when any coding of the segment has that code.', '-segments.csv'),
};
