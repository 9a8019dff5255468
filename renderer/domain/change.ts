/**
 * A change is the unit of every user action: the rows it writes (forward) and the rows that
 * restore the state before it (backward). The store applies a patch in one transaction, and
 * undo/redo are just the two directions of the same change, so what is stored always equals
 * what is shown.
 */
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment } from './model';

/** Rows to write per table, keyed by primary key; `null` deletes the row. */
export interface Patch {
  codes: Record<string, Code | null>;
  segments: Record<string, Segment | null>;
  memos: Record<string, DocumentMemo | null>;
  /** Documents brought in by an import (the bundled corpus itself is never stored). */
  documents: Record<string, ImportedDocument | null>;
  /** Document attributes the analyst defined (absent in changes that touch none). */
  attributes?: Record<string, Attribute | null>;
  /** Titles, attribute values and removals of documents, keyed by document id (absent when untouched). */
  documentInfo?: Record<string, DocumentInfo | null>;
  /** Searches the analyst named in the Search view (absent when untouched). */
  savedSearches?: Record<string, SavedSearch | null>;
}

export interface Change {
  /** Shown in the Undo/Redo menu items, e.g. "Apply code FTF". */
  label: string;
  forward: Patch;
  backward: Patch;
}

/**
 * Rows keyed by id in an object without a prototype: ids are data from files and analysts, and
 * an id such as "__proto__" or "constructor" must be a key like any other, never an inherited
 * property (a plain {} would silently drop or misread such a row).
 */
export function rowsById<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The four tables every change has; attributes, documentInfo and savedSearches appear only in changes that write them. */
export const emptyPatch = (): Patch => ({ codes: rowsById(), segments: rowsById(), memos: rowsById(), documents: rowsById() });

const PATCH_TABLES: readonly (keyof Patch)[] = ['codes', 'segments', 'memos', 'documents', 'attributes', 'documentInfo', 'savedSearches'];

export function invert(change: Change): Change {
  return { label: change.label, forward: change.backward, backward: change.forward };
}

/**
 * One change that does `first` then `second` (e.g. create a code and apply it: one Undo step).
 * Forward writes the last row each key ends with; backward restores each key's row from before
 * `first`, so a row `second` rewrote goes back to what `first` found.
 */
export function combineChanges(label: string, first: Change, second: Change): Change {
  const forward = emptyPatch();
  const backward = emptyPatch();
  for (const table of PATCH_TABLES) {
    if (!first.forward[table] && !second.forward[table]) continue;
    const rows = forward as Record<keyof Patch, Record<string, unknown> | undefined>;
    const undo = backward as Record<keyof Patch, Record<string, unknown> | undefined>;
    rows[table] = Object.assign(rowsById(), first.forward[table], second.forward[table]);
    undo[table] = Object.assign(rowsById(), second.backward[table], first.backward[table]);
  }
  return { label, forward, backward };
}

/** A change refused by a domain rule (duplicate name, cycle, empty span …), with a message for the analyst. */
export class DomainError extends Error {
  override name = 'DomainError';
}
