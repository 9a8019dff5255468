/**
 * A matrix answer shaped for a table and a heat map: code rows (tree order, optionally cut at a
 * depth with the cut codes rolled up), columns (documents, attribute values or codes), filtered,
 * sorted and possibly transposed. Pure, so the shaping is tested without a browser.
 */
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import type { CooccurrenceAnswer, MatrixAnswer } from '../../domain/analysis/requests';

/** What a cell counts, for listing the segments behind it. */
export type CellRef =
  | { kind: 'document'; codeId: string; withSubcodes: boolean; documentId: string }
  | { kind: 'attribute'; codeId: string; withSubcodes: boolean; attribute: string; value: string }
  | { kind: 'pair'; codeId: string; otherId: string; withSubcodes: boolean };

export interface Header {
  key: string;
  label: string;
  /** Full name (a code path, a document title). */
  title: string;
  /** Indentation of a code row. */
  depth: number;
}

export interface Grid {
  rows: Header[];
  columns: Header[];
  /** [row][column] */
  cells: number[][];
  /** What a cell counts (made when asked: a wide matrix has tens of thousands of cells). */
  ref: (row: number, column: number) => CellRef;
  /** Largest cell (off the diagonal of a code × code table), for heat colours. */
  max: number;
}

export type SortOrder = 'tree' | 'name' | 'total';

export interface GridOptions {
  withSubcodes: boolean;
  /** Show codes down to this depth (0: top-level only), the deepest shown rolled up; null shows all. */
  depth: number | null;
  rowFilter: string;
  columnFilter: string;
  rowOrder: SortOrder;
  columnOrder: SortOrder;
  transpose: boolean;
  /** Co-occurrence: counts, or the Jaccard index. */
  jaccard: boolean;
}

export const DEFAULT_GRID: GridOptions = {
  withSubcodes: false,
  depth: null,
  rowFilter: '',
  columnFilter: '',
  rowOrder: 'tree',
  columnOrder: 'tree',
  transpose: false,
  jaccard: false,
};

interface CodeRow {
  code: Code;
  index: number;
  depth: number;
  /** Rolled up: its own setting, or forced because the codes below it are cut. */
  withSubcodes: boolean;
}

function codeRows(codes: readonly Code[], order: readonly string[], options: GridOptions): CodeRow[] {
  const at = new Map(order.map((id, i) => [id, i]));
  return flattenTree(codes)
    .filter(({ code, depth }) => at.has(code.id) && (options.depth === null || depth <= options.depth))
    .map(({ code, depth }) => ({ code, index: at.get(code.id)!, depth, withSubcodes: options.withSubcodes || depth === options.depth }));
}

const codeHeader = (byId: ReadonlyMap<string, Code>, r: CodeRow): Header => ({ key: r.code.id, label: r.code.name, title: codePath(byId, r.code.id), depth: r.depth });

/** Code × document or code × attribute value. `columnLabel` names a column (a document's title, "(none)"). */
export function matrixGrid(
  answer: MatrixAnswer,
  codes: readonly Code[],
  options: GridOptions,
  columnLabel: (key: string) => string,
  attribute?: string,
): Grid {
  const byId = codesById(codes);
  const rows = codeRows(codes, answer.codes, options);
  const k = answer.codes.length;
  const c = answer.columns.length;
  const cells = rows.map((r) => answer.columns.map((_, j) => answer.values[((r.withSubcodes ? k : 0) + r.index) * c + j]!));
  const ref = (i: number, j: number): CellRef => {
    const r = rows[i]!;
    const column = answer.columns[j]!;
    return answer.kind === 'codeByDocument'
      ? { kind: 'document', codeId: r.code.id, withSubcodes: r.withSubcodes, documentId: column }
      : { kind: 'attribute', codeId: r.code.id, withSubcodes: r.withSubcodes, attribute: attribute ?? '', value: column };
  };
  const columns = answer.columns.map((key) => ({ key, label: columnLabel(key), title: columnLabel(key), depth: 0 }));
  return arrange({ rows: rows.map((r) => codeHeader(byId, r)), columns, cells, ref, max: 0 }, options, false);
}

/**
 * Code × code: co-occurrences (pairs of segments that co-occur, a segment carrying both codes
 * being one), or the Jaccard index of the segments taking part. One level for the whole table.
 */
export function cooccurrenceGrid(answer: CooccurrenceAnswer, codes: readonly Code[], options: GridOptions): Grid {
  const byId = codesById(codes);
  const rows = codeRows(codes, answer.codes, options);
  const k = answer.codes.length;
  const level = options.withSubcodes || options.depth !== null ? 1 : 0;
  const value = (a: number, b: number) => {
    const at = level * k * k + a * k + b;
    if (!options.jaccard) return answer.pairs[at]!;
    const union = answer.segments[level * k + a]! + answer.segments[level * k + b]! - answer.same[at]!;
    return union > 0 ? Math.round((answer.involved[at]! / union) * 1000) / 1000 : 0;
  };
  const cells = rows.map((r) => rows.map((c) => value(r.index, c.index)));
  const ref = (i: number, j: number): CellRef => ({ kind: 'pair', codeId: rows[i]!.code.id, otherId: rows[j]!.code.id, withSubcodes: level === 1 });
  const headers = rows.map((r) => codeHeader(byId, r));
  return arrange({ rows: headers, columns: headers, cells, ref, max: 0 }, options, true);
}

/** Characters a column header shows (about three lines of its width); the full name is its title and accessible name. */
export const HEADER_CHARS = 40;

/** A column header as shown: the whole name, or its first words with "…" — never cut inside a word. */
export function shortHeader(name: string, max = HEADER_CHARS): string {
  if (name.length <= max) return name;
  const cut = name.lastIndexOf(' ', max - 1);
  const kept = (cut > 0 ? name.slice(0, cut) : name.slice(0, max - 1)).replace(/[\s,;:.–—-]+$/u, '');
  return `${kept}…`;
}

const matches = (h: Header, filter: string) => !filter.trim() || h.title.toLowerCase().includes(filter.trim().toLowerCase());

function order(indices: number[], headers: Header[], totals: number[], how: SortOrder): number[] {
  if (how === 'name') return [...indices].sort((a, b) => headers[a]!.label.localeCompare(headers[b]!.label));
  if (how === 'total') return [...indices].sort((a, b) => totals[b]! - totals[a]! || a - b);
  return indices;
}

/** Transposes, then filters and sorts rows and columns; computes the heat maximum. */
function arrange(grid: Grid, options: GridOptions, square: boolean): Grid {
  let { rows, columns, cells, ref } = grid;
  if (options.transpose) {
    [rows, columns] = [columns, rows];
    cells = rows.map((_, i) => columns.map((_, j) => grid.cells[j]![i]!));
    ref = (i, j) => grid.ref(j, i);
  }
  const shownRows = rows.flatMap((h, i) => (matches(h, options.rowFilter) ? [i] : []));
  const shownColumns = columns.flatMap((h, j) => (matches(h, options.columnFilter) ? [j] : []));
  // Totals over what is shown, so "largest first" sorts by the numbers on screen.
  const rowTotals = options.rowOrder === 'total' ? cells.map((row) => shownColumns.reduce((a, j) => a + row[j]!, 0)) : [];
  const columnTotals = options.columnOrder === 'total' ? columns.map((_, j) => shownRows.reduce((a, i) => a + cells[i]![j]!, 0)) : [];
  const keptRows = order(shownRows, rows, rowTotals, options.rowOrder);
  const keptColumns = order(shownColumns, columns, columnTotals, options.columnOrder);
  const unchanged = (kept: number[], length: number) => kept.length === length && kept.every((v, i) => v === i);
  // As they are (the usual case, refreshed after every coding): no copy of the cells.
  const same = unchanged(keptRows, rows.length) && unchanged(keptColumns, columns.length);
  const out: Grid = {
    rows: keptRows.map((i) => rows[i]!),
    columns: keptColumns.map((j) => columns[j]!),
    cells: same ? cells : keptRows.map((i) => keptColumns.map((j) => cells[i]![j]!)),
    ref: (i, j) => ref(keptRows[i]!, keptColumns[j]!),
    max: 0,
  };
  for (let i = 0; i < out.rows.length; i++) {
    const row = out.cells[i]!;
    for (let j = 0; j < row.length; j++) {
      // A code with itself is its own count, not a co-occurrence.
      if (row[j]! > out.max && !(square && out.rows[i]!.key === out.columns[j]!.key)) out.max = row[j]!;
    }
  }
  return out;
}
