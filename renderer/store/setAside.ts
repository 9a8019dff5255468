/**
 * Stored rows that do not validate when read (a code without a name, a segment without offsets
 * — written by an older or broken build, or by hand): one such row used to blank the whole app.
 * They are set aside: left untouched in the database, kept out of the project, and listed with
 * their table, key, reason and raw content so the analyst can see and save them.
 */
import type { ZodError, ZodType } from 'zod';
import { AttributeSchema, CodeSchema, DocumentInfoSchema, DocumentMemoSchema, ImportedDocumentSchema, SavedSearchSchema, SegmentSchema } from '../domain/model';
import { isWellFormedCode } from './codeCheck';
import { isWellFormedSegment } from './segmentCheck';

export type StoredTable = 'codes' | 'segments' | 'memos' | 'documents' | 'attributes' | 'documentInfo' | 'savedSearches';

export interface SetAsideRow {
  table: StoredTable;
  /** The row's primary key as stored. */
  key: string;
  reason: string;
  /** The row exactly as read. */
  row: unknown;
}

interface Screen {
  schema: ZodType;
  keyField: string;
  /** A quick check that passes only rows the schema accepts (zod costs ~0.6 s per 100,000 segments without eval). */
  quick?: (row: unknown) => boolean;
}

const SCREENS: Record<StoredTable, Screen> = {
  codes: { schema: CodeSchema, keyField: 'id', quick: isWellFormedCode },
  segments: { schema: SegmentSchema, keyField: 'id', quick: isWellFormedSegment },
  memos: { schema: DocumentMemoSchema, keyField: 'documentId' },
  documents: { schema: ImportedDocumentSchema, keyField: 'id' },
  attributes: { schema: AttributeSchema, keyField: 'id' },
  documentInfo: { schema: DocumentInfoSchema, keyField: 'documentId' },
  savedSearches: { schema: SavedSearchSchema, keyField: 'id' },
};

function describe(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid row';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function keyOf(row: unknown, field: string): string {
  const key = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[field] : undefined;
  return key === undefined ? '(no key)' : String(key);
}

/** Splits rows read from `table` into those the app can use (as stored) and those set aside. */
export function screenRows<T>(table: StoredTable, rows: readonly unknown[]): { rows: T[]; setAside: SetAsideRow[] } {
  const { schema, keyField, quick } = SCREENS[table];
  const good: T[] = [];
  const setAside: SetAsideRow[] = [];
  for (const row of rows) {
    if (quick?.(row)) {
      good.push(row as T);
      continue;
    }
    const result = schema.safeParse(row);
    if (result.success) good.push(row as T);
    else setAside.push({ table, key: keyOf(row, keyField), reason: describe(result.error), row });
  }
  return { rows: good, setAside };
}

/** The rows set aside so far, by table and key; observable, for the notice that lists them. */
export class SetAsideRows {
  private readonly byKey = new Map<string, SetAsideRow>();
  private snapshot: readonly SetAsideRow[] = [];
  private readonly listeners = new Set<() => void>();

  list = (): readonly SetAsideRow[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A whole table was read: its set-aside rows are now exactly `found` (rows since fixed or deleted drop out). */
  replaceTable(table: StoredTable, found: readonly SetAsideRow[]): void {
    const stale = [...this.byKey.values()].filter((r) => r.table === table);
    if (stale.length === 0 && found.length === 0) return;
    for (const r of stale) this.byKey.delete(`${r.table}/${r.key}`);
    this.add(found);
    if (found.length === 0) this.publish();
  }

  /** Part of a table was read (one document's segments). */
  add(found: readonly SetAsideRow[]): void {
    if (found.length === 0) return;
    for (const r of found) this.byKey.set(`${r.table}/${r.key}`, r);
    this.publish();
  }

  private publish(): void {
    this.snapshot = [...this.byKey.values()];
    for (const listener of this.listeners) listener();
  }
}
