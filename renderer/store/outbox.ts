/**
 * The outbox: every change stored in the database while a project file is open is also queued
 * here, in the same transaction, so a change the window made is either in the outbox or already
 * in the project's journal — never only in the browser. The sender (project/fileSync/sender.ts)
 * sends the rows in order and removes them once main has appended and fsync'd them.
 *
 * The database also remembers which project it holds and up to which journal change it holds
 * it (`record`), and a random id for itself (`client`), so main writes a change sent twice once.
 */
import type { Patch } from '../domain/change';
import type { Settings } from '../domain/model';
import { PROJECT_TABLE_NAMES } from '../../common/projectFile';
import type { MarginaliaDb, OutboxRow } from './db';
import { StorageError, toStorageError } from './errors';
import type { ProjectRepository } from './repository';

export const RECORD_KEY = 'projectFile';
export const CLIENT_KEY = 'journalClient';

/** Which project file the database holds, and up to which change of its journal (every one up to `seq`). */
export interface ProjectRecord {
  projectId: string;
  seq: number;
}

/** Where stored changes go; changed by the start-up sync and by Save as. */
export interface JournalTarget {
  /** The project changes are queued for; null: no project file, nothing is queued. */
  projectId: string | null;
  /** Why changes cannot be saved (another Marginalia has the project open); null when they can. */
  readOnly: string | null;
}

export type OutboxChange = OutboxRow['change'];
/** A change as the window stored it (the model's own types), for whoever listens. */
export type StoredChange = { kind: 'patch'; label: string; patch: Patch } | { kind: 'settings'; settings: Settings };

/**
 * The repository, with every change queued in the outbox in the same transaction (Dexie runs the
 * inner repository's own transaction inside this one). `onStored` runs once both are stored.
 */
export function journalingRepository(
  inner: ProjectRepository,
  db: MarginaliaDb,
  target: JournalTarget,
  onStored: (change: StoredChange, projectId: string) => void,
): ProjectRepository {
  const queued = async (change: StoredChange, tables: string[], write: () => Promise<void>): Promise<void> => {
    if (target.readOnly !== null) throw new StorageError('unknown', `Not saved: ${target.readOnly}`);
    const projectId = target.projectId;
    if (projectId === null) return write();
    try {
      await db.transaction('rw', [...tables, 'outbox'], async () => {
        await write();
        await db.outbox.add({ projectId, change });
      });
    } catch (err) {
      throw toStorageError(err, 'save');
    }
    onStored(change, projectId);
  };
  return {
    ...inner,
    setAside: inner.setAside,
    applyPatch: (patch: Patch, label = '') =>
      queued({ kind: 'patch', label, patch }, [...PROJECT_TABLE_NAMES], () => inner.applyPatch(patch, label)),
    saveSettings: (settings: Settings) => queued({ kind: 'settings', settings }, ['settings'], () => inner.saveSettings(settings)),
  };
}

/** The oldest waiting changes (all projects), at most `limit`. */
export function readOutbox(db: MarginaliaDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox.orderBy(':id').limit(limit).toArray();
}

export function outboxSize(db: MarginaliaDb): Promise<number> {
  return db.outbox.count();
}

/**
 * Main appended these rows (`seqs`, in order): they leave the outbox, and the record moves on
 * when they follow it without a gap. A gap (a change another browser wrote, or one written long
 * ago and sent again) leaves it where it was: the next start loads the file, which has them all.
 */
export async function acknowledge(db: MarginaliaDb, rows: readonly OutboxRow[], seqs: readonly (number | null)[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.settings, async () => {
    await db.outbox.bulkDelete(rows.map((row) => row.key!));
    const record = await readRecord(db);
    if (record === null || rows.length === 0 || rows.some((row) => row.projectId !== record.projectId)) return;
    let seq = record.seq;
    for (const next of seqs) {
      if (next !== seq + 1) return;
      seq = next;
    }
    await writeRecord(db, { projectId: record.projectId, seq });
  });
}

export async function readRecord(db: MarginaliaDb): Promise<ProjectRecord | null> {
  const row = await db.settings.get(RECORD_KEY);
  const value = row?.value as Partial<ProjectRecord> | undefined;
  return typeof value?.projectId === 'string' && typeof value.seq === 'number' ? { projectId: value.projectId, seq: value.seq } : null;
}

export function writeRecord(db: MarginaliaDb, record: ProjectRecord): Promise<string> {
  return db.settings.put({ key: RECORD_KEY, value: record });
}

/** This database's id for main (made once). */
export async function clientId(db: MarginaliaDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(CLIENT_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = `db-${crypto.randomUUID()}`;
    await db.settings.put({ key: CLIENT_KEY, value: id });
    return id;
  });
}
