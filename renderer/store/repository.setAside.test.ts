/** Stored rows that do not validate are set aside on load: listed, never dropped from the database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from './db';
import { createDexieRepository, type ProjectRepository } from './repository';
import { freshDb, makeCode, makeDocument, makeMemo, makeSegment } from './testFixtures';

let db: MarginaliaDb;
let repo: ProjectRepository;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  repo = createDexieRepository(db);
});
afterEach(() => repo.close());

/** Writes rows straight into IndexedDB, past the repository's validation (as an older or broken build might). */
async function storeRaw(table: 'codes' | 'segments' | 'memos' | 'documents', ...rows: unknown[]): Promise<void> {
  await (db[table] as unknown as { bulkPut(rows: unknown[]): Promise<unknown> }).bulkPut(rows);
}

const listed = () => repo.setAside.list().map(({ table, key }) => `${table}/${key}`);

describe('loading a project with malformed rows', () => {
  it('loads the valid rows of every table and lists the others with their reason and content', async () => {
    const nameless = { ...makeCode('bad-code'), name: undefined };
    const offsetless = { ...makeSegment('bad-seg'), start: 'zero' };
    await storeRaw('codes', makeCode('c1'), nameless);
    await storeRaw('segments', makeSegment('s1'), offsetless);
    await storeRaw('memos', makeMemo('doc-1'), { documentId: 'doc-2', text: null });
    await storeRaw('documents', makeDocument('imp-1'), { ...makeDocument('imp-2'), importedAt: 'yesterday' });

    expect((await repo.loadCodes()).map((c) => c.id)).toEqual(['c1']);
    expect((await repo.loadAllSegments()).map((s) => s.id)).toEqual(['s1']);
    expect((await repo.loadMemos()).map((m) => m.documentId)).toEqual(['doc-1']);
    expect((await repo.loadImportedDocuments()).map((d) => d.id)).toEqual(['imp-1']);

    expect(listed()).toEqual(['codes/bad-code', 'segments/bad-seg', 'memos/doc-2', 'documents/imp-2']);
    const [code, segment] = repo.setAside.list();
    expect(code).toMatchObject({ reason: expect.stringMatching(/^name: /), row: nameless });
    expect(segment).toMatchObject({ reason: expect.stringMatching(/^start: /), row: offsetless });
  });

  it('never deletes a set-aside row from the database', async () => {
    await storeRaw('codes', { ...makeCode('bad-code'), colour: 'red' });
    await repo.loadCodes();
    await repo.loadCodes();
    expect(await db.codes.get('bad-code')).toMatchObject({ colour: 'red' });
    expect(listed()).toEqual(['codes/bad-code']);
  });

  it('lists a bad segment read with its document ahead of the rest once, and drops it from the list when fixed', async () => {
    await storeRaw('segments', makeSegment('s1'), { ...makeSegment('bad-seg'), codings: [] });
    expect((await repo.loadSegments('doc-1')).map((s) => s.id)).toEqual(['s1']);
    expect(listed()).toEqual(['segments/bad-seg']);
    await repo.loadAllSegments();
    expect(listed()).toEqual(['segments/bad-seg']);
    await storeRaw('segments', makeSegment('bad-seg'));
    expect((await repo.loadAllSegments()).map((s) => s.id)).toEqual(['bad-seg', 's1']);
    expect(listed()).toEqual([]);
  });

  it('tells its subscribers when rows are set aside', async () => {
    let calls = 0;
    repo.setAside.subscribe(() => calls++);
    await repo.loadCodes();
    expect(calls).toBe(0);
    await storeRaw('codes', { id: 'bare' });
    await repo.loadCodes();
    expect(calls).toBe(1);
  });
});
