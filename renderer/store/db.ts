/**
 * The IndexedDB schema, versioned from the start. Every past version stays defined here:
 * Dexie needs the full history to upgrade any older database a user may still have, and the
 * upgrade test builds a real v1 database from `defineSchemaV1`.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { ProjectPatch, ProjectSettings } from '../../common/projectFile';
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment } from '../domain/model';

export const DEFAULT_DB_NAME = 'marginalia';

/** A change waiting for the project file: for which project, and the change as the journal takes it. */
export interface OutboxRow {
  /** Increasing: the change's number `n` for main, which writes a change sent twice once. */
  key?: number;
  projectId: string;
  change: { kind: 'patch'; label: string; patch: ProjectPatch } | { kind: 'settings'; settings: ProjectSettings };
}

/** A settings row: one per setting key, plus internal flags such as `seeded`. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export const SCHEMA_V1 = {
  codes: 'id, parentId, name',
  segments: 'id, documentId, *codeIds',
  memos: 'documentId',
  settings: 'key',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  // [documentId+start] lets a document's segments come back already in reading order.
  segments: 'id, documentId, *codeIds, [documentId+start]',
  documents: 'id',
} as const;

/** Codings are rows inside their segment (see model.ts): the multi-entry index on codeIds goes. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  segments: 'id, documentId, [documentId+start]',
} as const;

/** Document attributes and what the project says about each document (title, values, removed). */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  attributes: 'id',
  documentInfo: 'documentId',
} as const;

/**
 * Changes waiting to be written to the project file (store/outbox.ts): written in the same
 * transaction as the change itself, removed once main has appended them to the journal.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  outbox: '++key',
} as const;

/** Saved searches become rows of their own (they were one settings row, `savedSearches`). */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  savedSearches: 'id',
} as const;

export function defineSchemaV1(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
}

/** Versions 1 and 2 as the previous build defined them (the v3 upgrade test starts from here). */
export function defineSchemaV2(db: Dexie): void {
  defineSchemaV1(db);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
}

/**
 * v1 builds wrote rows before every field was mandatory. Normalise them so every row
 * satisfies today's zod schemas and the UI never meets an `undefined` where it expects text.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = new Date().toISOString();
  await tx
    .table('codes')
    .toCollection()
    .modify((code: Record<string, unknown>) => {
      code.description ??= '';
      code.parentId ??= null;
      code.shortcut ??= null;
      code.createdAt ??= now;
      code.updatedAt ??= code.createdAt;
    });
  await tx
    .table('segments')
    .toCollection()
    .modify((segment: Record<string, unknown>) => {
      segment.prefix ??= '';
      segment.suffix ??= '';
      segment.memo ??= '';
      segment.coder ??= '';
      segment.documentHash ??= '';
      segment.createdAt ??= now;
      segment.updatedAt ??= segment.createdAt;
    });
  await tx
    .table('memos')
    .toCollection()
    .modify((memo: Record<string, unknown>) => {
      memo.text ??= '';
      memo.updatedAt ??= now;
    });
}

/**
 * v2 segments carried one coder for all their codes (`codeIds` + `coder`); v3 gives each code
 * a coding of its own, stamped with that coder and the segment's creation time.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('segments')
    .toCollection()
    .modify((segment: Record<string, unknown>) => {
      if (Array.isArray(segment.codings)) return;
      const codeIds = Array.isArray(segment.codeIds) ? (segment.codeIds as unknown[]) : [];
      const coder = typeof segment.coder === 'string' ? segment.coder : '';
      segment.codings = [...new Set(codeIds)].map((codeId) => ({
        id: `${String(segment.id)}/${String(codeId)}`,
        codeId,
        coder,
        createdAt: segment.createdAt,
      }));
      delete segment.codeIds;
      delete segment.coder;
    });
}

/**
 * v5 kept the saved searches as one settings row; v6 stores each as a row, so a change (a
 * backup's restore, saving or deleting one) writes them with the rest and Undo takes them back.
 * Entries without an id are dropped (nothing could key them; no build wrote one).
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const row = (await tx.table('settings').get('savedSearches')) as SettingRow | undefined;
  if (!row) return;
  const byId = new Map<string, unknown>();
  for (const search of Array.isArray(row.value) ? (row.value as unknown[]) : []) {
    const id = typeof search === 'object' && search !== null ? (search as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id !== '') byId.set(id, search);
  }
  await tx.table('savedSearches').bulkPut([...byId.values()]);
  await tx.table('settings').delete('savedSearches');
}

export const CURRENT_SCHEMA_VERSION = 6;

/**
 * The schema version the database on disk was last upgraded to. Dexie stores version n as
 * native version n*10 (+1 per automatic schema patch), and since Dexie 4 it silently opens a
 * database a newer build upgraded, so this is how we notice one.
 */
export function installedSchemaVersion(db: Dexie): number {
  return Math.floor(db.backendDB().version / 10);
}

export class MarginaliaDb extends Dexie {
  declare codes: Table<Code, string>;
  declare segments: Table<Segment, string>;
  declare memos: Table<DocumentMemo, string>;
  declare settings: Table<SettingRow, string>;
  declare documents: Table<ImportedDocument, string>;
  declare attributes: Table<Attribute, string>;
  declare documentInfo: Table<DocumentInfo, string>;
  declare outbox: Table<OutboxRow, number>;
  declare savedSearches: Table<SavedSearch, string>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    defineSchemaV2(this);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    // Two new tables, nothing to convert.
    this.version(4).stores(SCHEMA_V4);
    // A new table, nothing to convert.
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
  }
}
