/** A plain data table with a caption: the figures behind a chart, for screen readers and for reading. */
import type { CsvCell } from './tableCsv';

interface Props {
  caption: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly CsvCell[]>;
  /** The first column names its row (a row header). */
  rowHeaders?: boolean;
}

export function DataTable({ caption, header, rows, rowHeaders = true }: Props) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {header.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 && rowHeaders ? (
                <th key={c} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={c} className={typeof cell === 'number' ? 'number' : undefined}>
                  {cell ?? '—'}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
