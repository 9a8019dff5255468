import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPatch, type Patch } from '../domain/change';
import type { MarginaliaDb } from './db';
import { StorageError } from './errors';
import { createDexieRepository, readInChunks, type ProjectRepository } from './repository';
import { freshDb, makeCode, makeCoding, makeDocument, makeMemo, makeSegment } from './testFixtures';

let db: MarginaliaDb;
let repo: ProjectRepository;

/** Rows in the data tables (settings aside). */
async function storedRows(): Promise<number> {
  const counts = await Promise.all([db.codes.count(), db.segments.count(), db.memos.count(), db.documents.count()]);
  return counts.reduce((a, b) => a + b, 0);
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  repo = createDexieRepository(db);
});
afterEach(() => repo.close());

function patchOf(parts: Partial<Patch>): Patch {
  return { ...emptyPatch(), ...parts };
}

describe('reading a whole table in chunks', () => {
  it('returns every row once, in key order, whatever the chunk size', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    await repo.applyPatch(patchOf({ segments: Object.fromEntries([...ids].reverse().map((id) => [id, makeSegment(id)])) }));
    for (const size of [1, 3, 10, 11, 12]) expect((await readInChunks(db.segments, size)).map((s) => s.id)).toEqual(ids);
    expect((await repo.loadAllSegments()).map((s) => s.id)).toEqual(ids);
  });

  it('lets a write land between chunks', async () => {
    await repo.applyPatch(patchOf({ segments: Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, makeSegment(id)])) }));
    const reading = readInChunks(db.segments, 2);
    // Stored while the read is under way: the write is not held up, and the rows it did not
    // touch are all read. (Whether the read saw it is open: the project store applies
    // changes made during its read again on top.)
    await repo.applyPatch(patchOf({ segments: { e: makeSegment('e'), a: null } }));
    const rows = (await reading).map((s) => s.id);
    expect(rows.filter((id) => id !== 'a' && id !== 'e')).toEqual(['b', 'c', 'd']);
  });
});

describe('round trips', () => {
  it('stores and loads every table', async () => {
    const code = makeCode('c1', { parentId: null, shortcut: 3, description: 'Face to face' });
    const child = makeCode('c2', { parentId: 'c1' });
    const segment = makeSegment('s1', { codings: [makeCoding('c1'), makeCoding('c2')], memo: 'note' });
    const memo = makeMemo('doc-1', 'Memo text');
    const document = makeDocument('imp-1');
    await repo.applyPatch(
      patchOf({ codes: { c1: code, c2: child }, segments: { s1: segment }, memos: { 'doc-1': memo }, documents: { 'imp-1': document } }),
    );
    expect(await repo.loadCodes()).toEqual(expect.arrayContaining([code, child]));
    expect(await repo.loadAllSegments()).toEqual([segment]);
    expect(await repo.loadSegments('doc-1')).toEqual([segment]);
    expect(await repo.loadMemos()).toEqual([memo]);
    expect(await repo.loadImportedDocuments()).toEqual([document]);
  });

  it('stores settings and falls back to defaults for missing or invalid values', async () => {
    expect(await repo.getSettings({ coder: 'Default' })).toEqual({ coder: 'Default' });
    await repo.saveSettings({ coder: 'Ada' });
    expect(await repo.getSettings({ coder: 'Default' })).toEqual({ coder: 'Ada' });
    await db.settings.put({ key: 'coder', value: 42 });
    expect(await repo.getSettings({ coder: 'Default' })).toEqual({ coder: 'Default' });
    await expect(repo.saveSettings({ coder: '   ' })).rejects.toMatchObject({ kind: 'invalid-data' });
  });

});

describe('applyPatch', () => {
  it('puts and deletes rows in the same patch', async () => {
    await repo.applyPatch(patchOf({ codes: { a: makeCode('a'), b: makeCode('b') }, segments: { s1: makeSegment('s1') } }));
    const renamed = makeCode('a', { name: 'Renamed' });
    await repo.applyPatch(patchOf({ codes: { a: renamed, b: null }, segments: { s1: null, s2: makeSegment('s2') } }));
    expect(await repo.loadCodes()).toEqual([renamed]);
    expect((await repo.loadAllSegments()).map((s) => s.id)).toEqual(['s2']);
  });

  it('deleting a row that does not exist is harmless, and an empty patch does nothing', async () => {
    await repo.applyPatch(patchOf({ codes: { ghost: null } }));
    await repo.applyPatch(emptyPatch());
    expect(await storedRows()).toBe(0);
  });

  it('writes 10,000 segments in one patch', async () => {
    const segments: Patch['segments'] = {};
    for (let i = 0; i < 10_000; i++) {
      const id = `s${i}`;
      segments[id] = makeSegment(id, { documentId: `doc-${i % 10}`, start: i, end: i + 5, codings: [makeCoding(`c${i % 7}`)] });
    }
    await repo.applyPatch(patchOf({ segments }));
    expect(await db.segments.count()).toBe(10_000);
    expect((await repo.loadSegments('doc-3')).length).toBe(1_000);
  });

  it('refuses a patch with an invalid row in the middle and writes none of it', async () => {
    await repo.applyPatch(patchOf({ codes: { keep: makeCode('keep') } }));
    const bad = { ...makeCode('bad'), colour: 'red' };
    const patch = patchOf({
      codes: { keep: null, new1: makeCode('new1') },
      segments: { s1: makeSegment('s1'), s2: makeSegment('s2', { codings: [] }), s3: makeSegment('s3') },
      memos: { m: makeMemo('m') },
    });
    await expect(repo.applyPatch(patch)).rejects.toMatchObject({ kind: 'invalid-data' });
    await expect(repo.applyPatch(patchOf({ codes: { bad } }))).rejects.toThrow(/codes\/bad at colour/);
    expect((await repo.loadCodes()).map((c) => c.id)).toEqual(['keep']);
    expect(await db.segments.count()).toBe(0);
    expect(await db.memos.count()).toBe(0);
  });

  it('refuses a row stored under a key that is not its primary key', async () => {
    await expect(repo.applyPatch(patchOf({ memos: { 'doc-2': makeMemo('doc-1') } }))).rejects.toBeInstanceOf(StorageError);
    expect(await db.memos.count()).toBe(0);
  });

  it('rolls back every table when a hook throws inside the transaction', async () => {
    await repo.applyPatch(patchOf({ codes: { old: makeCode('old') } }));
    const failingHook = () => {
      throw new Error('simulated hook failure');
    };
    db.documents.hook('creating', failingHook);
    const patch = patchOf({
      codes: { old: null, c1: makeCode('c1') },
      segments: { s1: makeSegment('s1') },
      memos: { d: makeMemo('d') },
      documents: { x: makeDocument('x') },
    });
    const error = await repo.applyPatch(patch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).userMessage).toContain('simulated hook failure');
    db.documents.hook('creating').unsubscribe(failingHook);
    expect((await repo.loadCodes()).map((c) => c.id)).toEqual(['old']);
    expect(await db.segments.count()).toBe(0);
    expect(await db.memos.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('rolls back when a table write rejects with a quota error, and says so', async () => {
    const realBulkDelete = db.memos.bulkDelete.bind(db.memos);
    db.memos.bulkDelete = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof realBulkDelete;
    try {
      const error = await repo
        .applyPatch(patchOf({ codes: { c1: makeCode('c1') }, memos: { a: makeMemo('a'), gone: null } }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'quota' });
    } finally {
      db.memos.bulkDelete = realBulkDelete;
    }
    expect(await storedRows()).toBe(0);
  });

  it('reports a closed database as a StorageError', async () => {
    repo.close();
    await expect(repo.applyPatch(patchOf({ codes: { c1: makeCode('c1') } }))).rejects.toMatchObject({ kind: 'closed' });
    await expect(repo.loadCodes()).rejects.toMatchObject({ kind: 'closed' });
  });
});

describe('queries', () => {
  beforeEach(async () => {
    await repo.applyPatch(
      patchOf({
        segments: {
          late: makeSegment('late', { documentId: 'doc-1', start: 50, end: 60, codings: [makeCoding('a')] }),
          early: makeSegment('early', { documentId: 'doc-1', start: 2, end: 9, codings: [makeCoding('a'), makeCoding('b')] }),
          mid: makeSegment('mid', { documentId: 'doc-1', start: 10, end: 20, codings: [makeCoding('b')] }),
          other: makeSegment('other', { documentId: 'doc-2', start: 0, end: 4, codings: [makeCoding('a'), makeCoding('c')] }),
        },
      }),
    );
  });

  it('loads a document\'s segments in reading order', async () => {
    expect((await repo.loadSegments('doc-1')).map((s) => s.id)).toEqual(['early', 'mid', 'late']);
    expect((await repo.loadSegments('doc-2')).map((s) => s.id)).toEqual(['other']);
    expect(await repo.loadSegments('doc-')).toEqual([]);
  });
});

