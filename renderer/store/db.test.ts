import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CodeSchema, DocumentMemoSchema, SegmentSchema } from '../domain/model';
import { CURRENT_SCHEMA_VERSION, MarginaliaDb, defineSchemaV1 } from './db';
import { freshIndexedDb, makeCode, makeSegment, T0 } from './testFixtures';

describe('MarginaliaDb schema', () => {
  it('opens at the current version with every table and index', async () => {
    const db = new MarginaliaDb('schema', freshIndexedDb());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['codes', 'documents', 'memos', 'segments', 'settings']);
    const segmentIndexes = db.segments.schema.indexes.map((i) => i.name).sort();
    expect(segmentIndexes).toEqual(['[documentId+start]', 'codeIds', 'documentId']);
    expect(db.segments.schema.indexes.find((i) => i.name === 'codeIds')?.multi).toBe(true);
    db.close();
  });

  it('upgrades a v1 database with data, normalising rows older builds left incomplete', async () => {
    const deps = freshIndexedDb();
    const v1 = new Dexie('legacy', deps);
    defineSchemaV1(v1);
    await v1.open();
    // Rows as an early build wrote them: no prefix/suffix/updatedAt, no memo/coder on segments.
    const { prefix: _p, suffix: _s, updatedAt: _u, memo: _m, coder: _c, ...oldSegment } = makeSegment('s1', { start: 7, end: 12 });
    const { updatedAt: _cu, description: _d, shortcut: _sh, ...oldCode } = makeCode('c1');
    const complete = makeSegment('s2', { prefix: 'before', suffix: 'after', updatedAt: '2024-06-01T00:00:00.000Z' });
    await v1.table('segments').bulkPut([oldSegment, complete]);
    await v1.table('codes').put(oldCode);
    await v1.table('memos').put({ documentId: 'doc-1', text: 'old memo' });
    await v1.table('settings').put({ key: 'coder', value: 'Ada' });
    v1.close();

    const db = new MarginaliaDb('legacy', deps);
    await db.open();
    expect(db.verno).toBe(2);

    const s1 = await db.segments.get('s1');
    expect(s1).toMatchObject({ prefix: '', suffix: '', memo: '', coder: '', updatedAt: T0, start: 7 });
    expect(SegmentSchema.safeParse(s1).success).toBe(true);
    expect(await db.segments.get('s2')).toEqual(complete);

    const c1 = await db.codes.get('c1');
    expect(c1).toMatchObject({ description: '', shortcut: null, updatedAt: T0 });
    expect(CodeSchema.safeParse(c1).success).toBe(true);

    const memo = await db.memos.get('doc-1');
    expect(memo?.text).toBe('old memo');
    expect(DocumentMemoSchema.safeParse(memo).success).toBe(true);

    expect(await db.settings.get('coder')).toEqual({ key: 'coder', value: 'Ada' });
    expect(await db.documents.count()).toBe(0);
    // The new compound index works on upgraded rows.
    const ordered = await db.segments.where('[documentId+start]').between(['doc-1', Dexie.minKey], ['doc-1', Dexie.maxKey]).primaryKeys();
    expect(ordered).toEqual(['s2', 's1']);
    db.close();
  });
});
