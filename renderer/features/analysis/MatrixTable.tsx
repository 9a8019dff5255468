/**
 * A matrix as a table with heat colours. One tab stop: the arrow keys (and Home/End) move
 * between cells, Enter or a click lists the passages behind a cell. Wide matrices show their
 * columns a page at a time.
 */
import { memo, useState, type KeyboardEvent } from 'react';
import { heatStyle } from './heat';
import { shortHeader, type Grid } from './matrixGrid';

export const COLUMNS_PER_PAGE = 40;

interface Props {
  grid: Grid;
  caption: string;
  /** How a cell's number reads, e.g. "3 segments". */
  describe: (value: number) => string;
  dark: boolean;
  onCell: (row: number, column: number) => void;
  /** The answer's data version (the benchmark waits for it). */
  version: number;
}

export function MatrixTable({ grid, caption, describe, dark, onCell, version }: Props) {
  const [page, setPage] = useState(0);
  const [at, setAt] = useState<[number, number]>([0, 0]);
  const pages = Math.max(1, Math.ceil(grid.columns.length / COLUMNS_PER_PAGE));
  const shownPage = Math.min(page, pages - 1);
  const first = shownPage * COLUMNS_PER_PAGE;
  const columns = grid.columns.slice(first, first + COLUMNS_PER_PAGE);
  const [row, column] = [Math.min(at[0], grid.rows.length - 1), Math.min(at[1], columns.length - 1)];

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, column],
      ArrowUp: [row - 1, column],
      ArrowRight: [row, column + 1],
      ArrowLeft: [row, column - 1],
      Home: [row, 0],
      End: [row, columns.length - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const next: [number, number] = [Math.max(0, Math.min(grid.rows.length - 1, to[0])), Math.max(0, Math.min(columns.length - 1, to[1]))];
    setAt(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}:${next[1]}"]`)?.focus();
  };

  if (grid.rows.length === 0 || grid.columns.length === 0) return <p className="empty">Nothing to show: no rows or no columns left.</p>;

  return (
    <div className="matrix">
      {pages > 1 && (
        <div className="matrix-pages">
          <button type="button" onClick={() => setPage(shownPage - 1)} disabled={shownPage === 0}>
            Previous columns
          </button>
          <span>
            Columns {first + 1}–{first + columns.length} of {grid.columns.length.toLocaleString()}
          </span>
          <button type="button" onClick={() => setPage(shownPage + 1)} disabled={shownPage >= pages - 1}>
            Next columns
          </button>
        </div>
      )}
      <div className="table-scroll">
        <table className="matrix-table" onKeyDown={onKeyDown} data-analysis-version={version}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.key} scope="col" title={c.title} aria-label={c.title}>
                  <span className="column-label">{shortHeader(c.label)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r, i) => (
              <MatrixRow
                key={r.key}
                label={r.label}
                title={r.title}
                depth={r.depth}
                index={i}
                values={grid.cells[i]!.slice(first, first + COLUMNS_PER_PAGE)}
                columnTitles={columns.map((c) => c.title)}
                first={first}
                max={grid.max}
                dark={dark}
                describe={describe}
                focusColumn={i === row ? column : -1}
                onCell={onCell}
                onFocusCell={(j) => setAt([i, j])}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  label: string;
  title: string;
  depth: number;
  index: number;
  values: number[];
  columnTitles: string[];
  first: number;
  max: number;
  dark: boolean;
  describe: (value: number) => string;
  focusColumn: number;
  onCell: (row: number, column: number) => void;
  onFocusCell: (column: number) => void;
}

/** One row; memoised on its values so that a coding repaints only the rows whose numbers changed. */
const MatrixRow = memo(
  function MatrixRow({ label, title, depth, index, values, columnTitles, first, max, dark, describe, focusColumn, onCell, onFocusCell }: RowProps) {
    return (
      <tr>
        <th scope="row" title={title} className={`depth-${Math.min(depth, 4)}`}>
          {label}
        </th>
        {values.map((v, j) => (
          <td key={j} style={heatStyle(v, max, dark)}>
            <button
              type="button"
              data-cell={`${index}:${j}`}
              tabIndex={j === focusColumn ? 0 : -1}
              onFocus={() => onFocusCell(j)}
              onClick={() => onCell(index, first + j)}
              aria-label={`${title} × ${columnTitles[j]}: ${describe(v)}`}
            >
              {v}
            </button>
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.values.length === b.values.length &&
    a.values.every((v, i) => v === b.values[i]) &&
    a.label === b.label &&
    a.max === b.max &&
    a.dark === b.dark &&
    a.first === b.first &&
    a.focusColumn === b.focusColumn &&
    a.index === b.index &&
    a.columnTitles.length === b.columnTitles.length &&
    a.columnTitles.every((t, i) => t === b.columnTitles[i]) &&
    a.describe === b.describe,
);
