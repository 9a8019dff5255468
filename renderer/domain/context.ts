/**
 * What every domain operation needs from the outside world — the time and fresh ids — passed
 * in explicitly so operations stay pure and tests deterministic; plus the recorder that turns
 * "row before / row after" pairs into a Change whose backward patch restores exactly.
 */
import { emptyPatch, rowsById, type Change, type Patch } from './change';
import { newId } from './ids';

export interface OpContext {
  /** ISO timestamp stamped on every row this operation writes. */
  now: string;
  newId: () => string;
}

/** A context for one user action, taken now. Create one per action: `now` is fixed. */
export function defaultContext(): OpContext {
  return { now: new Date().toISOString(), newId };
}

type TableName = keyof Patch;
type RowOf<K extends TableName> = NonNullable<NonNullable<Patch[K]>[string]>;

/**
 * Collects row writes for one change. Writing the same key twice keeps the first "before"
 * (what backward must restore) and the last "after" (what forward writes).
 */
export class ChangeRecorder {
  private readonly forward = emptyPatch();
  private readonly backward = emptyPatch();

  put<K extends TableName>(table: K, key: string, before: RowOf<K> | null, after: RowOf<K> | null): void {
    // attributes, documentInfo and savedSearches exist only in changes that write them (see emptyPatch).
    const tables = (patch: Patch) => patch as Record<TableName, Record<string, RowOf<K> | null> | undefined>;
    const fwd = (tables(this.forward)[table] ??= rowsById());
    const back = (tables(this.backward)[table] ??= rowsById());
    if (!(key in back)) back[key] = before;
    fwd[key] = after;
  }

  build(label: string): Change {
    return { label, forward: this.forward, backward: this.backward };
  }
}

/** True when a change writes nothing (e.g. renaming a code to its own name). */
export function isEmptyChange(change: Change): boolean {
  const tables = Object.values(change.forward) as Array<Record<string, unknown>>;
  return tables.every((rows) => Object.keys(rows).length === 0);
}

/**
 * Applies one table of a patch to an in-memory keyed collection (null deletes). Lets in-memory
 * views and tests replay a change exactly as the store does.
 */
export function applyRows<T>(rows: Map<string, T>, table: Record<string, T | null>): void {
  for (const [key, row] of Object.entries(table)) {
    if (row === null) rows.delete(key);
    else rows.set(key, row);
  }
}
