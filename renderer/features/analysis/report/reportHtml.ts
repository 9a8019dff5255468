/**
 * The report as one self-contained HTML file: text, tables and the charts' SVG inline, and a
 * stylesheet that prints cleanly (no page break inside a passage or a chart, headings kept
 * with what follows). Opened in a browser, it prints to PDF through the print dialog.
 */
import { MEMO_KINDS } from '../memos';
import { AGREEMENT_EXPLANATION } from './reportAgreement';
import type { CsvCell } from '../tableCsv';
import type { ReportData } from './reportData';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (c: CsvCell) => (c === null ? '—' : escape(String(c)));
/** Counts and figures align right, whether numbers or written as the agreement view writes them ("1,204", "83.3%", "0.667"). */
export const isFigure = (c: CsvCell) => typeof c === 'number' || (typeof c === 'string' && /^-?[\d,]+(\.\d+)?%?$/.test(c));

export const REPORT_CSS = `
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; margin-top: 1.2em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.meta { color: #555; font-size: 0.9em; }
blockquote { margin: 0.6em 0 0.6em 1em; padding-left: 0.8em; border-left: 3px solid #1f5fbf; break-inside: avoid; page-break-inside: avoid; }
blockquote footer { font-size: 0.85em; color: #555; }
.memo { font-style: italic; }
table { border-collapse: collapse; font: 9pt/1.3 system-ui, sans-serif; margin: 0.5em 0; break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font: bold 0.95em system-ui, sans-serif; margin-bottom: 0.3em; }
details summary { font: 0.85em system-ui, sans-serif; color: #555; }
@media print { body { margin: 0; max-width: none; } details { display: none; } a { color: inherit; } }
`;

export function tableHtml(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, caption?: string): string {
  return `<table>${caption ? `<caption>${escape(caption)}</caption>` : ''}<thead><tr>${header.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${cell(c)}</th>` : `<td class="${isFigure(c) ? 'n' : ''}">${cell(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The report's body (also shown as the preview in the window). */
export function reportBody(report: ReportData): string {
  const parts = [`<h1>${escape(report.title)}</h1>`, `<p class="meta">${escape(report.created)} · ${escape(report.scope)}</p>`];
  if (report.codes.length) {
    parts.push('<h2>Codes and their passages</h2>');
    for (const code of report.codes) {
      parts.push(`<h3>${escape(code.path)} <span class="meta">(${code.passages.length} ${code.passages.length === 1 ? 'passage' : 'passages'})</span></h3>`);
      if (code.description.trim()) parts.push(`<p>${escape(code.description)}</p>`);
      for (const p of code.passages) {
        parts.push(`<blockquote><p>“${escape(p.quote)}”</p><footer>${escape(p.document)}${p.memo.trim() ? ` — <span class="memo">Memo: ${escape(p.memo)}</span>` : ''}</footer></blockquote>`);
      }
    }
  }
  if (report.frequencies) {
    parts.push('<h2>Code frequencies</h2>', tableHtml(report.frequencies.header, report.frequencies.rows));
  }
  if (report.agreement.length) {
    parts.push('<h2>Inter-coder agreement</h2>', `<p class="meta">${escape(AGREEMENT_EXPLANATION)}</p>`);
    for (const a of report.agreement) {
      parts.push(`<h3>${escape(a.coderA)} and ${escape(a.coderB)}</h3>`, `<p>${escape(a.scope)}</p>`);
      parts.push(tableHtml(a.header, a.rows, `Agreement by code: ${a.coderA} and ${a.coderB}`), `<p>${escape(a.cuAlpha)}</p>`);
    }
  }
  if (report.charts.length) {
    parts.push('<h2>Charts</h2>');
    for (const chart of report.charts) {
      const svg = chart.svg.replace(/^<\?xml[^>]*>\s*/, '');
      parts.push(`<figure><figcaption>${escape(chart.title)}</figcaption>${svg}<details><summary>Data</summary>${tableHtml(chart.table.header, chart.table.rows)}</details></figure>`);
    }
  }
  if (report.memos.length) {
    parts.push('<h2>Memos</h2>');
    for (const m of report.memos) {
      parts.push(`<h3>${escape(MEMO_KINDS[m.kind])} · ${escape(m.about)}</h3>`);
      if (m.segment) parts.push(`<blockquote><p>“${escape(m.segment.quote)}”</p></blockquote>`);
      parts.push(`<p>${escape(m.text)}</p>`);
    }
  }
  return parts.join('\n');
}

export function reportHtml(report: ReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Marginalia">
<title>${escape(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${reportBody(report)}
</body>
</html>
`;
}
