import { describe, expect, it } from 'vitest';
import type { SetAsideRow } from '../store/setAside';
import { unavailableDocuments } from './unavailableDocuments';

const SHA = 'c'.repeat(64);
const lostRow = (id: string, extra: Record<string, unknown> = {}): SetAsideRow => ({
  table: 'documents',
  key: id,
  reason: 'text: expected string, received undefined',
  row: { id, title: `Interview ${id}`, kind: 'interview', place: null, date: '2024-05-01', sha256: SHA, source: 'a.txt', importedAt: '2024-05-01T10:00:00.000Z', textUnavailable: `documents/${SHA}.txt is missing`, ...extra },
});

describe('documents whose text the project file lost', () => {
  it('are the set-aside document rows that lack only their text, with why', () => {
    const other: SetAsideRow = { table: 'documents', key: 'x', reason: 'title: required', row: { id: 'x', sha256: SHA, text: 'A text' } };
    const segment: SetAsideRow = { table: 'segments', key: 's', reason: 'start: required', row: { id: 's', textUnavailable: 'no' } };
    expect(unavailableDocuments([lostRow('a'), other, segment], new Set())).toEqual([
      { id: 'a', title: 'Interview a', kind: 'interview', place: null, date: '2024-05-01', sha256: SHA, problem: `documents/${SHA}.txt is missing`, stored: lostRow('a').row },
    ]);
  });

  it('are named as the project names them; removed ones and ids already listed are left out', () => {
    const rows = [lostRow('a'), lostRow('b'), lostRow('c')];
    const info = [
      { documentId: 'a', title: 'Renamed', attributes: {}, removed: false, updatedAt: '2024-05-02T10:00:00.000Z' },
      { documentId: 'b', title: null, attributes: {}, removed: true, updatedAt: '2024-05-02T10:00:00.000Z' },
    ];
    expect(unavailableDocuments(rows, new Set(['c']), info).map((d) => [d.id, d.title])).toEqual([['a', 'Renamed']]);
  });
});
