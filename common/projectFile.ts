/**
 * The project file: a folder `<name>.marginalia/` that holds the whole project on disk, open and
 * versioned so a person or a script can read it (README, "Project files"):
 *
 *   project.json    the snapshot: header, settings and every table's rows (this schema)
 *   journal.jsonl   the changes made since the snapshot, one JSON object per line (JournalEntry)
 *   documents/      imported documents' texts, one file each: <sha256>.txt (the text's UTF-8 bytes, no BOM added)
 *   lock            while a Marginalia process has the project open: its pid and host (ProjectLock)
 *   <name>.marginalia-project   the entry file: what a person double-clicks to open the project on
 *                   any system (a folder cannot carry a file association outside macOS); it only
 *                   names the folder around it (main/project/entryFile.ts)
 *
 * State = project.json's tables, then each journal entry with `seq` > project.json's `seq`
 * applied in order: a row puts it under its key, null deletes the key.
 *
 * A document row (in project.json and in the journal) holds no `text`: its text is the file
 * documents/<row.sha256>.txt, whose bytes hash to that SHA-256. Only a row whose `sha256` is not
 * its text's hash (or whose text is not well-formed UTF-16) keeps its `text` inline.
 *
 * Rows are the app's own (renderer/domain/model.ts, the same as in a JSON backup). This file runs
 * everywhere (main reads the folder, the renderer loads the rows), so it checks the structure —
 * tables keyed by their rows' ids — and the renderer checks each row against the model when it
 * loads them, setting aside any that do not fit, as it does for its own database.
 */
import { z } from 'zod';
import { issuesText } from './errorMessage';

export const PROJECT_FILE_FORMAT = 'marginalia-project-file';
/**
 * 4: saved searches are rows of their own table (3 kept them in the settings); 3: imported
 * documents' texts in documents/<sha256>.txt, not in the rows; 2: document attributes and
 * per-document info; 1 had neither. Older versions are read and upgraded.
 */
export const PROJECT_FILE_VERSION = 4;
export const PROJECT_EXTENSION = 'marginalia';
/** The entry file's extension: `Study.marginalia/Study.marginalia-project`. */
export const ENTRY_FILE_EXTENSION = 'marginalia-project';
export const SNAPSHOT_FILE = 'project.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'lock';
export const DOCUMENTS_FOLDER = 'documents';

/** A text's file name in DOCUMENTS_FOLDER, or null when `sha256` is no lower-case hex SHA-256 (never a path of its own). */
export function documentTextFileName(sha256: unknown): string | null {
  return typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256) ? `${sha256}.txt` : null;
}

/** The tables a change writes (renderer/domain/change.ts Patch), each with the field its rows are keyed by. */
export const PROJECT_TABLES = {
  codes: 'id',
  segments: 'id',
  memos: 'documentId',
  documents: 'id',
  attributes: 'id',
  documentInfo: 'documentId',
  savedSearches: 'id',
} as const;
export type ProjectTableName = keyof typeof PROJECT_TABLES;
export const PROJECT_TABLE_NAMES = Object.keys(PROJECT_TABLES) as ProjectTableName[];

/** A row as the file holds it: an object keyed by its table's key field; the rest is the model's. */
export type ProjectRow = Record<string, unknown>;

const Key = z.string().min(1).max(1000);
const IsoDate = z.string().datetime({ offset: true });

/** A row: an object with its key field; its other fields are the model's (checked by the renderer). */
const rowKeyedBy = (field: string) => z.looseObject({ [field]: Key }) as unknown as z.ZodType<ProjectRow>;

/** Every table's rows, as arrays (the snapshot) — one object per row. */
export const ProjectTablesSchema = z
  .object(
    Object.fromEntries(PROJECT_TABLE_NAMES.map((table) => [table, z.array(rowKeyedBy(PROJECT_TABLES[table]))])) as {
      [T in ProjectTableName]: z.ZodArray<z.ZodType<ProjectRow>>;
    },
  )
  .strict();
export type ProjectTables = { [T in ProjectTableName]: ProjectRow[] };

/** Rows to write per table, keyed by their key; null deletes (renderer/domain/change.ts Patch). */
export const ProjectPatchSchema = z
  .object(
    Object.fromEntries(
      PROJECT_TABLE_NAMES.map((table) => [table, z.record(Key, rowKeyedBy(PROJECT_TABLES[table]).nullable()).optional()]),
    ) as { [T in ProjectTableName]: z.ZodOptional<z.ZodRecord<typeof Key, z.ZodNullable<z.ZodType<ProjectRow>>>> },
  )
  .strict()
  .superRefine((patch, ctx) => {
    for (const table of PROJECT_TABLE_NAMES) {
      for (const [key, row] of Object.entries(patch[table] ?? {})) {
        if (row !== null && row[PROJECT_TABLES[table]] !== key) {
          ctx.addIssue({ code: 'custom', path: [table, key], message: `row is keyed "${String(row[PROJECT_TABLES[table]])}"` });
        }
      }
    }
  });
export type ProjectPatch = { [T in ProjectTableName]?: Record<string, ProjectRow | null> };

/** Settings as the app saves them (renderer/domain/model.ts SettingsSchema, checked there). */
export const ProjectSettingsSchema = z.looseObject({});
export type ProjectSettings = Record<string, unknown>;

/** Where the project's corpus documents come from: the corpus that ships with the app, a folder, or none (imported documents only). */
export const ProjectCorpusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundled') }).strict(),
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type ProjectCorpus = z.infer<typeof ProjectCorpusSchema>;

/** A browser database (or desktop window) that writes changes, and the last change it sent: a change sent twice is written once. */
export const ClientMarkSchema = z.object({ n: z.number().int().nonnegative(), seq: z.number().int().nonnegative() }).strict();

export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client id: 8–64 letters, digits, - or _');

export const ProjectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'project id: 8–64 letters, digits, - or _');

/** project.json, version 4. */
export const ProjectSnapshotSchema = z
  .object({
    format: z.literal(PROJECT_FILE_FORMAT),
    version: z.literal(PROJECT_FILE_VERSION),
    id: ProjectIdSchema,
    name: z.string().min(1).max(200),
    createdAt: IsoDate,
    savedAt: IsoDate,
    /** The last journal entry this snapshot includes (0: none yet). */
    seq: z.number().int().nonnegative(),
    corpus: ProjectCorpusSchema,
    clients: z.record(ClientIdSchema, ClientMarkSchema),
    /** null until the app first saves them. */
    settings: ProjectSettingsSchema.nullable(),
    tables: ProjectTablesSchema,
  })
  .strict();
export type ProjectSnapshot = Omit<z.infer<typeof ProjectSnapshotSchema>, 'tables' | 'settings'> & {
  tables: ProjectTables;
  settings: ProjectSettings | null;
};

/** What every journal line says besides its change. */
const JournalHead = {
  seq: z.number().int().positive(),
  at: IsoDate,
  client: ClientIdSchema,
  /** The client's own number for the change (increasing): how a resent change is recognised. */
  n: z.number().int().nonnegative(),
};

/** One line of journal.jsonl (without its trailing `crc32`, see main/project/journal.ts). */
export const JournalEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...JournalHead, kind: z.literal('patch'), label: z.string().max(500), patch: ProjectPatchSchema }).strict(),
  z.object({ ...JournalHead, kind: z.literal('settings'), settings: ProjectSettingsSchema }).strict(),
]);
export type JournalEntry =
  | { seq: number; at: string; client: string; n: number; kind: 'patch'; label: string; patch: ProjectPatch }
  | { seq: number; at: string; client: string; n: number; kind: 'settings'; settings: ProjectSettings };

/** The lock file: who has the project open. */
export const ProjectLockSchema = z
  .object({
    pid: z.number().int().positive(),
    host: z.string().max(255),
    since: IsoDate,
  })
  .strict();
export type ProjectLock = z.infer<typeof ProjectLockSchema>;

/** What to do about a project.json this version cannot read (the journal alone cannot rebuild it). */
export const DAMAGED_ADVICE = 'restore the project folder from a backup copy, or open another project';

/** Upgrades a parsed project.json of any version this build reads to the current one; refuses newer and unknown ones. */
export function upgradeSnapshot(json: unknown): ProjectSnapshot {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('project.json is not a JSON object');
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== PROJECT_FILE_FORMAT) {
    throw new Error(`project.json is not a Marginalia project (format ${JSON.stringify(head.format ?? null)})`);
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new Error(`project.json has no valid version (${JSON.stringify(head.version ?? null)})`);
  }
  if (head.version > PROJECT_FILE_VERSION) {
    throw new Error(
      `project.json is version ${head.version}, written by a newer Marginalia (this one reads versions 1 to ${PROJECT_FILE_VERSION}): update Marginalia to open this project`,
    );
  }
  let current = json as Record<string, unknown>;
  for (let version = head.version; version < PROJECT_FILE_VERSION; version++) current = UPGRADES[version]!(current);
  const parsed = ProjectSnapshotSchema.safeParse(current);
  if (!parsed.success) {
    throw new Error(`project.json is damaged (${issuesText(parsed.error.issues)}): ${DAMAGED_ADVICE}`);
  }
  return parsed.data as ProjectSnapshot;
}

/** UPGRADES[v] turns a version-v project.json into version v+1. */
const UPGRADES: Record<number, (json: Record<string, unknown>) => Record<string, unknown>> = {
  /** Version 1 had no document attributes, no per-document info and no client marks. */
  1: (json) => {
    const tables = (typeof json.tables === 'object' && json.tables !== null ? json.tables : {}) as Record<string, unknown>;
    return { ...json, version: 2, clients: json.clients ?? {}, tables: { ...tables, attributes: [], documentInfo: [] } };
  },
  /**
   * Version 2 held each imported document's text in its row. Those rows stay as they are here
   * (inline text is still read); main moves the texts into documents/ when it writes the folder.
   */
  2: (json) => ({ ...json, version: 3 }),
  /** Version 3 kept the saved searches in the settings; they become the savedSearches table. */
  3: (json) => {
    const tables = (typeof json.tables === 'object' && json.tables !== null ? json.tables : {}) as Record<string, unknown>;
    const settings = typeof json.settings === 'object' && json.settings !== null ? (json.settings as ProjectSettings) : null;
    const { settings: rest, savedSearches } = settings ? withoutSavedSearches(settings) : { settings: null, savedSearches: null };
    return { ...json, version: 4, settings: rest, tables: { ...tables, savedSearches: savedSearches ?? [] } };
  },
};

/**
 * Settings written before version 4 (in project.json, or a journal's settings entry) may hold
 * the saved searches: they are taken out, as the rows of the savedSearches table — the whole
 * list, so it replaces the table; null when the settings hold none. A row without an id is left
 * out (nothing could key it); of two with one id, the later stays.
 */
export function withoutSavedSearches(settings: ProjectSettings): { settings: ProjectSettings; savedSearches: ProjectRow[] | null } {
  const { savedSearches, ...rest } = settings;
  if (savedSearches === undefined) return { settings, savedSearches: null };
  const byId = new Map<string, ProjectRow>();
  for (const row of Array.isArray(savedSearches) ? (savedSearches as unknown[]) : []) {
    const id = typeof row === 'object' && row !== null ? (row as ProjectRow).id : undefined;
    if (typeof id === 'string' && id !== '') byId.set(id, row as ProjectRow);
  }
  return { settings: rest, savedSearches: [...byId.values()] };
}

/** An empty project's snapshot. */
export function emptySnapshot(fields: { id: string; name: string; corpus: ProjectCorpus; now: string }): ProjectSnapshot {
  return {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    id: fields.id,
    name: fields.name,
    createdAt: fields.now,
    savedAt: fields.now,
    seq: 0,
    corpus: fields.corpus,
    clients: {},
    settings: null,
    tables: { codes: [], segments: [], memos: [], documents: [], attributes: [], documentInfo: [], savedSearches: [] },
  };
}

/** A project's name from its folder: "Study 2.marginalia" → "Study 2". */
export function projectNameOf(folderName: string): string {
  return folderName.endsWith(`.${PROJECT_EXTENSION}`) ? folderName.slice(0, -PROJECT_EXTENSION.length - 1) : folderName;
}

/** A folder name made from a project name the analyst typed: no path separators or characters Windows refuses. */
export function projectFolderName(name: string): string {
  return `${safeFileStem(name)}.${PROJECT_EXTENSION}`;
}

/** The entry file's name in a project folder: "Study 2.marginalia" → "Study 2.marginalia-project" (never a hidden file). */
export function entryFileName(folderName: string): string {
  return `${safeFileStem(projectNameOf(folderName))}.${ENTRY_FILE_EXTENSION}`;
}

function safeFileStem(name: string): string {
  const safe = name
    .trim()
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return safe === '' ? 'Untitled' : safe;
}
