/**
 * Opens the project database, seeds the default codebook on the very first run, and wires
 * the repository and the undo history. Any failure comes back as a StorageError.
 */
import Dexie, { type DexieOptions } from 'dexie';
import { CodeSchema, type Code } from '../domain/model';
import { CURRENT_SCHEMA_VERSION, DEFAULT_DB_NAME, MarginaliaDb, installedSchemaVersion } from './db';
import { InvalidRowError, toStorageError } from './errors';
import { installedNativeVersion } from './installedVersion';
import { History } from '../project/history';
import { journalingRepository, type JournalTarget, type StoredChange } from './outbox';
import { createDexieRepository, type ProjectRepository } from './repository';

/** Settings row set once the default codebook has been offered, so deleting every code later doesn't bring it back. */
export const SEEDED_KEY = 'seeded';

export interface OpenProjectOptions {
  /** Database name; "marginalia" by default (tests use their own). */
  name?: string;
  /** IndexedDB implementation, e.g. fake-indexeddb in tests; the browser's by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** The default codebook, written only on the first run. */
  seed: () => Code[];
  /** With a project file: every change is also queued for its journal (store/outbox.ts). */
  journal?: { target: JournalTarget; onStored: (change: StoredChange, projectId: string) => void };
}

export interface OpenedProject {
  repo: ProjectRepository;
  history: History;
  db: MarginaliaDb;
}

/**
 * Writes the seed codes and the `seeded` flag in one transaction. A database that already has
 * codes (e.g. from a build older than the flag) is only flagged, never mixed with the seed.
 */
export async function seedIfFirstRun(db: MarginaliaDb, seed: () => Code[]): Promise<boolean> {
  return db.transaction('rw', db.codes, db.settings, async () => {
    if (await db.settings.get(SEEDED_KEY)) return false;
    const hasCodes = (await db.codes.count()) > 0;
    if (!hasCodes) {
      const codes = seed();
      for (const code of codes) {
        const result = CodeSchema.safeParse(code);
        if (!result.success) throw new InvalidRowError(`seed code ${code.id}: ${result.error.issues[0]?.message}`);
      }
      await db.codes.bulkPut(codes);
    }
    await db.settings.put({ key: SEEDED_KEY, value: new Date().toISOString() });
    return !hasCodes;
  });
}

export async function openProject(options: OpenProjectOptions): Promise<OpenedProject> {
  const dexieOptions: DexieOptions = {};
  // Only pass what was given: an explicit `undefined` would hide the browser's own IndexedDB.
  if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const name = options.name ?? DEFAULT_DB_NAME;
  let db: MarginaliaDb | undefined;
  try {
    await refuseNewerDatabase(options.indexedDB ?? globalThis.indexedDB, name);
    db = new MarginaliaDb(name, dexieOptions);
    await db.open();
    // Another window of a newer build may have upgraded it in between: check again, still refuse.
    refuseNewerSchema(installedSchemaVersion(db));
    await seedIfFirstRun(db, options.seed);
  } catch (err) {
    db?.close();
    throw toStorageError(err, 'open');
  }
  const stored = createDexieRepository(db);
  const repo = options.journal ? journalingRepository(stored, db, options.journal.target, options.journal.onStored) : stored;
  return { repo, history: new History(repo), db };
}

/**
 * Rows a newer build wrote may not fit this build's model, and opening such a database with Dexie
 * may already change it: read its version without opening it, and refuse before Dexie does.
 * Without IndexedDB at all there is nothing to read; Dexie then reports it unavailable.
 */
async function refuseNewerDatabase(factory: IDBFactory | undefined, name: string): Promise<void> {
  if (factory === undefined) return;
  const native = await installedNativeVersion(factory, name);
  // Dexie stores schema version n as native version n*10 (+1 per automatic patch).
  if (native !== null) refuseNewerSchema(Math.floor(native / 10));
}

function refuseNewerSchema(installed: number): void {
  if (installed > CURRENT_SCHEMA_VERSION) {
    throw new Dexie.VersionError(`database schema ${installed} is newer than ${CURRENT_SCHEMA_VERSION}`);
  }
}
