import { describe, expect, it } from 'vitest';
import type { Code, DocumentMemo, Segment } from '../../domain/model';
import { PROJECT_MEMO_KEY } from '../../domain/projectMemo';
import { collectMemos, memoCsvRows, searchMemos, MEMO_KINDS, type MemoKind } from './memos';

const T = '2026-01-01T00:00:00.000Z';
const code: Code = { id: 'c1', name: 'FTF', colour: '#336699', description: 'Foreign fighters', parentId: null, shortcut: null, createdAt: T, updatedAt: T };
const segment: Segment = {
  id: 's1', documentId: 'doc-2', documentHash: 'h', start: 0, end: 5, quote: 'Mosul', prefix: '', suffix: '',
  codings: [{ id: 'k1', codeId: 'c1', coder: 'ada', createdAt: T }], memo: 'A place', createdAt: T, updatedAt: T,
};
const memos: DocumentMemo[] = [
  { documentId: 'doc-2', text: 'Second statement', updatedAt: T },
  { documentId: PROJECT_MEMO_KEY, text: 'Why the Coalition frames returnees as a persistent threat', updatedAt: T },
  { documentId: 'doc-1', text: 'First statement', updatedAt: T },
];
const titles = new Map([['doc-1', 'Brussels'], ['doc-2', 'Paris']]);
const ALL = new Set(Object.keys(MEMO_KINDS) as MemoKind[]);

describe('the memo list', () => {
  const entries = collectMemos([code], memos, [segment], titles, ['doc-1', 'doc-2'], 'Coalition study');

  it('shows the project memo first, about the project, then documents, passages and codes', () => {
    expect(entries.map((e) => [e.kind, e.about])).toEqual([
      ['project', 'Coalition study'],
      ['document', 'Brussels'],
      ['document', 'Paris'],
      ['segment', 'Paris'],
      ['code', 'FTF'],
    ]);
  });

  it('finds the project memo by its text and leaves it out when its kind is unticked', () => {
    expect(searchMemos(entries, 'persistent THREAT', ALL).map((e) => e.kind)).toEqual(['project']);
    expect(searchMemos(entries, 'persistent threat', new Set<MemoKind>(['document', 'segment', 'code']))).toEqual([]);
  });

  it('saves it as a CSV row of its own, with no document', () => {
    expect(memoCsvRows(entries.slice(0, 1))).toEqual([['Project memo', 'Coalition study', memos[1]!.text, '', '', '', T]]);
  });
});
