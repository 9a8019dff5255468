/**
 * The report's inter-coder agreement: for each compared pair of coders, the agreement view's
 * table by code and its overall row. The figures are the rows the agreement CSV writes
 * (domain/agreement/agreementTable.ts), written as the agreement view writes them (figureText.ts):
 * percentage agreement and Cohen's κ with every character a unit, segment agreement, Brennan &
 * Prediger's κ and Krippendorff's binary α, and the note that says why a figure is undefined.
 */
import { plural } from '../../../../common/plural';
import { AGREEMENT_COLUMNS, agreementRows, type AgreementCell } from '../../../domain/agreement/agreementTable';
import type { AgreementResult } from '../../../domain/agreement/computeAgreement';
import { coefficientText, countText, percentText } from '../../../domain/agreement/figureText';
import { attributeById, attributeValue, type AttributeSource } from '../../../domain/analysis/attributes';
import type { Restriction } from '../../../domain/analysis/input';
import type { CsvCell } from '../tableCsv';

/** Which coders the section compares: the two chosen, or every pair of the project's coders. */
export interface AgreementChoice {
  pairs: 'two' | 'every';
  pair: readonly [string, string];
}

/** Segments of two coders match when they overlap by this share (the agreement view's default). */
export const REPORT_OVERLAP = 0.9;

/** One comparison, as the agreement job returns it. */
export interface ComparedPair {
  result: AgreementResult;
  /** Compared documents: those both coders coded, among those the report counts. */
  documents: number;
  /** Codings of the two coders whose passage is no longer in the text (left out). */
  unplaced: number;
}

export type ComparePair = (pair: readonly [string, string], codeIds: readonly string[]) => Promise<ComparedPair>;

export interface ReportAgreement {
  coderA: string;
  coderB: string;
  /** What was compared, in a sentence. */
  scope: string;
  header: string[];
  /** One row per code, then the overall row. */
  rows: CsvCell[][];
  /** cu-α over the compared codes, in a sentence. */
  cuAlpha: string;
}

export const AGREEMENT_EXPLANATION =
  'Percentage agreement and Cohen’s κ take every character of the compared documents as a unit, coded or not by each coder; ' +
  `segments match when the other coder has the code on a span overlapping them by at least ${REPORT_OVERLAP * 100}% (Brennan & Prediger’s κ corrects their agreement for chance); ` +
  'α is Krippendorff’s alpha over the two coders with each character coded or not with the code. An undefined figure is written as such, with the reason in the note.';

/** The pairs compared: the chosen two, or every pair of the coders in their order. */
export function pairsOf(choice: AgreementChoice, coders: readonly string[]): Array<[string, string]> {
  if (choice.pairs === 'two') return choice.pair[0] && choice.pair[1] && choice.pair[0] !== choice.pair[1] ? [[choice.pair[0], choice.pair[1]]] : [];
  return coders.flatMap((a, i) => coders.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** The listed documents the report's restriction keeps (by id and attribute values), as analysis keeps them. */
export function documentsKept<T extends AttributeSource & { id: string }>(documents: readonly T[], restriction: Restriction): T[] {
  const ids = restriction.documents ? new Set(restriction.documents) : null;
  const attributes = Object.entries(restriction.attributes ?? {}).map(([id, values]) => ({ attribute: attributeById(documents, id), values: new Set(values) }));
  return documents.filter((d) => (!ids || ids.has(d.id)) && attributes.every(({ attribute, values }) => !attribute || values.has(attributeValue(attribute, d))));
}

const column = (name: (typeof AGREEMENT_COLUMNS)[number]) => AGREEMENT_COLUMNS.indexOf(name);
const numberAt = (row: readonly AgreementCell[], name: (typeof AGREEMENT_COLUMNS)[number]) => row[column(name)] as number | null;

/** The section for one pair: the table rows of code and overall level, as the view shows them. */
export function agreementSection(pair: readonly [string, string], compared: ComparedPair, codePath: (codeId: string) => string): ReportAgreement {
  const [coderA, coderB] = pair;
  const { result } = compared;
  const rows = agreementRows(result, { coderA, coderB, codePath, documentTitle: (id) => id });
  const byLevel = (level: string) => rows.filter((r) => r[column('level')] === level);
  const cells = (row: readonly AgreementCell[], name: string): CsvCell[] => [
    name,
    countText(numberAt(row, 'both')!),
    countText(numberAt(row, 'only_a')!),
    countText(numberAt(row, 'only_b')!),
    countText(numberAt(row, 'neither')!),
    percentText(numberAt(row, 'percent_agreement')),
    coefficientText(numberAt(row, 'kappa')),
    `${numberAt(row, 'matched_a')}/${numberAt(row, 'segments_a')} · ${numberAt(row, 'matched_b')}/${numberAt(row, 'segments_b')}`,
    percentText(numberAt(row, 'segment_percent')),
    coefficientText(numberAt(row, 'kappa_brennan_prediger')),
    coefficientText(numberAt(row, 'alpha_binary')),
    String(row[column('note')] ?? ''),
  ];
  const o = result.overall;
  const codes = result.codeIds.length;
  return {
    coderA,
    coderB,
    scope:
      `${coderA} (A) and ${coderB} (B): ${compared.documents} document${compared.documents === 1 ? '' : 's'} both coded, ` +
      `${countText(result.characters)} characters, ${codes} code${codes === 1 ? '' : 's'}; segments match at ${REPORT_OVERLAP * 100}% overlap.` +
      (compared.unplaced > 0 ? ` ${plural(compared.unplaced, 'coding whose passage is no longer in the text was', 'codings whose passage is no longer in the text were')} left out.` : ''),
    header: [
      'Code',
      'Both',
      `Only ${coderA}`,
      `Only ${coderB}`,
      'Neither',
      'Agreement',
      'Cohen’s κ',
      `Segments matched (${coderA} · ${coderB})`,
      'Segment agreement',
      'Brennan & Prediger κ',
      'Krippendorff’s α (binary)',
      'Note',
    ],
    rows: [...byLevel('code').map((r) => cells(r, String(r[column('code_path')]))), ...byLevel('overall').map((r) => cells(r, 'All compared codes'))],
    cuAlpha:
      `cu-α (the coding of the stretches the coders identified, Krippendorff et al. 2016): ${coefficientText(o.cuAlpha)}, over ${countText(o.cuPairable)} pairable values` +
      (o.ambiguous > 0 ? `; ${countText(o.ambiguous)} ${o.ambiguous === 1 ? 'character' : 'characters'} left out where one coder put several compared codes.` : '.'),
  };
}

/** Every chosen pair compared in turn (each comparison runs off the main thread). */
export async function agreementSections(
  choice: AgreementChoice,
  coders: readonly string[],
  codeIds: readonly string[],
  compare: ComparePair,
  codePath: (codeId: string) => string,
): Promise<ReportAgreement[]> {
  const sections: ReportAgreement[] = [];
  for (const pair of pairsOf(choice, coders)) sections.push(agreementSection(pair, await compare(pair, codeIds), codePath));
  return sections;
}
