/**
 * The CSV's document columns in both shapes: `page` when a PDF-born document is exported (the
 * page a segment starts on, empty for other documents and unplaced segments) and one
 * attr_<name> column per attribute, Excel-safe like every cell from outside.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sampleProject } from '../fixtures/sampleProject';
import type { ProjectData } from '../projectData';
import { toCsv } from './csv';

async function withDocumentColumns(): Promise<ProjectData> {
  const data = await sampleProject();
  const [letter, diary] = data.documents;
  // The diary came from a PDF: its second line starts page 2 (both its segments are there).
  const secondPage = diary!.text.indexOf('We are well');
  return {
    ...data,
    documents: [
      { ...letter!, attributes: { kind: 'letter', region: '=North' } },
      { ...diary!, pageStarts: [0, secondPage], attributes: { kind: 'diary', region: 'South' } },
    ],
    attributes: [
      { id: 'kind', name: 'Kind' },
      { id: 'region', name: 'Region' },
    ],
  };
}

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('CSV document columns', () => {
  it('adds page and one column per attribute after the fixed columns, in both shapes', async () => {
    const data = await withDocumentColumns();
    for (const shape of ['long', 'wide'] as const) {
      const rows = parse(toCsv(data, { shape }));
      const header = Object.keys(rows[0]!);
      const fixedEnd = header.indexOf('updated_at');
      expect(header.slice(fixedEnd + 1, fixedEnd + 4)).toEqual(['page', 'attr_Kind', 'attr_Region']);
      const diaryRows = rows.filter((r) => r.document_id === 'diary-1850');
      expect(new Set(diaryRows.map((r) => r.page))).toEqual(new Set(['2']));
      expect(rows.filter((r) => r.document_id === 'letter-1848-01').every((r) => r.page === '' && r.attr_Region === "'=North")).toBe(true);
      expect(diaryRows.every((r) => r.attr_Kind === 'diary' && r.attr_Region === 'South')).toBe(true);
    }
  });

  it('has no page column when no exported document came from a PDF', async () => {
    const data = await withDocumentColumns();
    const rows = parse(toCsv({ ...data, documents: data.documents.map(({ pageStarts: _p, ...d }) => d) }));
    expect(Object.keys(rows[0]!)).not.toContain('page');
    expect(Object.keys(rows[0]!)).toContain('attr_Region');
  });
});
