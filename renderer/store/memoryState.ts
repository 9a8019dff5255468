/**
 * Mirrors a Patch onto in-memory arrays, so the UI can show what was just stored without
 * reloading from IndexedDB. Pure: returns new arrays and leaves untouched tables as the same
 * array (React can skip re-rendering views over them).
 */
import type { Patch } from '../domain/change';
import type { Code, DocumentMemo, ImportedDocument, Segment } from '../domain/model';

export interface ProjectArrays {
  codes: Code[];
  segments: Segment[];
  memos: DocumentMemo[];
  documents: ImportedDocument[];
}

/** Updated rows keep their position; new rows are appended in patch order; null removes. */
function applyToRows<T>(rows: T[], changes: Record<string, T | null> | undefined, keyOf: (row: T) => string): T[] {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return rows;
  const pending = new Map(entries);
  const result: T[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (!pending.has(key)) {
      result.push(row);
      continue;
    }
    const replacement = pending.get(key);
    pending.delete(key);
    if (replacement) result.push(replacement);
  }
  for (const replacement of pending.values()) if (replacement) result.push(replacement);
  return result;
}

export function applyPatchToArrays(state: ProjectArrays, patch: Patch): ProjectArrays {
  return {
    codes: applyToRows(state.codes, patch.codes, (c) => c.id),
    segments: applyToRows(state.segments, patch.segments, (s) => s.id),
    memos: applyToRows(state.memos, patch.memos, (m) => m.documentId),
    documents: applyToRows(state.documents, patch.documents, (d) => d.id),
  };
}
