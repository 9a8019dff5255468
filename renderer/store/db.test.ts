import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CodeSchema, DocumentMemoSchema, SegmentSchema } from '../domain/model';
import { CURRENT_SCHEMA_VERSION, MarginaliaDb, defineSchemaV1, defineSchemaV2 } from './db';
import { freshIndexedDb, legacySegment, makeCode, T0 } from './testFixtures';

describe('MarginaliaDb schema', () => {
  it('opens at the current version with every table and index', async () => {
    const db = new MarginaliaDb('schema', freshIndexedDb());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attributes', 'codes', 'documentInfo', 'documents', 'memos', 'outbox', 'savedSearches', 'segments', 'settings']);
    const segmentIndexes = db.segments.schema.indexes.map((i) => i.name).sort();
    expect(segmentIndexes).toEqual(['[documentId+start]', 'documentId']);
    db.close();
  });

  it('upgrades a v1 database with data, normalising rows older builds left incomplete', async () => {
    const deps = freshIndexedDb();
    const v1 = new Dexie('legacy', deps);
    defineSchemaV1(v1);
    await v1.open();
    // Rows as an early build wrote them: no prefix/suffix/updatedAt, no memo/coder on segments.
    const { prefix: _p, suffix: _s, updatedAt: _u, memo: _m, coder: _c, ...oldSegment } = legacySegment('s1', { start: 7, end: 12 });
    const { updatedAt: _cu, description: _d, shortcut: _sh, ...oldCode } = makeCode('c1');
    const complete = legacySegment('s2', { prefix: 'before', suffix: 'after', updatedAt: '2024-06-01T00:00:00.000Z' });
    await v1.table('segments').bulkPut([oldSegment, complete]);
    await v1.table('codes').put(oldCode);
    await v1.table('memos').put({ documentId: 'doc-1', text: 'old memo' });
    await v1.table('settings').put({ key: 'coder', value: 'Ada' });
    v1.close();

    const db = new MarginaliaDb('legacy', deps);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    const s1 = await db.segments.get('s1');
    expect(s1).toMatchObject({ prefix: '', suffix: '', memo: '', updatedAt: T0, start: 7 });
    expect(s1?.codings).toEqual([{ id: 's1/c1', codeId: 'c1', coder: '', createdAt: T0 }]);
    expect(SegmentSchema.safeParse(s1).success).toBe(true);
    const { codeIds: _ids, coder: _coder, ...span } = complete;
    expect(await db.segments.get('s2')).toEqual({ ...span, codings: [{ id: 's2/c1', codeId: 'c1', coder: 'Ada', createdAt: T0 }] });

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

describe('the v3 upgrade: one coding per code and coder', () => {
  it('converts a previous-version database of 100,000 segments: nothing lost, counts equal', async () => {
    const deps = freshIndexedDb();
    const v2 = new Dexie('previous', deps);
    defineSchemaV2(v2);
    await v2.open();
    const codes = ['a', 'b', 'c', 'd', 'e'];
    const coders = ['Ada', 'Bob', ''];
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      legacySegment(`s${i}`, {
        documentId: `doc-${i % 1000}`,
        start: i % 997,
        end: (i % 997) + 5,
        codeIds: i % 3 === 0 ? [codes[i % 5]!, codes[(i + 1) % 5]!] : [codes[i % 5]!],
        coder: coders[i % 3]!,
        memo: i % 10 === 0 ? `memo ${i}` : '',
      }),
    );
    const expectedByCode = new Map<string, number>();
    const expectedByCoder = new Map<string, number>();
    for (const r of rows) {
      for (const id of r.codeIds) {
        expectedByCode.set(id, (expectedByCode.get(id) ?? 0) + 1);
        expectedByCoder.set(r.coder, (expectedByCoder.get(r.coder) ?? 0) + 1);
      }
    }
    await v2.table('segments').bulkPut(rows);
    await v2.table('codes').bulkPut(codes.map((id) => makeCode(id)));
    v2.close();

    const db = new MarginaliaDb('previous', deps);
    await db.open();
    const upgraded = await db.segments.toArray();
    expect(upgraded).toHaveLength(100_000);
    const byCode = new Map<string, number>();
    const byCoder = new Map<string, number>();
    for (const s of upgraded) {
      for (const c of s.codings) {
        byCode.set(c.codeId, (byCode.get(c.codeId) ?? 0) + 1);
        byCoder.set(c.coder, (byCoder.get(c.coder) ?? 0) + 1);
      }
    }
    expect(byCode).toEqual(expectedByCode);
    expect(byCoder).toEqual(expectedByCoder);
    // Every row keeps its span and memo and validates against today's schema.
    const original = new Map(rows.map((r) => [r.id, r]));
    for (const s of upgraded) {
      const before = original.get(s.id)!;
      expect(s.start === before.start && s.end === before.end && s.memo === before.memo && s.documentId === before.documentId).toBe(true);
      expect('codeIds' in s || 'coder' in s).toBe(false);
    }
    expect(SegmentSchema.safeParse(upgraded[12_345]).success).toBe(true);
    expect(await db.codes.count()).toBe(5);
    db.close();
  }, 180_000);
});
