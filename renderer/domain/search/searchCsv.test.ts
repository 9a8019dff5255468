import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CodePointOffsets, csvFile, frequencyCsv, hitLines, HITS_CSV_HEADER } from './searchCsv';

describe('search CSV', () => {
  it('writes code point offsets, contexts and Excel-safe free text', () => {
    const text = '😀 Da’esh, "quoted" -dash';
    const start = text.indexOf('Da’esh');
    const rows = [{ hit: 0, documentId: 'd', start, end: start + 6, left: '😀 ', match: 'Da’esh', right: ', "quoted" -dash' }];
    const csv = csvFile(HITS_CSV_HEADER, hitLines(rows, () => '=Title', new CodePointOffsets(() => text)));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd()).data;
    expect(parsed).toEqual([[...HITS_CSV_HEADER], ['d', "'=Title", '2', '8', 'Da’esh', '😀 ', ', "quoted" -dash']]);
    expect([...text].slice(2, 8).join('')).toBe('Da’esh');
  });

  it('word frequencies: rank, word, count, documents', () => {
    expect(frequencyCsv([{ word: 'coalition', count: 12, documents: 5 }])).toBe('\uFEFFrank,word,count,documents\r\n1,coalition,12,5\r\n');
  });
});
