import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../domain/change';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V3 } from './db';
import { StorageError } from './errors';
import { installedNativeVersion } from './installedVersion';
import { openProject, SEEDED_KEY } from './openProject';
import { freshIndexedDb, makeCode } from './testFixtures';

const seedCodes = () => [makeCode('seed-1', { name: 'Trust' }), makeCode('seed-2', { name: 'Distance', parentId: 'seed-1' })];

describe('openProject', () => {
  it('seeds the default codebook on first run only', async () => {
    const deps = freshIndexedDb();
    let seedCalls = 0;
    const seed = () => {
      seedCalls++;
      return seedCodes();
    };
    const first = await openProject({ ...deps, seed });
    expect((await first.repo.loadCodes()).map((c) => c.id).sort()).toEqual(['seed-1', 'seed-2']);
    expect(first.db.name).toBe('marginalia');
    expect(await first.db.settings.get(SEEDED_KEY)).toBeDefined();

    // The analyst deletes every code; reopening must not bring the seed back.
    await first.history.do({
      label: 'Delete all codes',
      forward: { ...emptyPatch(), codes: { 'seed-1': null, 'seed-2': null } },
      backward: emptyPatch(),
    });
    first.repo.close();

    const second = await openProject({ ...deps, seed });
    expect(await second.repo.loadCodes()).toEqual([]);
    expect(seedCalls).toBe(1);
    expect(second.history.canUndo).toBe(false);
    second.repo.close();
  });

  it('does not mix the seed into a database that already has codes', async () => {
    const deps = freshIndexedDb();
    const legacy = new Dexie('proj', deps);
    legacy.version(1).stores({ codes: 'id, parentId, name', segments: 'id, documentId, *codeIds', memos: 'documentId', settings: 'key' });
    await legacy.open();
    await legacy.table('codes').put(makeCode('mine'));
    legacy.close();

    const { repo } = await openProject({ ...deps, name: 'proj', seed: seedCodes });
    expect((await repo.loadCodes()).map((c) => c.id)).toEqual(['mine']);
    repo.close();
  });

  it('refuses an invalid seed without writing anything', async () => {
    const deps = freshIndexedDb();
    const error = await openProject({ ...deps, seed: () => [makeCode('x', { colour: 'blue' })] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-data' });
    const { repo } = await openProject({ ...deps, seed: seedCodes });
    expect((await repo.loadCodes()).length).toBe(2);
    repo.close();
  });

  it('explains a database written by a newer version without touching it: rows, version, stores and indexes', async () => {
    const deps = freshIndexedDb();
    // A newer build's schema: one more table, and a segments table without an index this build
    // declares — Dexie would "repair" that by adding the index (an upgrade) if it opened first.
    const futureSchema = { ...SCHEMA_V3, segments: 'id, documentId', annotations: 'id, segmentId' };
    const future = new Dexie('future', deps);
    future.version(CURRENT_SCHEMA_VERSION + 1).stores(futureSchema);
    await future.open();
    await future.table('codes').put(makeCode('from-the-future'));
    await future.table('annotations').put({ id: 'a1', segmentId: 's1' });
    future.close();
    const before = await describeDatabase(deps.indexedDB, 'future');

    const error = await openProject({ ...deps, name: 'future', seed: seedCodes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'version' });
    expect((error as StorageError).userMessage).toMatch(/newer version of Marginalia/);

    const after = await describeDatabase(deps.indexedDB, 'future');
    expect(after).toEqual(before);
    expect(after.version).toBe((CURRENT_SCHEMA_VERSION + 1) * 10);
    expect(after.stores.segments).toEqual({ keyPath: 'id', indexes: ['documentId'] });
    expect(after.rows.codes).toEqual([makeCode('from-the-future')]);
    expect(after.rows.settings).toEqual([]);
  });

  it('finds the installed version without indexedDB.databases() too, and creates no database while looking', async () => {
    const deps = freshIndexedDb();
    const future = new Dexie('future', deps);
    future.version(CURRENT_SCHEMA_VERSION + 2).stores(SCHEMA_V3);
    await future.open();
    future.close();
    // An IDBFactory without databases() (older engines): only open and deleteDatabase.
    const factory = deps.indexedDB;
    const withoutList = { open: factory.open.bind(factory), deleteDatabase: factory.deleteDatabase.bind(factory), cmp: factory.cmp.bind(factory) } as IDBFactory;
    const native = (CURRENT_SCHEMA_VERSION + 2) * 10;
    expect(await installedNativeVersion(withoutList, 'future')).toBe(native);
    expect(await installedNativeVersion(withoutList, 'never-created')).toBeNull();
    expect(await installedNativeVersion(factory, 'future')).toBe(native);
    expect((await factory.databases()).map((d) => d.name)).toEqual(['future']);

    const error = await openProject({ ...deps, indexedDB: withoutList, name: 'future', seed: seedCodes }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'version' });
    expect((await describeDatabase(factory, 'future')).version).toBe(native);
  });

  it('explains that IndexedDB is unavailable', async () => {
    // Node has no global indexedDB, so without an injected one Dexie has nothing to open.
    expect(globalThis.indexedDB).toBeUndefined();
    const error = await openProject({ name: 'nowhere', seed: seedCodes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'unavailable' });
  });
});

interface DatabaseShape {
  version: number;
  stores: Record<string, { keyPath: unknown; indexes: string[] }>;
  rows: Record<string, unknown[]>;
}

/** Everything IndexedDB says about a database — version, stores, indexes, rows — read without Dexie. */
async function describeDatabase(factory: IDBFactory, name: string): Promise<DatabaseShape> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...db.objectStoreNames].sort();
  const shape: DatabaseShape = { version: db.version, stores: {}, rows: {} };
  const tx = db.transaction(names, 'readonly');
  for (const storeName of names) {
    const store = tx.objectStore(storeName);
    shape.stores[storeName] = { keyPath: store.keyPath, indexes: [...store.indexNames].sort() };
    shape.rows[storeName] = await new Promise<unknown[]>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  db.close();
  return shape;
}
