import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_TABLE_NAMES } from '../../common/projectFile';
import { emptyPatch, rowsById } from '../domain/change';
import type { MarginaliaDb } from './db';
import { acknowledge, clientId, journalingRepository, readOutbox, readRecord, writeRecord, type JournalTarget } from './outbox';
import { hasProjectContent, readDatabaseContent, replaceDatabaseContent } from './projectContent';
import { createDexieRepository } from './repository';
import { freshDb, makeCode, makeSegment } from './testFixtures';

const dbs: MarginaliaDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setUp(target: JournalTarget = { projectId: 'project-1', readOnly: null }) {
  const db = freshDb(`outbox-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  await db.open();
  const stored: Array<[string, string]> = [];
  const repo = journalingRepository(createDexieRepository(db), db, target, (change, projectId) => stored.push([change.kind, projectId]));
  return { db, repo, stored, target };
}

const codePatch = (id: string) => {
  const patch = emptyPatch();
  patch.codes[id] = makeCode(id);
  return patch;
};

describe('the outbox', () => {
  it('knows every table of the project (the journal and the database agree)', async () => {
    const { db } = await setUp();
    const projectTables = db.tables.map((t) => t.name).filter((name) => name !== 'settings' && name !== 'outbox');
    expect(projectTables.sort()).toEqual([...PROJECT_TABLE_NAMES].sort());
  });

  it('queues every stored change and settings, in order, for the open project', async () => {
    const { db, repo, stored } = await setUp();
    await repo.applyPatch(codePatch('c1'), 'Add code c1');
    await repo.saveSettings({ coder: 'ada' });
    expect(await db.codes.count()).toBe(1);
    const rows = await readOutbox(db, 10);
    expect(rows.map((r) => [r.key, r.projectId, r.change.kind])).toEqual([
      [1, 'project-1', 'patch'],
      [2, 'project-1', 'settings'],
    ]);
    expect(rows[0]!.change).toMatchObject({ label: 'Add code c1', patch: { codes: { c1: { id: 'c1' } } } });
    expect(stored).toEqual([
      ['patch', 'project-1'],
      ['settings', 'project-1'],
    ]);
  });

  it('stores nothing when the change is refused: the row and its outbox entry land together or not at all', async () => {
    const { db, repo } = await setUp();
    const bad = emptyPatch();
    bad.segments.s1 = { ...makeSegment('s1'), start: -1 };
    await expect(repo.applyPatch(bad, 'Bad')).rejects.toThrow();
    expect([await db.segments.count(), (await readOutbox(db, 10)).length]).toEqual([0, 0]);
  });

  it('refuses every change while the project is read-only, and queues none without a project file', async () => {
    const readOnly = await setUp({ projectId: 'project-1', readOnly: 'Another Marginalia has it open.' });
    await expect(readOnly.repo.applyPatch(codePatch('c1'))).rejects.toThrow('Not saved: Another Marginalia has it open.');
    await expect(readOnly.repo.saveSettings({ coder: 'x' })).rejects.toThrow(/Not saved/);
    const none = await setUp({ projectId: null, readOnly: null });
    await none.repo.applyPatch(codePatch('c1'));
    expect([await none.db.codes.count(), (await readOutbox(none.db, 10)).length]).toEqual([1, 0]);
  });

  it('moves the record on when acknowledged changes follow it, and not over a gap', async () => {
    const { db, repo } = await setUp();
    await writeRecord(db, { projectId: 'project-1', seq: 4 });
    for (const id of ['c1', 'c2', 'c3']) await repo.applyPatch(codePatch(id));
    const rows = await readOutbox(db, 10);
    await acknowledge(db, rows.slice(0, 2), [5, 6]);
    expect(await readRecord(db)).toEqual({ projectId: 'project-1', seq: 6 });
    expect((await readOutbox(db, 10)).map((r) => r.key)).toEqual([3]);
    await acknowledge(db, rows.slice(2), [8]); // change 7 came from elsewhere
    expect([await readRecord(db), await readOutbox(db, 10)]).toEqual([{ projectId: 'project-1', seq: 6 }, []]);
  });

  it('keeps one client id per database', async () => {
    const { db } = await setUp();
    const id = await clientId(db);
    expect(id).toMatch(/^db-[0-9a-f-]{36}$/);
    expect(await clientId(db)).toBe(id);
  });
});

describe('the database content', () => {
  it('is replaced by a file content in one go, settings and record included, outbox untouched', async () => {
    const { db, repo } = await setUp();
    await repo.applyPatch(codePatch('old'));
    await repo.saveSettings({ coder: 'old' });
    await db.settings.put({ key: 'seeded', value: 'yes' });
    const progress: number[] = [];
    const tables = Object.fromEntries(PROJECT_TABLE_NAMES.map((t) => [t, []])) as unknown as Parameters<typeof replaceDatabaseContent>[1]['tables'];
    tables.codes = [makeCode('new')];
    tables.segments = [makeSegment('s1')];
    await replaceDatabaseContent(db, { tables, settings: { coder: 'new', projectFile: 'hostile', journalClient: 'hostile' } }, { projectId: 'project-2', seq: 9 }, (done) =>
      progress.push(done),
    );
    expect(await readDatabaseContent(db)).toMatchObject({ settings: { coder: 'new' }, tables: { codes: [{ id: 'new' }], segments: [{ id: 's1' }] } });
    expect(await readRecord(db)).toEqual({ projectId: 'project-2', seq: 9 });
    expect((await db.settings.get('seeded'))?.value).toBe('yes');
    expect((await db.settings.get('journalClient'))?.value).toBeUndefined();
    expect(progress).toEqual([0, 1, 2]);
    expect((await readOutbox(db, 10)).length).toBe(2);
    expect(await hasProjectContent(db)).toBe(true);
  });

  it('is empty in a new database', async () => {
    const { db } = await setUp();
    expect(await hasProjectContent(db)).toBe(false);
    expect(await readDatabaseContent(db)).toEqual({ settings: null, tables: Object.fromEntries(PROJECT_TABLE_NAMES.map((t) => [t, []])) });
    expect(rowsById()).toEqual({});
  });
});
