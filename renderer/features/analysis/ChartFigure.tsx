/**
 * One chart: the SVG Observable Plot draws, its data table beside it (the same figures, for
 * screen readers and for reading), and buttons to save it as SVG or PNG and its data as CSV.
 * The chart is drawn after the browser has painted, so a change in the data never holds up a frame.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import { pngBase64, svgText, THEME_COLOURS, type Theme } from './charts';
import { DataTable } from './DataTable';
import { fileName, saveBase64, saveText, savedMessage } from './saveFile';
import { toCsv, type CsvCell } from './tableCsv';
import { useTheme } from './useTheme';
import { errorMessage } from '../../../common/errorMessage';

interface Props {
  title: string;
  /** Base of the saved files' names. */
  name: string;
  draw: (theme: Theme) => SVGSVGElement;
  header: readonly string[];
  rows: ReadonlyArray<readonly CsvCell[]>;
}

export function ChartFigure({ title, name, draw, header, rows }: Props) {
  const { api, host } = useServices();
  const theme = useTheme();
  const holder = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const [message, setMessage] = useState('');
  const captionId = useId();

  useEffect(() => {
    const timer = setTimeout(() => {
      const drawn = draw(theme);
      svg.current = drawn;
      holder.current?.replaceChildren(drawn);
    }, 0);
    return () => clearTimeout(timer);
  }, [draw, theme]);

  const save = async (what: 'svg' | 'png' | 'csv') => {
    setMessage('');
    try {
      const saved =
        what === 'csv'
          ? await saveText(api, fileName(name, 'csv'), 'text/csv', toCsv(header, rows))
          : what === 'svg'
            ? await saveText(api, fileName(name, 'svg'), 'image/svg+xml', svgText(svg.current ?? draw(theme)))
            : await saveBase64(api, fileName(name, 'png'), 'image/png', await pngBase64(svg.current ?? draw(theme), THEME_COLOURS[theme].background));
      setMessage(savedMessage(saved, host));
    } catch (err) {
      setMessage(`Could not save: ${errorMessage(err)}`);
    }
  };

  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div className="chart-body">
        <div className="chart-svg" ref={holder} />
        <div className="chart-table">
          <DataTable caption={`Data: ${title}`} header={header} rows={rows} />
        </div>
      </div>
      <div className="chart-actions">
        <button type="button" onClick={() => void save('svg')} aria-label={`Save ${title} as SVG`}>
          Save SVG
        </button>
        <button type="button" onClick={() => void save('png')} aria-label={`Save ${title} as PNG`}>
          Save PNG
        </button>
        <button type="button" onClick={() => void save('csv')} aria-label={`Save the data of ${title} as CSV`}>
          Save data (CSV)
        </button>
        <span role="status">{message}</span>
      </div>
    </figure>
  );
}
