/**
 * The project memo in the project file: a row of the memos table under the key no document id
 * can take ('#project', renderer/domain/projectMemo.ts). Journalled, compacted into project.json
 * and read back after a restart like any memo.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectFile } from './projectFile';
import { readSnapshot } from './snapshot';

const KEY = '#project';
const memo = { documentId: KEY, text: 'Research question and decisions', updatedAt: '2026-02-01T09:00:00.000Z' };
const me = { pid: process.pid, host: 'test-host' };
let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-memo-'));
  folder = join(root, 'Study.marginalia');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the project memo in a project file', () => {
  it('is journalled, compacted into project.json and opened again after a restart', async () => {
    const file = await ProjectFile.create(folder, { id: 'project-0001', name: 'Study', corpus: { kind: 'bundled' } }, { lock: { me } });
    await file.append({ projectId: 'project-0001', client: 'client-one', changes: [{ n: 1, kind: 'patch', label: 'Edit project memo', patch: { memos: { [KEY]: memo } } }] });
    expect((await file.content()).tables.memos).toEqual([memo]);
    await file.compact();
    expect((await readSnapshot(folder)).tables.memos).toEqual([memo]);
    await file.close();
    const again = await ProjectFile.open(folder, { lock: { me } });
    expect((await again.content()).tables.memos).toEqual([memo]);
    await again.append({ projectId: 'project-0001', client: 'client-one', changes: [{ n: 2, kind: 'patch', label: 'Undo Edit project memo', patch: { memos: { [KEY]: null } } }] });
    expect((await again.content()).tables.memos).toEqual([]);
    await again.close();
  });
});
