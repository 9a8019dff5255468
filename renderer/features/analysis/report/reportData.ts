/**
 * What a report holds, gathered from the analysis: the chosen codes with their descriptions and
 * passages (quote, document, memo), the frequency table, inter-coder agreement, the chosen charts
 * (drawn in the light theme, as SVG and PNG) and the memos (the project memo first). The HTML and
 * .docx writers only lay it out.
 */
import { codePath, codesById, flattenTree } from '../../../domain/codeTree';
import type { Code, DocumentMemo } from '../../../domain/model';
import type { SegmentTable } from '../../../domain/segmentTable';
import type { AnalysisService } from '../../../project/analysis/analysisService';
import type { Restriction } from '../../../domain/analysis/input';
import type { CooccurrenceAnswer, MatrixAnswer } from '../../../domain/analysis/requests';
import { barTable, frequencyBars, heatData, heatTable, timelineData, timelineTable } from '../chartData';
import { barChart, heatMap, pngBase64, svgText, THEME_COLOURS, timeline } from '../charts';
import { frequencyRows, FREQUENCY_HEADER } from '../frequencyTable';
import { matrixRequest, type MatrixChoice } from '../matrixChoice';
import type { Grid, GridOptions } from '../matrixGrid';
import { collectMemos, type MemoEntry } from '../memos';
import { agreementSections, type AgreementChoice, type ComparePair, type ReportAgreement } from './reportAgreement';
import type { CsvCell } from '../tableCsv';

export type ChartId = 'frequencies' | 'heatMap' | 'timeline';
export const CHART_LABELS: Record<ChartId, string> = { frequencies: 'Frequencies (bars)', heatMap: 'Heat map of the matrix', timeline: 'Codes over time' };

export interface ReportOptions {
  title: string;
  codeIds: readonly string[];
  withSubcodes: boolean;
  frequencyTable: boolean;
  charts: readonly ChartId[];
  /** Inter-coder agreement by code, for the chosen pair or every pair (null: left out). */
  agreement: AgreementChoice | null;
  memos: boolean;
}

export interface ReportChart {
  title: string;
  svg: string;
  /** Filled for the .docx (Word shows PNG everywhere). */
  png?: string;
  width: number;
  height: number;
  table: { header: string[]; rows: CsvCell[][] };
}

export interface ReportPassage {
  quote: string;
  document: string;
  memo: string;
}

export interface ReportData {
  title: string;
  created: string;
  /** What was counted (documents, coders). */
  scope: string;
  codes: Array<{ path: string; description: string; passages: ReportPassage[] }>;
  frequencies: { header: string[]; rows: CsvCell[][] } | null;
  agreement: ReportAgreement[];
  charts: ReportChart[];
  memos: MemoEntry[];
}

export interface ReportSources {
  service: AnalysisService;
  codes: readonly Code[];
  segments: SegmentTable;
  memos: readonly DocumentMemo[];
  titles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  restriction: Restriction;
  scope: string;
  matrix: MatrixChoice;
  grid: GridOptions;
  gridOf: (answer: MatrixAnswer | CooccurrenceAnswer) => Grid;
  matrixTitle: string;
  /** Coders with codings in the project (the pairs agreement may compare), and how a pair is compared. */
  coders: readonly string[];
  compare: ComparePair;
  /** What the project memo is about in the memo list. */
  projectName?: string;
}

async function chartOf(element: SVGSVGElement, title: string, table: ReportChart['table'], withPng: boolean): Promise<ReportChart> {
  return {
    title,
    svg: svgText(element),
    png: withPng ? await pngBase64(element, THEME_COLOURS.light.background) : undefined,
    width: Number(element.getAttribute('width')),
    height: Number(element.getAttribute('height')),
    table,
  };
}

export async function buildReport(options: ReportOptions, src: ReportSources, withPng: boolean): Promise<ReportData> {
  const byId = codesById(src.codes);
  const stored = new Map<string, Map<string, { quote: string; memo: string }>>();
  const segmentOf = (documentId: string, id: string) => {
    let inDocument = stored.get(documentId);
    if (!inDocument) stored.set(documentId, (inDocument = new Map(src.segments.inDocument(documentId).map((s) => [s.id, s]))));
    return inDocument.get(id);
  };
  const chosen = flattenTree(src.codes).filter(({ code }) => options.codeIds.includes(code.id));
  const codes = await Promise.all(
    chosen.map(async ({ code }) => {
      const answer = await src.service.ask({ kind: 'query', restriction: src.restriction, query: { op: 'code', codeId: code.id, withSubcodes: options.withSubcodes } });
      const passages = answer.hits.flatMap((h): ReportPassage[] => {
        const s = segmentOf(h.documentId, h.segmentId);
        return s ? [{ quote: s.quote, document: src.titles.get(h.documentId) ?? h.documentId, memo: s.memo }] : [];
      });
      return { path: codePath(byId, code.id), description: code.description, passages };
    }),
  );
  const needsFrequencies = options.frequencyTable || options.charts.includes('frequencies');
  const frequencies = needsFrequencies ? await src.service.ask({ kind: 'frequencies', restriction: src.restriction }) : null;
  const charts: ReportChart[] = [];
  const theme = 'light';
  if (frequencies && options.charts.includes('frequencies')) {
    const bars = frequencyBars(frequencies, src.codes, 'segments', false, false);
    const title = 'Segments per code';
    if (bars.length) charts.push(await chartOf(barChart(bars, { theme, label: title, valueLabel: 'Segments' }), title, barTable(bars, 'Segments'), withPng));
  }
  if (options.charts.includes('heatMap')) {
    const answer = await src.service.ask(matrixRequest(src.matrix, src.restriction));
    if (answer.kind === 'codeByDocument' || answer.kind === 'codeByAttribute' || answer.kind === 'cooccurrence') {
      const grid = src.gridOf(answer);
      const { data, rows, columns } = heatData(grid, 30);
      if (rows.length && columns.length) charts.push(await chartOf(heatMap(data, { theme, label: src.matrixTitle, rows, columns, max: grid.max }), src.matrixTitle, heatTable(grid, 30), withPng));
    }
  }
  if (options.charts.includes('timeline')) {
    const answer = (await src.service.ask({ kind: 'codeByAttribute', restriction: src.restriction, measure: 'segments', attribute: 'year' })) as MatrixAnswer;
    const line = timelineData(answer, src.codes, []);
    const title = 'Segments per year of the document date, top-level codes with their sub-codes';
    if (line.data.length) charts.push(await chartOf(timeline(line.data, { theme, label: title, valueLabel: 'Segments' }), title, timelineTable(line.data), withPng));
  }
  // Agreement over the codes chosen for the report, or every code when none is chosen.
  const agreementCodes = options.codeIds.length ? chosen.map(({ code }) => code.id) : flattenTree(src.codes).map(({ code }) => code.id);
  const agreement = options.agreement ? await agreementSections(options.agreement, src.coders, agreementCodes, src.compare, (id) => codePath(byId, id)) : [];
  return {
    title: options.title,
    created: new Date().toLocaleString(),
    scope: src.scope,
    codes,
    frequencies: frequencies && options.frequencyTable ? { header: FREQUENCY_HEADER, rows: frequencyRows(frequencies, src.codes, false).map((r) => r.cells) } : null,
    agreement,
    charts,
    memos: options.memos ? collectMemos(src.codes, src.memos, src.segments.all(), src.titles, src.documentOrder, src.projectName) : [],
  };
}
