/** The matrix's choices: which matrix, what it counts, and how its rows and columns show. */
import type { DocumentAttribute } from '../../domain/analysis/attributes';
import type { Measure } from '../../domain/analysis/tally';
import { MEASURE_LABELS, type MatrixChoice, type MatrixKind } from './matrixChoice';
import type { GridOptions, SortOrder } from './matrixGrid';

interface Props {
  matrix: MatrixChoice;
  onMatrix: (m: MatrixChoice) => void;
  grid: GridOptions;
  onGrid: (g: GridOptions) => void;
  attributes: readonly DocumentAttribute[];
  measures: readonly Measure[];
}

const KINDS: Record<MatrixKind, string> = { codeByDocument: 'Code × document', codeByAttribute: 'Code × document attribute', cooccurrence: 'Code × code (co-occurrence)' };
const ORDERS: Record<SortOrder, string> = { tree: 'Codebook order', name: 'Name', total: 'Total, largest first' };

export function MatrixOptions({ matrix, onMatrix, grid, onGrid, attributes, measures }: Props) {
  const m = (patch: Partial<MatrixChoice>) => onMatrix({ ...matrix, ...patch });
  const g = (patch: Partial<GridOptions>) => onGrid({ ...grid, ...patch });
  return (
    <div className="matrix-options">
      <label>
        Matrix
        <select value={matrix.kind} onChange={(e) => m({ kind: e.target.value as MatrixKind })}>
          {Object.entries(KINDS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {matrix.kind === 'codeByAttribute' && (
        <label>
          Attribute
          <select value={matrix.attribute} onChange={(e) => m({ attribute: e.target.value })}>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {matrix.kind !== 'cooccurrence' ? (
        <label>
          Count
          <select value={matrix.measure} onChange={(e) => m({ measure: e.target.value as Measure })}>
            {measures.map((id) => (
              <option key={id} value={id}>
                {MEASURE_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            Co-occurring when
            <select value={matrix.proximity} onChange={(e) => m({ proximity: e.target.value as MatrixChoice['proximity'] })}>
              <option value="overlap">overlapping</option>
              <option value="within">within some characters</option>
              <option value="paragraph">in the same paragraph</option>
            </select>
          </label>
          {matrix.proximity === 'within' && (
            <label>
              Characters
              <input type="number" min={0} value={matrix.within} onChange={(e) => m({ within: Number(e.target.value) })} />
            </label>
          )}
          <label>
            <input type="checkbox" checked={grid.jaccard} onChange={(e) => g({ jaccard: e.target.checked })} />
            Jaccard index
          </label>
        </>
      )}
      <label>
        <input type="checkbox" checked={grid.withSubcodes} onChange={(e) => g({ withSubcodes: e.target.checked })} />
        With sub-codes
      </label>
      <label>
        Codes shown
        <select value={grid.depth === null ? 'all' : String(grid.depth)} onChange={(e) => g({ depth: e.target.value === 'all' ? null : Number(e.target.value) })}>
          <option value="all">All codes</option>
          <option value="0">Top-level codes (sub-codes rolled up)</option>
          <option value="1">Down to the second level</option>
        </select>
      </label>
      <label>
        Filter rows
        <input type="search" value={grid.rowFilter} onChange={(e) => g({ rowFilter: e.target.value })} />
      </label>
      <label>
        Filter columns
        <input type="search" value={grid.columnFilter} onChange={(e) => g({ columnFilter: e.target.value })} />
      </label>
      <label>
        Sort rows
        <select value={grid.rowOrder} onChange={(e) => g({ rowOrder: e.target.value as SortOrder })}>
          {Object.entries(ORDERS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort columns
        <select value={grid.columnOrder} onChange={(e) => g({ columnOrder: e.target.value as SortOrder })}>
          {Object.entries(ORDERS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={grid.transpose} onChange={(e) => g({ transpose: e.target.checked })} />
        Transpose
      </label>
    </div>
  );
}
