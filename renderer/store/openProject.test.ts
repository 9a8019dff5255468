import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../domain/change';
import { SCHEMA_V3 } from './db';
import { StorageError } from './errors';
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

  it('explains a database written by a newer version', async () => {
    const deps = freshIndexedDb();
    const future = new Dexie('future', deps);
    future.version(4).stores({ ...SCHEMA_V3, annotations: 'id' });
    await future.open();
    await future.table('codes').put(makeCode('from-the-future'));
    future.close();
    const error = await openProject({ ...deps, name: 'future', seed: seedCodes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'version' });
    expect((error as StorageError).userMessage).toMatch(/newer version of Marginalia/);
    // Nothing was written to it: reopening with the newer schema finds its data untouched.
    const again = new Dexie('future', deps);
    again.version(4).stores({ ...SCHEMA_V3, annotations: 'id' });
    expect((await again.table('codes').toArray()).map((c: { id: string }) => c.id)).toEqual(['from-the-future']);
    expect(await again.table('settings').count()).toBe(0);
    again.close();
  });

  it('explains that IndexedDB is unavailable', async () => {
    // Node has no global indexedDB, so without an injected one Dexie has nothing to open.
    expect(globalThis.indexedDB).toBeUndefined();
    const error = await openProject({ name: 'nowhere', seed: seedCodes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'unavailable' });
  });
});
