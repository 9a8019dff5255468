/**
 * The project memo on its way to and from the project file: its change is queued for the journal
 * as a patch of the memos table under its key (one the journal's schema accepts), an undo queues
 * its removal, and a file's content holding it loads back into the database and out again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectPatchSchema, PROJECT_TABLE_NAMES, type ProjectTables } from '../../common/projectFile';
import { invert } from '../domain/change';
import { PROJECT_MEMO_KEY, setProjectMemo } from '../domain/projectMemo';
import type { MarginaliaDb } from './db';
import { journalingRepository, readOutbox } from './outbox';
import { readDatabaseContent, replaceDatabaseContent } from './projectContent';
import { createDexieRepository } from './repository';
import { freshDb } from './testFixtures';

const NOW = '2026-02-01T09:00:00.000Z';
const dbs: MarginaliaDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function open() {
  const db = freshDb(`project-memo-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  await db.open();
  return { db, repo: journalingRepository(createDexieRepository(db), db, { projectId: 'project-1', readOnly: null }, () => {}) };
}

describe('the project memo and the project file', () => {
  it('is journalled as a memos row under its key, and its undo as the row’s removal', async () => {
    const { db, repo } = await open();
    const change = setProjectMemo(null, 'What the study asks', { now: NOW, newId: () => 'x' });
    await repo.applyPatch(change.forward, change.label);
    await repo.applyPatch(invert(change).forward, `Undo ${change.label}`);
    const queued = (await readOutbox(db, 10)).map((r) => r.change);
    expect(queued).toEqual([
      { kind: 'patch', label: 'Edit project memo', patch: expect.objectContaining({ memos: { [PROJECT_MEMO_KEY]: { documentId: PROJECT_MEMO_KEY, text: 'What the study asks', updatedAt: NOW } } }) },
      { kind: 'patch', label: 'Undo Edit project memo', patch: expect.objectContaining({ memos: { [PROJECT_MEMO_KEY]: null } }) },
    ]);
    // What main checks each journal line against.
    for (const c of queued) expect(c.kind === 'patch' && ProjectPatchSchema.safeParse(c.patch).success).toBe(true);
    expect(await repo.loadMemos()).toEqual([]);
  });

  it('loads from a file’s content into the database and reads back out unchanged', async () => {
    const { db, repo } = await open();
    const tables = Object.fromEntries(PROJECT_TABLE_NAMES.map((t) => [t, []])) as unknown as ProjectTables;
    const memo = { documentId: PROJECT_MEMO_KEY, text: 'Notes on the whole study', updatedAt: NOW };
    tables.memos = [memo];
    await replaceDatabaseContent(db, { tables, settings: { coder: 'ada' } }, { projectId: 'project-1', seq: 3 });
    expect(await repo.loadMemos()).toEqual([memo]);
    expect((await readDatabaseContent(db)).tables.memos).toEqual([memo]);
  });
});
