import { describe, expect, it } from 'vitest';
import { invert } from './change';
import { applyRows } from './context';
import type { DocumentMemo } from './model';
import { documentMemos, PROJECT_MEMO_KEY, projectMemoOf, setProjectMemo } from './projectMemo';

const ctx = (now: string) => ({ now, newId: () => 'unused' });
const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-02T10:00:00.000Z';
const documentMemo: DocumentMemo = { documentId: 'doc-1', text: 'On this statement', updatedAt: T1 };

/** Applies a change's memos to rows as the store does. */
function applied(rows: readonly DocumentMemo[], memos: Record<string, DocumentMemo | null>): DocumentMemo[] {
  const byKey = new Map(rows.map((m) => [m.documentId, m]));
  applyRows(byKey, memos);
  return [...byKey.values()];
}

describe('the project memo', () => {
  it('is written, rewritten and removed as one undoable change each, beside the document memos', () => {
    const written = setProjectMemo(null, 'Research question: how is the threat framed?', ctx(T1));
    expect(written.label).toBe('Edit project memo');
    let memos = applied([documentMemo], written.forward.memos);
    expect(projectMemoOf(memos)).toEqual({ documentId: PROJECT_MEMO_KEY, text: 'Research question: how is the threat framed?', updatedAt: T1 });
    expect(documentMemos(memos)).toEqual([documentMemo]);

    const rewritten = setProjectMemo(projectMemoOf(memos), 'Decided: code framing first.', ctx(T2));
    memos = applied(memos, rewritten.forward.memos);
    expect(projectMemoOf(memos)?.text).toBe('Decided: code framing first.');
    // Undo gives back the text before, exactly.
    expect(projectMemoOf(applied(memos, invert(rewritten).forward.memos))).toEqual(projectMemoOf(applied([documentMemo], written.forward.memos)));

    const cleared = setProjectMemo(projectMemoOf(memos), '  \n', ctx(T2));
    memos = applied(memos, cleared.forward.memos);
    expect(projectMemoOf(memos)).toBeNull();
    expect(memos).toEqual([documentMemo]);
  });

  it('writes nothing when the text did not change', () => {
    const existing = { documentId: PROJECT_MEMO_KEY, text: 'Same', updatedAt: T1 };
    expect(Object.keys(setProjectMemo(existing, 'Same', ctx(T2)).forward.memos)).toEqual([]);
    expect(Object.keys(setProjectMemo(null, '', ctx(T2)).forward.memos)).toEqual([]);
  });
});
