/**
 * Charts where an analyst would rather look than read: bars for code frequencies, a heat map of
 * the matrix chosen under Matrices, and a timeline of codes over the documents' dates. Each
 * chart has its data table beside it and saves as SVG, PNG or CSV.
 */
import { useCallback, useMemo, useState } from 'react';
import type { MatrixAnswer } from '../../domain/analysis/requests';
import { useProject } from '../../ui/ProjectContext';
import { ChartFigure } from './ChartFigure';
import { BAR_MEASURES, barTable, frequencyBars, heatData, heatTable, timelineData, timelineTable, type BarMeasure } from './chartData';
import { barChart, heatMap, timeline, type Theme } from './charts';
import { CodePicker } from './CodePicker';
import { matrixRequest, type MatrixChoice } from './matrixChoice';
import type { GridOptions } from './matrixGrid';
import { gridOf, matrixCaption } from './MatrixView';
import { restrictionOf, type RestrictionChoice } from './restriction';
import { useAnswer } from './useAnalysis';
import { useAttributes } from './useAttributes';

/** A heat map shows this many columns; the table under Matrices pages through the rest. */
export const HEAT_MAP_COLUMNS = 30;

interface Props {
  active: boolean;
  choice: RestrictionChoice;
  coders: readonly string[] | null;
  titles: ReadonlyMap<string, string>;
  matrix: MatrixChoice;
  grid: GridOptions;
}

export function ChartsView({ active, choice, coders, titles, matrix, grid }: Props) {
  const { codes } = useProject();
  const [measure, setMeasure] = useState<BarMeasure>('segments');
  const [withSubcodes, setWithSubcodes] = useState(false);
  const [topLevel, setTopLevel] = useState(false);
  const [period, setPeriod] = useState<'year' | 'month'>('year');
  const [timelineCodes, setTimelineCodes] = useState<string[]>([]);
  const restriction = restrictionOf(choice, coders);
  const rKey = JSON.stringify(restriction);

  const frequencies = useAnswer(useMemo(() => (active ? { kind: 'frequencies' as const, restriction } : null), [rKey, active]), rKey); // eslint-disable-line react-hooks/exhaustive-deps
  const mKey = JSON.stringify([matrix, restriction]);
  const matrixAnswer = useAnswer(useMemo(() => (active ? matrixRequest(matrix, restriction) : null), [mKey, active]), mKey); // eslint-disable-line react-hooks/exhaustive-deps
  const tKey = JSON.stringify([period, restriction]);
  const timelineAnswer = useAnswer(
    useMemo(() => (active ? { kind: 'codeByAttribute' as const, restriction, measure: 'segments' as const, attribute: period } : null), [tKey, active]), // eslint-disable-line react-hooks/exhaustive-deps
    tKey,
  );

  const bars = useMemo(() => (frequencies.answer ? frequencyBars(frequencies.answer, codes, measure, withSubcodes, topLevel) : []), [frequencies.answer, codes, measure, withSubcodes, topLevel]);
  const barLabel = `${BAR_MEASURES[measure]} per code${withSubcodes ? ', with sub-codes' : ''}`;
  const drawBars = useCallback((theme: Theme) => barChart(bars, { theme, label: barLabel, valueLabel: BAR_MEASURES[measure] }), [bars, barLabel, measure]);

  const shaped = useMemo(() => {
    const a = matrixAnswer.answer;
    return a && a.kind !== 'query' && a.kind !== 'frequencies' ? gridOf(a, codes, grid, titles, matrix.attribute) : null;
  }, [matrixAnswer.answer, codes, grid, titles, matrix.attribute]);
  const attributes = useAttributes();
  const heatLabel = `Heat map — ${matrixCaption(matrix, grid, attributes)}`;
  const drawHeat = useCallback(
    (theme: Theme) => {
      const { data, rows, columns } = heatData(shaped!, HEAT_MAP_COLUMNS);
      return heatMap(data, { theme, label: heatLabel, rows, columns, max: shaped!.max });
    },
    [shaped, heatLabel],
  );

  const line = useMemo(() => (timelineAnswer.answer ? timelineData(timelineAnswer.answer as MatrixAnswer, codes, timelineCodes) : null), [timelineAnswer.answer, codes, timelineCodes]);
  const lineLabel = `Segments per ${period} of the document date${timelineCodes.length ? '' : ', top-level codes with their sub-codes'}`;
  const drawLine = useCallback((theme: Theme) => timeline(line!.data, { theme, label: lineLabel, valueLabel: 'Segments' }), [line, lineLabel]);

  return (
    <div className="charts-view">
      <section aria-labelledby="chart-bars-title">
        <h3 id="chart-bars-title">Frequencies</h3>
        <div className="view-options">
          <label>
            Count
            <select value={measure} onChange={(e) => setMeasure(e.target.value as BarMeasure)}>
              {Object.entries(BAR_MEASURES).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={withSubcodes} onChange={(e) => setWithSubcodes(e.target.checked)} />
            With sub-codes
          </label>
          <label>
            <input type="checkbox" checked={topLevel} onChange={(e) => setTopLevel(e.target.checked)} />
            Top-level codes only
          </label>
        </div>
        {bars.length ? <ChartFigure title={barLabel} name="frequencies-chart" draw={drawBars} {...barTable(bars, BAR_MEASURES[measure])} /> : <p className="empty">No coded passages yet.</p>}
      </section>

      <section aria-labelledby="chart-heat-title">
        <h3 id="chart-heat-title">Heat map of the matrix</h3>
        <p className="hint">The matrix chosen under Matrices{shaped && shaped.columns.length > HEAT_MAP_COLUMNS ? `; its first ${HEAT_MAP_COLUMNS} columns` : ''}.</p>
        {shaped && shaped.rows.length && shaped.columns.length ? (
          <ChartFigure title={heatLabel} name="matrix-heat-map" draw={drawHeat} {...heatTable(shaped, HEAT_MAP_COLUMNS)} />
        ) : (
          <p className="empty">Nothing to show.</p>
        )}
      </section>

      <section aria-labelledby="chart-timeline-title">
        <h3 id="chart-timeline-title">Codes over time</h3>
        <div className="view-options">
          <label>
            Per
            <select value={period} onChange={(e) => setPeriod(e.target.value as 'year' | 'month')}>
              <option value="year">year</option>
              <option value="month">month</option>
            </select>
          </label>
        </div>
        <details>
          <summary>Codes on the timeline ({timelineCodes.length ? timelineCodes.length : 'top-level'})</summary>
          <CodePicker legend="Timeline codes" codes={codes} selected={timelineCodes} onChange={setTimelineCodes} />
        </details>
        {line && line.undated && <p className="hint">Documents without a date are not on the timeline.</p>}
        {line && line.data.length ? (
          <ChartFigure title={lineLabel} name="codes-over-time" draw={drawLine} {...timelineTable(line.data)} />
        ) : (
          <p className="empty">No dated documents with coded passages.</p>
        )}
      </section>
    </div>
  );
}
