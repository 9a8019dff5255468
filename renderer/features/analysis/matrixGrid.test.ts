import { describe, expect, it } from 'vitest';
import type { CooccurrenceAnswer, MatrixAnswer } from '../../domain/analysis/requests';
import type { Code } from '../../domain/model';
import { cooccurrenceGrid, DEFAULT_GRID, matrixGrid, shortHeader } from './matrixGrid';

const code = (id: string, parentId: string | null): Code => ({ id, name: id, colour: '#000000', description: '', parentId, shortcut: null, createdAt: '', updatedAt: '' });
const codes = [code('A', null), code('A1', 'A'), code('B', null)];

/** Rows A, A1, B (own), then the same with sub-codes; columns d1, d2. */
const matrix: MatrixAnswer = {
  kind: 'codeByDocument',
  codes: ['A', 'A1', 'B'],
  documents: 2,
  textsMissing: 0,
  computeMs: 0,
  measure: 'segments',
  columns: ['d1', 'd2'],
  values: Int32Array.from([1, 0, 2, 3, 0, 5, /* with sub-codes */ 3, 3, 2, 3, 0, 5]),
};
const title = (id: string) => `Doc ${id}`;

describe('matrix grids', () => {
  it('shape code rows in tree order, and refer each cell to its code and document', () => {
    const g = matrixGrid(matrix, codes, DEFAULT_GRID, title);
    expect(g.rows.map((r) => [r.title, r.depth])).toEqual([['A', 0], ['A > A1', 1], ['B', 0]]);
    expect(g.columns.map((c) => c.label)).toEqual(['Doc d1', 'Doc d2']);
    expect(g.cells).toEqual([[1, 0], [2, 3], [0, 5]]);
    expect(g.ref(1, 1)).toEqual({ kind: 'document', codeId: 'A1', withSubcodes: false, documentId: 'd2' });
    expect(g.max).toBe(5);
  });

  it('cut to top-level codes, rolled up', () => {
    const g = matrixGrid(matrix, codes, { ...DEFAULT_GRID, depth: 0 }, title);
    expect(g.rows.map((r) => r.label)).toEqual(['A', 'B']);
    expect(g.cells).toEqual([[3, 3], [0, 5]]);
    expect(g.ref(0, 0)).toMatchObject({ codeId: 'A', withSubcodes: true });
  });

  it('filter, sort by total and transpose', () => {
    const sorted = matrixGrid(matrix, codes, { ...DEFAULT_GRID, rowOrder: 'total', columnFilter: 'd2' }, title);
    expect(sorted.rows.map((r) => r.label)).toEqual(['B', 'A1', 'A']);
    expect(sorted.cells).toEqual([[5], [3], [0]]);
    const turned = matrixGrid(matrix, codes, { ...DEFAULT_GRID, transpose: true, rowFilter: 'd1' }, title);
    expect(turned.rows.map((r) => r.label)).toEqual(['Doc d1']);
    expect(turned.columns.map((c) => c.label)).toEqual(['A', 'A1', 'B']);
    expect(turned.cells).toEqual([[1, 2, 0]]);
    expect(turned.ref(0, 2)).toMatchObject({ codeId: 'B', documentId: 'd1' });
  });

  it('give co-occurrence as counts or the Jaccard index of the segments taking part, the diagonal left out of the heat scale', () => {
    const k = 3;
    const pairs = new Int32Array(2 * k * k);
    const involved = new Int32Array(2 * k * k);
    const same = new Int32Array(2 * k * k);
    const set = (a: number, b: number, p: number, i: number, s: number) => {
      pairs[a * k + b] = pairs[b * k + a] = p;
      involved[a * k + b] = involved[b * k + a] = i;
      same[a * k + b] = same[b * k + a] = s;
    };
    set(0, 0, 4, 4, 4);
    set(2, 2, 6, 6, 6);
    set(0, 2, 5, 3, 1);
    const answer: CooccurrenceAnswer = { kind: 'cooccurrence', codes: ['A', 'A1', 'B'], documents: 1, textsMissing: 0, computeMs: 0, pairs, involved, same, segments: Int32Array.from([4, 0, 6, 4, 0, 6]) };
    const counts = cooccurrenceGrid(answer, codes, DEFAULT_GRID);
    expect(counts.cells[0]).toEqual([4, 0, 5]);
    expect(counts.max).toBe(5);
    const jaccard = cooccurrenceGrid(answer, codes, { ...DEFAULT_GRID, jaccard: true });
    expect(jaccard.cells[0]![2]).toBeCloseTo(3 / (4 + 6 - 1), 3);
    expect(counts.ref(0, 2)).toEqual({ kind: 'pair', codeId: 'A', otherId: 'B', withSubcodes: false });
  });

  it('shorten a long column header at a word, never inside one', () => {
    const title = 'Coalition Reaffirms To Fight Islamic State, Support Syria Opposition And Iraq Government';
    expect(shortHeader(title)).toBe('Coalition Reaffirms To Fight Islamic…');
    expect(shortHeader('Iraq-Syria, the Global Coalition confirms')).toBe('Iraq-Syria, the Global Coalition…');
    expect(shortHeader('2019')).toBe('2019');
    expect(shortHeader('x'.repeat(60))).toBe(`${'x'.repeat(39)}…`);
  });
});
