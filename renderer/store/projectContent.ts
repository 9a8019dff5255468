/**
 * The database's project content as a whole: read (to compare with the project file, or to write
 * it there), and replaced by a project file's content in one transaction — a window closed in
 * the middle leaves the database as it was. Rows are written as the file has them; the
 * repository checks each one against the model when it reads them, and sets aside any that do
 * not fit, as it does for rows it wrote itself.
 */
import { PROJECT_TABLE_NAMES } from '../../common/projectFile';
import type { ProjectTables } from '../../common/projectFile';
import { SettingsSchema } from '../domain/model';
import type { MarginaliaDb } from './db';
import { writeRecord, type OutboxChange, type ProjectRecord } from './outbox';

export interface DatabaseContent {
  /** The project's settings as stored (keys of the settings model only); null when none was ever saved. */
  settings: Record<string, unknown> | null;
  tables: ProjectTables;
}

/** Settings rows that belong to the project (the rest are the database's own: seeded, record, client). */
const PROJECT_SETTING_KEYS = Object.keys(SettingsSchema.shape);

/** Rows per bulkPut while loading: the window paints and the progress moves between them. */
const LOAD_SLICE = 5_000;

export async function hasProjectContent(db: MarginaliaDb): Promise<boolean> {
  for (const table of PROJECT_TABLE_NAMES) if ((await db.table(table).limit(1).count()) > 0) return true;
  return false;
}

export async function readDatabaseContent(db: MarginaliaDb): Promise<DatabaseContent> {
  return db.transaction('r', [...PROJECT_TABLE_NAMES, 'settings'], async () => {
    const tables = {} as ProjectTables;
    for (const table of PROJECT_TABLE_NAMES) tables[table] = await db.table(table).toArray();
    const rows = (await db.settings.bulkGet(PROJECT_SETTING_KEYS)).filter((row) => row !== undefined);
    return { tables, settings: rows.length > 0 ? Object.fromEntries(rows.map((row) => [row!.key, row!.value])) : null };
  });
}

/**
 * Replaces the project in the database with a file's content, and records which file and
 * change it now holds. `onProgress(done, total)` counts rows written. `queue`: changes the file
 * still lacks (a new project's first codebook), queued in the same transaction.
 */
export async function replaceDatabaseContent(
  db: MarginaliaDb,
  content: DatabaseContent,
  record: ProjectRecord,
  onProgress: (done: number, total: number) => void = () => {},
  queue: readonly OutboxChange[] = [],
): Promise<void> {
  const total = PROJECT_TABLE_NAMES.reduce((sum, table) => sum + content.tables[table].length, 0);
  let done = 0;
  onProgress(0, total);
  await db.transaction('rw', [...PROJECT_TABLE_NAMES, 'settings', 'outbox'], async () => {
    for (const table of PROJECT_TABLE_NAMES) {
      const store = db.table(table);
      await store.clear();
      const rows = content.tables[table];
      for (let i = 0; i < rows.length; i += LOAD_SLICE) {
        // Added, not put: the table was just cleared and the file holds each key once.
        await store.bulkAdd(rows.slice(i, i + LOAD_SLICE));
        done += Math.min(LOAD_SLICE, rows.length - i);
        onProgress(done, total);
      }
    }
    await db.settings.bulkDelete(PROJECT_SETTING_KEYS);
    // Only the project's own keys: a file can never overwrite the database's record or client id.
    const settings = Object.entries(content.settings ?? {}).filter(([key]) => PROJECT_SETTING_KEYS.includes(key));
    await db.settings.bulkPut(settings.map(([key, value]) => ({ key, value })));
    await writeRecord(db, record);
    for (const change of queue) await db.outbox.add({ projectId: record.projectId, change });
  });
}
