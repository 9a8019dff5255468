/**
 * Matrices: code × document, code × attribute value and code × code co-occurrence, with heat
 * colours; rows and columns filtered, sorted, cut to parent codes and transposed; a click on a
 * cell lists the passages behind it. Live: a coding updates the numbers in place.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { valueLabel, type DocumentAttribute } from '../../domain/analysis/attributes';
import { MEASURES } from '../../domain/analysis/tally';
import type { CooccurrenceAnswer, MatrixAnswer } from '../../domain/analysis/requests';
import type { Segment } from '../../domain/model';
import { useProject, useServices } from '../../ui/ProjectContext';
import { cellQuery, distanceOf, matrixRequest, MEASURE_LABELS, type MatrixChoice } from './matrixChoice';
import { cooccurrenceGrid, matrixGrid, type CellRef, type Grid, type GridOptions } from './matrixGrid';
import { MatrixOptions } from './MatrixOptions';
import { MatrixTable } from './MatrixTable';
import { restrictionOf, type RestrictionChoice } from './restriction';
import { ResultsList } from './ResultsList';
import { fileName, saveText, savedMessage } from './saveFile';
import { toCsv } from './tableCsv';
import { useAnswer } from './useAnalysis';
import { useAttributes } from './useAttributes';
import { useTheme } from './useTheme';
import { errorMessage } from '../../../common/errorMessage';

interface Props {
  active: boolean;
  choice: RestrictionChoice;
  coders: readonly string[] | null;
  titles: ReadonlyMap<string, string>;
  onReveal: (segment: Segment) => void;
  matrix: MatrixChoice;
  onMatrix: (m: MatrixChoice) => void;
  grid: GridOptions;
  onGrid: (g: GridOptions) => void;
}

/** The grid of an answer under the options (shared with the heat map chart). */
export function gridOf(answer: MatrixAnswer | CooccurrenceAnswer, codes: Parameters<typeof matrixGrid>[1], options: GridOptions, titles: ReadonlyMap<string, string>, attribute: string): Grid {
  if (answer.kind === 'cooccurrence') return cooccurrenceGrid(answer, codes, options);
  const label = answer.kind === 'codeByDocument' ? (id: string) => titles.get(id) ?? id : valueLabel;
  return matrixGrid(answer, codes, options, label, attribute);
}

export function matrixCaption(matrix: MatrixChoice, grid: GridOptions, attributes: readonly DocumentAttribute[]): string {
  const attribute = attributes.find((a) => a.id === matrix.attribute)?.label ?? matrix.attribute;
  const what =
    matrix.kind === 'cooccurrence'
      ? `Code × code co-occurrence (${matrix.proximity === 'overlap' ? 'overlapping' : matrix.proximity === 'paragraph' ? 'same paragraph' : `within ${matrix.within} characters`}; ${grid.jaccard ? 'Jaccard index' : 'co-occurrences'})`
      : `${MEASURE_LABELS[matrix.measure]}: code × ${matrix.kind === 'codeByDocument' ? 'document' : attribute.toLowerCase()}`;
  return `${what}${grid.withSubcodes ? ', with sub-codes' : ''}${grid.transpose ? ', transposed' : ''}`;
}

export function MatrixView({ active, choice, coders, titles, onReveal, matrix, onMatrix, grid: options, onGrid }: Props) {
  const { codes } = useProject();
  const { api, host } = useServices();
  const dark = useTheme() === 'dark';
  const [cell, setCell] = useState<{ ref: CellRef; label: string } | null>(null);
  const [message, setMessage] = useState('');
  const restriction = restrictionOf(choice, coders);
  const key = JSON.stringify([matrix, restriction]);
  const request = useMemo(() => (active ? matrixRequest(matrix, restriction) : null), [key, active]); // eslint-disable-line react-hooks/exhaustive-deps
  const { answer, error, version } = useAnswer(request, key);
  const shaped = useMemo(
    () => (answer && (answer.kind === 'cooccurrence' || answer.kind === 'codeByDocument' || answer.kind === 'codeByAttribute') ? gridOf(answer, codes, options, titles, matrix.attribute) : null),
    [answer, codes, options, titles, matrix.attribute],
  );
  const gridRef = useRef(shaped);
  gridRef.current = shaped;
  const onCell = useCallback((row: number, column: number) => {
    const g = gridRef.current;
    if (!g) return;
    setCell({ ref: g.ref(row, column), label: `${g.rows[row]!.title} × ${g.columns[column]!.title}` });
  }, []);
  const unit = matrix.kind === 'cooccurrence' ? (options.jaccard ? 'Jaccard' : 'co-occurrences') : MEASURE_LABELS[matrix.measure].toLowerCase();
  const describe = useCallback((v: number) => `${v} ${v === 1 ? unit.replace(/s$/, '') : unit}`, [unit]);
  const attributes = useAttributes();
  const caption = matrixCaption(matrix, options, attributes);

  const behind = cell ? cellQuery(cell.ref, restriction, distanceOf(matrix)) : null;
  const behindKey = JSON.stringify(behind);
  const behindRequest = useMemo(() => (active && behind ? { kind: 'query' as const, ...behind } : null), [behindKey, active]); // eslint-disable-line react-hooks/exhaustive-deps
  const passages = useAnswer(behindRequest, behindKey);

  const save = async () => {
    if (!shaped) return;
    const header = ['', ...shaped.columns.map((c) => c.title)];
    const rows = shaped.rows.map((r, i) => [r.title, ...shaped.cells[i]!]);
    try {
      setMessage(savedMessage(await saveText(api, fileName(`matrix-${matrix.kind}`, 'csv'), 'text/csv', toCsv(header, rows)), host));
    } catch (err) {
      setMessage(`Could not save: ${errorMessage(err)}`);
    }
  };

  return (
    <div className="matrix-view">
      <MatrixOptions matrix={matrix} onMatrix={onMatrix} grid={options} onGrid={onGrid} attributes={attributes} measures={MEASURES} />
      <div className="view-options">
        <button type="button" onClick={() => void save()} disabled={!shaped}>
          Save matrix (CSV)
        </button>
        <span role="status">{message}</span>
      </div>
      {error && <p role="alert">{error}</p>}
      {shaped && <MatrixTable grid={shaped} caption={caption} describe={describe} dark={dark} onCell={onCell} version={version} />}
      {cell && passages.answer && (
        <ResultsList
          key={behindKey}
          label={`Passages behind ${cell.label}`}
          hits={passages.answer.hits}
          titles={titles}
          coders={coders}
          onReveal={onReveal}
          name="matrix-cell"
        />
      )}
    </div>
  );
}
