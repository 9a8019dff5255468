/**
 * The only door to persistence the UI uses. Dexie stays behind it, so features can be tested
 * against any implementation of `ProjectRepository` and storage errors arrive as StorageError.
 */
import Dexie, { type Table } from 'dexie';
import type { ZodType } from 'zod';
import type { Patch } from '../domain/change';
import {
  AttributeSchema,
  CodeSchema,
  DocumentInfoSchema,
  DocumentMemoSchema,
  ImportedDocumentSchema,
  SavedSearchSchema,
  SegmentSchema,
  SettingsSchema,
  type Attribute,
  type Code,
  type DocumentInfo,
  type DocumentMemo,
  type ImportedDocument,
  type SavedSearch,
  type Segment,
  type Settings,
} from '../domain/model';
import type { MarginaliaDb } from './db';
import { InvalidRowError, toStorageError, type StorageOperation } from './errors';
import { screenRows, SetAsideRows, type StoredTable } from './setAside';

/** Rows written per bulkPut of one change (see applyPatch). */
const WRITE_SLICE = 500;

export interface ProjectRepository {
  loadCodes(): Promise<Code[]>;
  /** One document's segments, in reading order (by start offset). */
  loadSegments(documentId: string): Promise<Segment[]>;
  loadAllSegments(): Promise<Segment[]>;
  loadMemos(): Promise<DocumentMemo[]>;
  loadImportedDocuments(): Promise<ImportedDocument[]>;
  loadAttributes(): Promise<Attribute[]>;
  loadDocumentInfo(): Promise<DocumentInfo[]>;
  loadSavedSearches(): Promise<SavedSearch[]>;
  /** Stored settings over `defaults`; a stored value that no longer validates falls back to its default. */
  getSettings(defaults: Settings): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Writes every table of the patch in one transaction: all of it lands, or none of it. `label`
   * names the change ("Apply code FTF", "Undo: …") for the project file's journal.
   */
  applyPatch(patch: Patch, label?: string): Promise<void>;
  /** Stored rows that did not validate when read: left in the database, kept out of the loads above, listed here. */
  readonly setAside: SetAsideRows;
  close(): void;
}

type PatchTable = keyof Patch;

interface TableSpec {
  schema: ZodType;
  primaryKey: (row: never) => string;
}

const TABLE_SPECS: Record<PatchTable, TableSpec> = {
  codes: { schema: CodeSchema, primaryKey: (row: Code) => row.id },
  segments: { schema: SegmentSchema, primaryKey: (row: Segment) => row.id },
  memos: { schema: DocumentMemoSchema, primaryKey: (row: DocumentMemo) => row.documentId },
  documents: { schema: ImportedDocumentSchema, primaryKey: (row: ImportedDocument) => row.id },
  attributes: { schema: AttributeSchema, primaryKey: (row: Attribute) => row.id },
  documentInfo: { schema: DocumentInfoSchema, primaryKey: (row: DocumentInfo) => row.documentId },
  savedSearches: { schema: SavedSearchSchema, primaryKey: (row: SavedSearch) => row.id },
};

const PATCH_TABLES = Object.keys(TABLE_SPECS) as PatchTable[];

interface TableWrites {
  puts: unknown[];
  deletes: string[];
}

/**
 * Checks every row against its schema and its patch key before anything is written, so a bug
 * upstream cannot persist garbage. The original row is stored (not the parsed copy) so the
 * database holds exactly what the UI mirrors with applyChangeToTables.
 */
export function validatePatch(patch: Patch): Record<PatchTable, TableWrites> {
  const writes = {} as Record<PatchTable, TableWrites>;
  for (const table of PATCH_TABLES) {
    const spec = TABLE_SPECS[table];
    const tableWrites: TableWrites = { puts: [], deletes: [] };
    for (const [key, row] of Object.entries(patch[table] ?? {})) {
      if (row === null) {
        tableWrites.deletes.push(key);
        continue;
      }
      const result = spec.schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        throw new InvalidRowError(`${table}/${key}${where}: ${issue?.message ?? 'invalid row'}`);
      }
      const rowKey = (spec.primaryKey as (r: unknown) => string)(row);
      if (rowKey !== key) throw new InvalidRowError(`${table}/${key}: row is keyed "${rowKey}"`);
      tableWrites.puts.push(row);
    }
    writes[table] = tableWrites;
  }
  return writes;
}

/** Runs a storage call, turning whatever it throws into a StorageError. */
async function guarded<T>(operation: StorageOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toStorageError(err, operation);
  }
}

/** Rows per read of a whole table (see readInChunks). */
const READ_CHUNK = 10_000;

/**
 * Reads a whole table in primary-key order, one transaction per chunk. One read of 100,000
 * segments held the main thread for ~2.5 s at once and, worse, a coding made meanwhile could
 * not be stored until it ended (a write waits for an earlier read of the same table); in
 * chunks, both get a turn between them.
 */
export async function readInChunks<T extends { id: string }>(table: Table<T, string>, size = READ_CHUNK): Promise<T[]> {
  const rows: T[] = [];
  let last: string | undefined;
  for (;;) {
    const chunk = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray();
    for (const row of chunk) rows.push(row);
    if (chunk.length < size) return rows;
    last = chunk[chunk.length - 1]!.id;
  }
}

export function createDexieRepository(db: MarginaliaDb): ProjectRepository {
  const setAside = new SetAsideRows();
  /** Rows of a whole table, valid ones only; the others are listed in `setAside`. */
  const whole = async <T>(table: StoredTable, read: Promise<unknown[]>): Promise<T[]> => {
    const screened = screenRows<T>(table, await read);
    setAside.replaceTable(table, screened.setAside);
    return screened.rows;
  };
  /** Rows of part of a table (one document's segments). */
  const part = async <T>(table: StoredTable, read: Promise<unknown[]>): Promise<T[]> => {
    const screened = screenRows<T>(table, await read);
    setAside.add(screened.setAside);
    return screened.rows;
  };
  return {
    setAside,

    loadCodes: () => guarded('load', () => whole('codes', db.codes.toArray())),

    loadSegments: (documentId) =>
      guarded('load', () =>
        part(
          'segments',
          db.segments
            .where('[documentId+start]')
            .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey], true, true)
            .toArray(),
        ),
      ),

    loadAllSegments: () => guarded('load', () => whole('segments', readInChunks(db.segments))),

    loadMemos: () => guarded('load', () => whole('memos', db.memos.toArray())),

    loadImportedDocuments: () => guarded('load', () => whole('documents', db.documents.toArray())),

    loadAttributes: () => guarded('load', () => whole('attributes', db.attributes.toArray())),

    loadDocumentInfo: () => guarded('load', () => whole('documentInfo', db.documentInfo.toArray())),

    loadSavedSearches: () => guarded('load', () => whole('savedSearches', db.savedSearches.toArray())),

    getSettings: (defaults) =>
      guarded('load', async () => {
        // Every setting the schema knows, also those without a default (stop words …).
        const rows = await db.settings.bulkGet([...new Set([...Object.keys(defaults), ...Object.keys(SettingsSchema.shape)])]);
        const merged: Record<string, unknown> = { ...defaults };
        const shape = SettingsSchema.shape as Record<string, ZodType>;
        for (const row of rows) {
          if (row && shape[row.key]?.safeParse(row.value).success) merged[row.key] = row.value;
        }
        return SettingsSchema.parse(merged);
      }),

    saveSettings: (settings) =>
      guarded('save', async () => {
        const parsed = SettingsSchema.safeParse(settings);
        if (!parsed.success) throw new InvalidRowError(`settings: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        await db.settings.bulkPut(Object.entries(parsed.data).map(([key, value]) => ({ key, value })));
      }),

    applyPatch: (patch) =>
      guarded('save', async () => {
        const writes = validatePatch(patch);
        const touched = PATCH_TABLES.filter((t) => writes[t].puts.length + writes[t].deletes.length > 0);
        if (touched.length === 0) return;
        await db.transaction('rw', touched, async () => {
          for (const table of touched) {
            const { puts, deletes } = writes[table];
            // Typed as the union of tables; rows were validated for this table above.
            const store = db[table] as unknown as Dexie.Table<unknown, string>;
            // In slices: a put clones its row on the main thread, and ten thousand rows in one
            // call held the window for a second; between slices it paints (one transaction still).
            for (let i = 0; i < puts.length; i += WRITE_SLICE) await store.bulkPut(puts.slice(i, i + WRITE_SLICE));
            if (deletes.length > 0) await store.bulkDelete(deletes);
          }
        });
      }),

    close: () => db.close(),
  };
}
