/**
 * The agreement tables (domain/agreement/agreementTable.ts) as one CSV: RFC 4180, UTF-8 with a
 * BOM, free text Excel-safe. An undefined figure is an empty cell, never 0 or NaN; the note
 * column says why.
 */
import type { AgreementResult } from '../../domain/agreement/computeAgreement';
import { AGREEMENT_COLUMNS, agreementRows, type AgreementNames } from '../../domain/agreement/agreementTable';
import { csvChunks } from '../../formats/csv/csv';
import type { CsvTable } from '../../formats/csv/csvTable';
import { excelSafeCell, type Cell } from '../../formats/csv/csvColumns';

export async function agreementCsv(result: AgreementResult, names: AgreementNames): Promise<string> {
  const rows: Cell[][] = agreementRows(result, names).map((row) => row.map((v) => (v === null ? '' : typeof v === 'string' ? excelSafeCell(v) : v)));
  const table: CsvTable = { header: [...AGREEMENT_COLUMNS], rowCount: rows.length, row: (i) => rows[i]!, unplaced: 0 };
  let out = '';
  for await (const chunk of csvChunks(table)) out += chunk;
  return out;
}
