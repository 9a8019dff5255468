/** The data behind each chart, from the answers (pure, shared by the Charts view and the report). */
import { NO_VALUE } from '../../domain/analysis/attributes';
import { flattenTree } from '../../domain/codeTree';
import type { FrequencyAnswer, MatrixAnswer } from '../../domain/analysis/requests';
import type { Code } from '../../domain/model';
import type { BarDatum, HeatDatum, TimelineDatum } from './charts';
import type { Grid } from './matrixGrid';
import type { CsvCell } from './tableCsv';

export type BarMeasure = 'codings' | 'segments' | 'documentsWith' | 'chars';
export const BAR_MEASURES: Record<BarMeasure, string> = { codings: 'Codings', segments: 'Segments', documentsWith: 'Documents', chars: 'Characters coded' };

/** One bar per code with a non-zero value (paths disambiguate codes of the same name). */
export function frequencyBars(answer: FrequencyAnswer, codes: readonly Code[], measure: BarMeasure, withSubcodes: boolean, topLevelOnly: boolean): BarDatum[] {
  const at = new Map(answer.codes.map((id, i) => [id, i]));
  const k = answer.codes.length;
  return flattenTree(codes)
    .filter(({ code, depth }) => at.has(code.id) && (!topLevelOnly || depth === 0))
    .map(({ code }) => ({ label: code.name, value: answer[measure][(withSubcodes ? k : 0) + at.get(code.id)!]! }))
    .filter((d) => d.value > 0);
}

export const barTable = (data: readonly BarDatum[], valueLabel: string) => ({
  header: ['Code', valueLabel],
  rows: data.map((d): CsvCell[] => [d.label, d.value]),
});

/** Cells of a grid's first `columns` columns, for a heat map. */
export function heatData(grid: Grid, columns: number): { data: HeatDatum[]; rows: string[]; columns: string[] } {
  const shown = grid.columns.slice(0, columns);
  // Labels must be unique on an axis: a repeated name gets its path.
  const label = (h: Grid['rows'][number], all: Grid['rows']) => (all.filter((x) => x.label === h.label).length > 1 ? h.title : h.label);
  const rows = grid.rows.map((r) => label(r, grid.rows));
  const cols = shown.map((c) => label(c, shown));
  const data = grid.rows.flatMap((_, i) => shown.map((_, j) => ({ row: rows[i]!, column: cols[j]!, value: grid.cells[i]![j]! })));
  return { data, rows, columns: cols };
}

export const heatTable = (grid: Grid, columns: number) => ({
  header: ['', ...grid.columns.slice(0, columns).map((c) => c.title)],
  rows: grid.rows.map((r, i): CsvCell[] => [r.title, ...grid.cells[i]!.slice(0, columns)]),
});

/**
 * Codes over time from a code × year (or month) answer: top-level codes with their sub-codes,
 * or the chosen codes; undated documents are left out (and counted).
 */
export function timelineData(answer: MatrixAnswer, codes: readonly Code[], chosen: readonly string[]): { data: TimelineDatum[]; undated: boolean } {
  const at = new Map(answer.codes.map((id, i) => [id, i]));
  const k = answer.codes.length;
  const c = answer.columns.length;
  const shown = chosen.length ? codes.filter((x) => chosen.includes(x.id)) : codes.filter((x) => x.parentId === null);
  const data: TimelineDatum[] = [];
  for (const code of shown) {
    const row = at.get(code.id);
    if (row === undefined) continue;
    answer.columns.forEach((period, j) => {
      if (period !== NO_VALUE) data.push({ code: code.name, period, value: answer.values[(k + row) * c + j]! });
    });
  }
  const undatedColumn = answer.columns.indexOf(NO_VALUE);
  return { data, undated: undatedColumn >= 0 };
}

export function timelineTable(data: readonly TimelineDatum[]) {
  const periods = [...new Set(data.map((d) => d.period))].sort();
  const codes = [...new Set(data.map((d) => d.code))];
  return {
    header: ['Code', ...periods],
    rows: codes.map((code): CsvCell[] => [code, ...periods.map((p) => data.find((d) => d.code === code && d.period === p)?.value ?? 0)]),
  };
}
