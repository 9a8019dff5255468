/**
 * The project memo: the analyst's notes on the study as a whole (research questions, decisions,
 * the state of the analysis). It is a row of the memos table like a document's memo, keyed by
 * PROJECT_MEMO_KEY instead of a document id, so it is stored, undone, journalled to the project
 * file and restored exactly as document memos are. No document id can take that key: ids are
 * letters, digits and `- _ . :` only (common/contract.ts DocumentIdSchema, formats/fileIds.ts).
 */
import type { Change } from './change';
import { ChangeRecorder, type OpContext } from './context';
import type { DocumentMemo } from './model';

export const PROJECT_MEMO_KEY = '#project';

export const isProjectMemo = (memo: Pick<DocumentMemo, 'documentId'>) => memo.documentId === PROJECT_MEMO_KEY;

export function projectMemoOf(memos: readonly DocumentMemo[]): DocumentMemo | null {
  return memos.find(isProjectMemo) ?? null;
}

/** The memos that belong to documents (every memo but the project's). */
export function documentMemos(memos: readonly DocumentMemo[]): DocumentMemo[] {
  return memos.filter((m) => !isProjectMemo(m));
}

/** Writes the project memo; an empty text removes it. One undoable change ("Edit project memo"). */
export function setProjectMemo(existing: DocumentMemo | null, text: string, ctx: OpContext): Change {
  const rec = new ChangeRecorder();
  if (text.trim() === '') {
    if (existing) rec.put('memos', PROJECT_MEMO_KEY, existing, null);
  } else if (!existing || existing.text !== text) {
    rec.put('memos', PROJECT_MEMO_KEY, existing, { documentId: PROJECT_MEMO_KEY, text, updatedAt: ctx.now });
  }
  return rec.build('Edit project memo');
}
