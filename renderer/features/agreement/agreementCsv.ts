/**
 * The agreement tables as one CSV (RFC 4180, UTF-8 with a BOM, Excel-safe free text): the
 * overall row, one row per code and one per code and document, each with the counts behind its
 * figures. An undefined figure is an empty cell, never 0 or NaN, and the note column says why.
 */
import type { AgreementResult } from '../../domain/agreement/computeAgreement';
import { documentRows, type PairFigures } from '../../domain/agreement/resultColumns';
import { binaryPairable } from '../../domain/agreement/unitized';
import { csvChunks } from '../../formats/csv/csv';
import type { CsvTable } from '../../formats/csv/csvTable';
import { excelSafeCell, type Cell } from '../../formats/csv/csvColumns';

export const AGREEMENT_COLUMNS = [
  'level',
  'code_path',
  'document_id',
  'document_title',
  'coder_a',
  'coder_b',
  'characters',
  'both',
  'only_a',
  'only_b',
  'neither',
  'percent_agreement',
  'kappa',
  'segments_a',
  'segments_b',
  'matched_a',
  'matched_b',
  'segment_percent',
  'kappa_brennan_prediger',
  'alpha_binary',
  'alpha_pairable_values',
  'cu_alpha',
  'note',
] as const;

export interface AgreementNames {
  coderA: string;
  coderB: string;
  codePath: (codeId: string) => string;
  documentTitle: (documentId: string) => string;
}

/** A figure rounded for the file; null (undefined) is an empty cell. */
const figure = (v: number | null): Cell => (v === null ? '' : Number(v.toFixed(6)));

function pairCells(f: PairFigures): Cell[] {
  const t = f.characters;
  return [
    t.both + t.onlyA + t.onlyB + t.neither,
    t.both,
    t.onlyA,
    t.onlyB,
    t.neither,
    figure(f.percent),
    figure(f.kappa),
    f.segments.segmentsA,
    f.segments.segmentsB,
    f.segments.matchedA,
    f.segments.matchedB,
    figure(f.segmentPercent),
  ];
}

function notes(...parts: (string | null | false)[]): string {
  return parts.filter(Boolean).join('; ');
}

export function agreementRows(result: AgreementResult, names: AgreementNames): Cell[][] {
  const text = (v: string) => excelSafeCell(v);
  const coders = [text(names.coderA), text(names.coderB)];
  const kappaNote = (f: PairFigures) => f.kappaNote !== null && `kappa undefined: ${f.kappaNote}`;
  const o = result.overall;
  const rows: Cell[][] = [
    [
      'overall',
      '',
      '',
      '',
      ...coders,
      ...pairCells(o),
      figure(o.kappaBP),
      figure(o.alpha),
      figure(binaryPairable(o.binary)),
      figure(o.cuAlpha),
      notes(kappaNote(o), o.ambiguous > 0 && `cu-alpha left out ${o.ambiguous} character(s) where one coder put several compared codes`),
    ],
  ];
  for (const c of result.byCode) {
    rows.push([
      'code',
      text(names.codePath(c.codeId)),
      '',
      '',
      ...coders,
      ...pairCells(c),
      figure(c.kappaBP),
      figure(c.alpha),
      figure(binaryPairable(c.binary)),
      '',
      notes(kappaNote(c), c.alpha === null && 'alpha undefined: no variation'),
    ]);
  }
  for (const d of documentRows(result, [names.coderA, names.coderB])) {
    rows.push([
      'document',
      text(names.codePath(d.codeId)),
      text(d.documentId),
      text(names.documentTitle(d.documentId)),
      ...coders,
      ...pairCells(d),
      '',
      '',
      '',
      '',
      notes(kappaNote(d)),
    ]);
  }
  return rows;
}

export async function agreementCsv(result: AgreementResult, names: AgreementNames): Promise<string> {
  const rows = agreementRows(result, names);
  const table: CsvTable = { header: [...AGREEMENT_COLUMNS], rowCount: rows.length, row: (i) => rows[i]!, unplaced: 0 };
  let out = '';
  for await (const chunk of csvChunks(table)) out += chunk;
  return out;
}
