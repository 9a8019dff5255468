/**
 * 100,000 segments must export in about the time of 3 × JSON.stringify of the same rows.
 * The ratio is printed (machines vary); the assertions check the output is complete and right.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Code, Segment } from '../../domain/model';
import { toCsv } from './csv';
import { buildCsvTable } from './csvTable';
import type { ProjectData } from '../projectData';

function bigProject(segmentCount: number): ProjectData {
  const T = '2024-03-01T09:00:00.000Z';
  const line = 'Words, "quoted" words 😀 and نص عربي here.\n';
  const documents = Array.from({ length: 20 }, (_, d) => ({
    id: `doc-${d}`,
    title: `Document ${d}`,
    kind: null,
    place: null,
    date: '1900-01-01',
    sha256: '0'.repeat(64),
    text: line.repeat(5000),
  }));
  const codes: Code[] = Array.from({ length: 30 }, (_, i) => ({
    id: `c${i}`,
    name: `Code ${i}`,
    colour: '#123456',
    description: '',
    parentId: i >= 10 ? `c${i % 10}` : null,
    shortcut: null,
    createdAt: T,
    updatedAt: T,
  }));
  const segments: Segment[] = Array.from({ length: segmentCount }, (_, i) => {
    const doc = documents[i % documents.length]!;
    const start = (i * 37) % (doc.text.length - 60);
    const end = start + 20 + (i % 30);
    return {
      id: `s${i}`,
      documentId: doc.id,
      documentHash: doc.sha256,
      start,
      end,
      quote: doc.text.slice(start, end),
      prefix: doc.text.slice(Math.max(0, start - 32), start),
      suffix: doc.text.slice(end, end + 32),
      codings: (i % 3 === 0 ? [`c${i % 30}`, `c${(i + 7) % 30}`] : [`c${i % 30}`]).map((codeId) => ({
        id: `s${i}/${codeId}`,
        codeId,
        coder: 'Coder',
        createdAt: T,
      })),
      memo: i % 10 === 0 ? 'A memo, with "quotes"\nand a newline' : '',
      createdAt: T,
      updatedAt: T,
    };
  });
  return { documents, codes, segments, memos: [], settings: { coder: 'Coder' } };
}

describe('toCsv at scale', () => {
  it('exports 100,000 segments completely', { timeout: 120_000 }, () => {
    const data = bigProject(100_000);
    const started = performance.now();
    const csv = toCsv(data);
    const csvMs = performance.now() - started;

    const table = buildCsvTable(data);
    const rows = Array.from({ length: table.rowCount }, (_, i) => table.row(i));
    const jsonStarted = performance.now();
    for (let i = 0; i < 3; i++) JSON.stringify(rows);
    const jsonMs = performance.now() - jsonStarted;
    console.log(
      `CSV of ${table.rowCount} rows (100,000 segments): ${csvMs.toFixed(0)} ms; ` +
        `3 × JSON.stringify of the rows: ${jsonMs.toFixed(0)} ms; ratio ${(csvMs / jsonMs).toFixed(2)}`,
    );

    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(table.rowCount + 1);
    expect(table.rowCount).toBe(100_000 + Math.ceil(100_000 / 3));
  });
});
