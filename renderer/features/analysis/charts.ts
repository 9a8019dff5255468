/**
 * The analysis charts, drawn as SVG by Observable Plot (no eval, no remote fonts; its one
 * <style> element is allowed by the app's style-src): bars for frequencies, a heat map for a
 * matrix, a timeline of codes over document dates. Each takes the theme, so a chart matches
 * the window, and a chart saved to a file or put in a report carries its own colours.
 */
import * as Plot from '@observablehq/plot';
import { bytesToBase64 } from '../../../common/bytes';

export type Theme = 'light' | 'dark';

export const THEME_COLOURS: Record<Theme, { background: string; text: string; bar: string; line: string; heat: 'blues' | 'viridis' }> = {
  light: { background: '#ffffff', text: '#1b1b1b', bar: '#1f5fbf', line: '#d6d6d2', heat: 'blues' },
  dark: { background: '#1e1e1e', text: '#e8e8e8', bar: '#7fb0ff', line: '#3c3c3c', heat: 'viridis' },
};

/**
 * The chart as one image to assistive technology: its own label stays, the labels Plot puts on
 * its mark groups go (they are not allowed on a plain <g>, and the data table says it all).
 */
function asImage(plotted: SVGSVGElement | HTMLElement): SVGSVGElement {
  const svg = plotted as SVGSVGElement;
  svg.setAttribute('role', 'img');
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return svg;
}

const styleOf = (theme: Theme) => ({ background: THEME_COLOURS[theme].background, color: THEME_COLOURS[theme].text, fontSize: '12px', overflow: 'visible' });

export interface BarDatum {
  label: string;
  value: number;
}

/** Horizontal bars, longest first, each labelled with its value. */
export function barChart(data: readonly BarDatum[], options: { theme: Theme; label: string; valueLabel: string; width?: number }): SVGSVGElement {
  const longest = Math.max(4, ...data.map((d) => d.label.length));
  return asImage(Plot.plot({
    width: options.width ?? 720,
    height: 40 + 22 * Math.max(1, data.length),
    marginLeft: Math.min(320, 12 + 6.5 * longest),
    marginRight: 40,
    style: styleOf(options.theme),
    ariaLabel: options.label,
    ariaDescription: 'The same figures are in the table beside the chart.',
    x: { label: options.valueLabel, grid: true },
    y: { label: null },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', fill: THEME_COLOURS[options.theme].bar, sort: { y: '-x' } }),
      Plot.text(data, { x: 'value', y: 'label', text: (d: BarDatum) => String(d.value), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  }));
}

export interface HeatDatum {
  row: string;
  column: string;
  value: number;
}

/** Cells coloured by value, each with its number; rows and columns in the given orders. */
export function heatMap(
  data: readonly HeatDatum[],
  options: { theme: Theme; label: string; rows: readonly string[]; columns: readonly string[]; max: number },
): SVGSVGElement {
  const longestRow = Math.max(4, ...options.rows.map((r) => r.length));
  const longestColumn = Math.max(4, ...options.columns.map((c) => c.length));
  const cell = 30;
  return asImage(Plot.plot({
    width: Math.min(360, 12 + 6.5 * longestRow) + 40 + cell * options.columns.length,
    height: Math.min(200, 20 + 5.5 * longestColumn) + 30 + cell * options.rows.length,
    marginLeft: Math.min(360, 12 + 6.5 * longestRow),
    marginBottom: Math.min(200, 20 + 5.5 * longestColumn),
    style: styleOf(options.theme),
    ariaLabel: options.label,
    ariaDescription: 'The same figures are in the table beside the chart.',
    x: { domain: [...options.columns], tickRotate: -40, label: null },
    y: { domain: [...options.rows], label: null },
    color: { type: 'linear', scheme: THEME_COLOURS[options.theme].heat, domain: [0, Math.max(1, options.max)] },
    marks: [
      Plot.cell(data, { x: 'column', y: 'row', fill: 'value', inset: 0.5 }),
      Plot.text(data, {
        x: 'column',
        y: 'row',
        text: (d: HeatDatum) => (d.value ? String(d.value) : ''),
        fill: (d: HeatDatum) => heatTextColour(d.value / Math.max(1, options.max), options.theme),
      }),
    ],
  }));
}

/** Dark text on the pale end of the scheme, light text on the deep end. */
function heatTextColour(share: number, theme: Theme): string {
  if (theme === 'light') return share > 0.55 ? '#ffffff' : '#1b1b1b';
  return share > 0.6 ? '#1b1b1b' : '#ffffff';
}

export interface TimelineDatum {
  code: string;
  /** "2019" or "2019-06". */
  period: string;
  value: number;
}

const periodDate = (p: string) => new Date(p.length === 4 ? `${p}-01-01T00:00:00Z` : `${p}-01T00:00:00Z`);

/** One line per code over the documents' dates, named at its last point. */
export function timeline(data: readonly TimelineDatum[], options: { theme: Theme; label: string; valueLabel: string; width?: number }): SVGSVGElement {
  const points = data.map((d) => ({ ...d, date: periodDate(d.period) }));
  return asImage(Plot.plot({
    width: options.width ?? 720,
    height: 320,
    marginRight: 160,
    style: styleOf(options.theme),
    ariaLabel: options.label,
    ariaDescription: 'The same figures are in the table beside the chart.',
    x: { label: 'Document date', type: 'utc' },
    y: { label: options.valueLabel, grid: true },
    color: { type: 'categorical', scheme: 'tableau10' },
    marks: [
      Plot.ruleY([0]),
      Plot.line(points, { x: 'date', y: 'value', stroke: 'code', z: 'code', marker: 'circle' }),
      Plot.text(points, Plot.selectLast({ x: 'date', y: 'value', z: 'code', text: 'code', fill: 'code', textAnchor: 'start', dx: 6 })),
    ],
  }));
}

/** The chart as a standalone SVG file. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/**
 * The chart as PNG (base64), drawn at twice its size: the SVG is loaded as an image from a
 * data: URL (the CSP allows data: images; a blob: URL would need img-src blob:) and painted
 * on a canvas over the theme's background.
 */
export async function pngBase64(svg: SVGSVGElement, background: string): Promise<string> {
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svgText(svg)))}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw images.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
