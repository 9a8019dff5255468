import { describe, expect, it } from 'vitest';
import type { FrequencyAnswer } from '../../domain/analysis/requests';
import type { Code } from '../../domain/model';
import { coderRows, frequencyCsv, frequencyRows } from './frequencyTable';

const code = (id: string, parentId: string | null): Code => ({ id, name: id, colour: '#000000', description: '', parentId, shortcut: null, createdAt: '', updatedAt: '' });
const codes = [code('A', null), code('A1', 'A')];
const i32 = (...v: number[]) => Int32Array.from(v);

const answer = (textWords: number | null): FrequencyAnswer => ({
  kind: 'frequencies',
  codes: ['A', 'A1'],
  documents: 2,
  textsMissing: textWords === null ? 1 : 0,
  computeMs: 0,
  codings: i32(1, 2, 3, 2),
  segments: i32(1, 2, 3, 2),
  documentsWith: i32(1, 1, 2, 1),
  chars: i32(10, 20, 25, 20),
  words: i32(2, 4, 5, 4),
  textChars: textWords === null ? null : 100,
  textWords,
  coders: [{ coder: 'ana', codings: i32(1, 2, 3, 2), segments: i32(1, 2, 3, 2) }],
});

describe('frequency tables', () => {
  it('show each code by path, own or with sub-codes, with shares of the text', () => {
    expect(frequencyRows(answer(20), codes, false).map((r) => r.cells)).toEqual([
      ['A', 1, 1, 1, 10, 10, 2, 10],
      ['A > A1', 2, 2, 1, 20, 20, 4, 20],
    ]);
    expect(frequencyRows(answer(20), codes, true)[0]!.cells).toEqual(['A', 3, 3, 2, 25, 25, 5, 25]);
  });

  it('leave words and shares unknown while texts are being read', () => {
    expect(frequencyRows(answer(null), codes, false)[0]!.cells).toEqual(['A', 1, 1, 1, 10, null, null, null]);
  });

  it('put both levels side by side in the CSV, and coders in pairs of columns', () => {
    const csv = frequencyCsv(answer(20), codes);
    expect(csv.header).toHaveLength(15);
    expect(csv.rows[0]).toEqual(['A', 1, 1, 1, 10, 10, 2, 10, 3, 3, 2, 25, 25, 5, 25]);
    expect(coderRows(answer(20), codes, true)).toEqual({ header: ['Code', 'ana: codings', 'ana: segments'], rows: [['A', 3, 3], ['A > A1', 2, 2]] });
  });
});
