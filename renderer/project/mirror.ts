/**
 * Mirrors a stored change onto the in-memory tables, so the UI can show what was just stored
 * without reloading from IndexedDB. Pure: returns new tables and leaves untouched ones as they
 * were (React can skip re-rendering views over them). Segments live in a SegmentTable, which a
 * change touches only where it applies (a project may hold 100,000 of them).
 */
import type { Change } from '../domain/change';
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment } from '../domain/model';
import { SegmentTable } from '../domain/segmentTable';

/** The tables as read from the database. */
export interface ProjectArrays {
  codes: Code[];
  segments: Segment[];
  memos: DocumentMemo[];
  documents: ImportedDocument[];
  /** Absent where a caller has none (tests, older fixtures): none defined. */
  attributes?: Attribute[];
  documentInfo?: DocumentInfo[];
  savedSearches?: SavedSearch[];
}

/** The tables as the UI holds them. */
export interface ProjectTables {
  codes: Code[];
  segments: SegmentTable;
  memos: DocumentMemo[];
  documents: ImportedDocument[];
  attributes: Attribute[];
  documentInfo: DocumentInfo[];
  savedSearches: SavedSearch[];
}

export function toTables(arrays: ProjectArrays): ProjectTables {
  return {
    ...arrays,
    segments: SegmentTable.of(arrays.segments),
    attributes: arrays.attributes ?? [],
    documentInfo: arrays.documentInfo ?? [],
    savedSearches: arrays.savedSearches ?? [],
  };
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

/** Mirrors a change just stored: its forward patch was written, its backward patch is what it replaced. */
export function applyChangeToTables(state: ProjectTables, change: Pick<Change, 'forward' | 'backward'>): ProjectTables {
  const { forward, backward } = change;
  return {
    codes: applyToRows(state.codes, forward.codes, (c) => c.id),
    segments: state.segments.apply(forward.segments ?? {}, backward.segments ?? {}),
    memos: applyToRows(state.memos, forward.memos, (m) => m.documentId),
    documents: applyToRows(state.documents, forward.documents, (d) => d.id),
    attributes: applyToRows(state.attributes, forward.attributes, (a) => a.id),
    documentInfo: applyToRows(state.documentInfo, forward.documentInfo, (d) => d.documentId),
    savedSearches: applyToRows(state.savedSearches, forward.savedSearches, (s) => s.id),
  };
}
