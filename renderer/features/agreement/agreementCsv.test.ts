import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { agreementInput } from '../../domain/agreement/agreementInput';
import { computeAgreement } from '../../domain/agreement/computeAgreement';
import type { Segment } from '../../domain/model';
import { AGREEMENT_COLUMNS } from '../../domain/agreement/agreementTable';
import { agreementCsv } from './agreementCsv';

const NOW = '2026-01-01T00:00:00.000Z';
const seg = (id: string, start: number, end: number, codeId: string, coder: string): Segment => ({
  id,
  documentId: 'd',
  documentHash: 'h',
  start,
  end,
  quote: 'x',
  prefix: '',
  suffix: '',
  codings: [{ id: `${id}c`, codeId, coder, createdAt: NOW }],
  memo: '',
  createdAt: NOW,
  updatedAt: NOW,
});

describe('the agreement CSV', () => {
  it('writes an undefined kappa as an empty cell with a note, never 0 or NaN', async () => {
    // bob never used Y: its kappa is undefined.
    const segments = [seg('1', 0, 20, 'X', 'alice'), seg('2', 0, 20, 'X', 'bob'), seg('3', 40, 60, 'Y', 'alice')];
    const result = computeAgreement(agreementInput({ documents: [{ id: 'd', length: 100, segments }], codeIds: ['X', 'Y'], coders: ['alice', 'bob'] }));
    const csv = await agreementCsv(result, { coderA: 'alice', coderB: 'bob', codePath: (id) => (id === 'X' ? 'FTF' : '=Other'), documentTitle: () => 'Doc' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual([...AGREEMENT_COLUMNS]);
    const col = (name: string) => header!.indexOf(name);
    const byPath = (level: string, path: string) => rows.find((r) => r[col('level')] === level && r[col('code_path')] === path)!;
    const x = byPath('code', 'FTF');
    expect(x[col('kappa')]).toBe('1');
    expect(x[col('percent_agreement')]).toBe('100');
    const y = byPath('code', "'=Other"); // Excel-safe: a leading = is quoted away
    expect(y[col('kappa')]).toBe('');
    expect(y[col('note')]).toBe('kappa undefined: bob never used the code');
    expect(y[col('percent_agreement')]).toBe('80');
    expect(csv).not.toMatch(/NaN/);
    expect(rows.filter((r) => r[col('level')] === 'document')).toHaveLength(2);
    expect(rows[0]![col('level')]).toBe('overall');
  });
});
