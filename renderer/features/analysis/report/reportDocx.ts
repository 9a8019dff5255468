/**
 * The report as a Word document (.docx, written by the `docx` library): headings, passages as
 * indented quotes with their document and memo, the frequency table, and the charts as PNG
 * images with their titles as alternative text.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { base64ToBytes } from '../../../../common/bytes';
import { MEMO_KINDS } from '../memos';
import type { CsvCell } from '../tableCsv';
import { AGREEMENT_EXPLANATION } from './reportAgreement';
import type { ReportData } from './reportData';
import { isFigure } from './reportHtml';

/** Widest image on a portrait A4/Letter page with default margins, in pixels at 96 per inch. */
const PAGE_WIDTH_PX = 600;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });

function table(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): Table {
  const row = (cells: readonly CsvCell[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (c) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: isFigure(c) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text: c === null ? '—' : String(c), bold, size: 18 })],
              }),
            ],
          }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

export async function reportDocx(report: ReportData): Promise<string> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `${report.created} · ${report.scope}`, italics: true, color: '555555' })] }),
  ];
  if (report.codes.length) {
    children.push(heading('Codes and their passages', HeadingLevel.HEADING_1));
    for (const code of report.codes) {
      children.push(heading(`${code.path} (${code.passages.length} ${code.passages.length === 1 ? 'passage' : 'passages'})`, HeadingLevel.HEADING_2));
      if (code.description.trim()) children.push(new Paragraph({ text: code.description }));
      for (const p of code.passages) {
        children.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `“${p.quote}”` })] }));
        children.push(
          new Paragraph({
            indent: { left: 567 },
            spacing: { after: 160 },
            children: [new TextRun({ text: p.document, color: '555555', size: 18 }), ...(p.memo.trim() ? [new TextRun({ text: ` — Memo: ${p.memo}`, italics: true, size: 18 })] : [])],
          }),
        );
      }
    }
  }
  if (report.frequencies) {
    children.push(heading('Code frequencies', HeadingLevel.HEADING_1), table(report.frequencies.header, report.frequencies.rows));
  }
  if (report.agreement.length) {
    children.push(heading('Inter-coder agreement', HeadingLevel.HEADING_1));
    children.push(new Paragraph({ children: [new TextRun({ text: AGREEMENT_EXPLANATION, italics: true, color: '555555', size: 18 })] }));
    for (const a of report.agreement) {
      children.push(heading(`${a.coderA} and ${a.coderB}`, HeadingLevel.HEADING_2), new Paragraph({ text: a.scope }));
      children.push(table(a.header, a.rows), new Paragraph({ spacing: { before: 120 }, text: a.cuAlpha }));
    }
  }
  if (report.charts.length) {
    children.push(heading('Charts', HeadingLevel.HEADING_1));
    for (const chart of report.charts) {
      children.push(heading(chart.title, HeadingLevel.HEADING_3));
      if (chart.png) {
        const scale = Math.min(1, PAGE_WIDTH_PX / chart.width);
        children.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: base64ToBytes(chart.png),
                transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
                altText: { name: chart.title, description: `${chart.title}. The figures follow in a table.`, title: chart.title },
              }),
            ],
          }),
        );
      }
      children.push(table(chart.table.header, chart.table.rows));
    }
  }
  if (report.memos.length) {
    children.push(heading('Memos', HeadingLevel.HEADING_1));
    for (const m of report.memos) {
      children.push(heading(`${MEMO_KINDS[m.kind]} · ${m.about}`, HeadingLevel.HEADING_3));
      if (m.segment) children.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `“${m.segment.quote}”` })] }));
      children.push(new Paragraph({ text: m.text }));
    }
  }
  const doc = new Document({ creator: 'Marginalia', title: report.title, sections: [{ children }] });
  return Packer.toBase64String(doc);
}
