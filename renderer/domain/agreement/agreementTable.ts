/**
 * The agreement tables as rows for any writer (the CSV export, a report): the overall row, one
 * row per code and one per code and document, each with the counts behind its figures. An
 * undefined figure is null (written as an empty cell, never 0 or NaN), and the note says why.
 */
import { binaryPairable } from './unitized';
import type { AgreementResult } from './computeAgreement';
import { documentRows, type PairFigures } from './resultColumns';

/** A cell: text, a count or a figure; null where a figure is undefined. */
export type AgreementCell = string | number | null;

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

/** A figure rounded to 6 decimals; undefined stays null. */
const figure = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(6)));

function pairCells(f: PairFigures): AgreementCell[] {
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

export function agreementRows(result: AgreementResult, names: AgreementNames): AgreementCell[][] {
  const coders = [names.coderA, names.coderB];
  const kappaNote = (f: PairFigures) => f.kappaNote !== null && `kappa undefined: ${f.kappaNote}`;
  const o = result.overall;
  const rows: AgreementCell[][] = [
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
      notes(kappaNote(o), o.ambiguous > 0 && `cu-alpha left out ${o.ambiguous} ${o.ambiguous === 1 ? 'character' : 'characters'} where one coder put several compared codes`),
    ],
  ];
  for (const c of result.byCode) {
    rows.push([
      'code',
      names.codePath(c.codeId),
      '',
      '',
      ...coders,
      ...pairCells(c),
      figure(c.kappaBP),
      figure(c.alpha),
      figure(binaryPairable(c.binary)),
      null,
      notes(kappaNote(c), c.alpha === null && 'alpha undefined: no variation'),
    ]);
  }
  for (const d of documentRows(result, [names.coderA, names.coderB])) {
    rows.push([
      'document',
      names.codePath(d.codeId),
      d.documentId,
      names.documentTitle(d.documentId),
      ...coders,
      ...pairCells(d),
      null,
      null,
      null,
      null,
      notes(kappaNote(d)),
    ]);
  }
  return rows;
}

