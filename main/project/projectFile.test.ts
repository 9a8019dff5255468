import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingChange } from '../../common/projectApi';
import { ProjectFile } from './projectFile';
import { readSnapshot, writeSnapshot } from './snapshot';

let root: string;
let folder: string;
const open: ProjectFile[] = [];
const me = { pid: process.pid, host: 'test-host' };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-project-'));
  folder = join(root, 'Study.marginalia');
});
afterEach(async () => {
  for (const file of open.splice(0)) await file.close();
  await rm(root, { recursive: true, force: true });
});

async function create(compaction = {}): Promise<ProjectFile> {
  const file = await ProjectFile.create(folder, { id: 'project-0001', name: 'Study', corpus: { kind: 'bundled' } }, { lock: { me }, compaction });
  open.push(file);
  return file;
}
async function reopen(compaction = {}): Promise<ProjectFile> {
  const file = await ProjectFile.open(folder, { lock: { me }, compaction });
  open.push(file);
  return file;
}
async function closeAll(): Promise<void> {
  for (const file of open.splice(0)) await file.close();
}

const code = (n: number): OutgoingChange => ({ n, kind: 'patch', label: `Add code ${n}`, patch: { codes: { [`c${n}`]: { id: `c${n}`, name: `Code ${n}` } } } });
const send = (file: ProjectFile, changes: OutgoingChange[], client = 'client-one') => file.append({ projectId: 'project-0001', client, changes });

describe('a project file', () => {
  it('starts empty and fresh, with a version-4 project.json and a lock', async () => {
    const file = await create();
    expect([file.seq, file.fresh, file.readOnly]).toEqual([0, true, null]);
    expect((await readdir(folder)).sort()).toEqual(['journal.jsonl', 'lock', 'project.json']);
    expect(await readSnapshot(folder)).toMatchObject({ version: 4, id: 'project-0001', name: 'Study', seq: 0 });
  });

  it('appends changes with sequence numbers, durable before it answers, and opens with them after a restart', async () => {
    const file = await create();
    expect(await send(file, [code(1), code(2)])).toEqual({ seqs: [1, 2], seq: 2 });
    expect(await send(file, [{ n: 3, kind: 'settings', settings: { coder: 'ada' } }])).toEqual({ seqs: [3], seq: 3 });
    expect((await readFile(join(folder, 'journal.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(3);
    await closeAll();
    const again = await reopen();
    expect(await again.content()).toMatchObject({ seq: 3, settings: { coder: 'ada' }, tables: { codes: [{ id: 'c1' }, { id: 'c2' }] } });
    expect(again.fresh).toBe(false);
  });

  it('writes a change sent twice once, and gives it its number back', async () => {
    const file = await create();
    await send(file, [code(1), code(2)]);
    await send(file, [code(1), code(2)], 'client-two');
    expect(await send(file, [code(2), code(3)])).toEqual({ seqs: [2, 5], seq: 5 });
    expect((await file.content()).tables.codes).toHaveLength(3);
    await closeAll();
    // After a restart the client's last change is still known (from the journal, then from project.json).
    expect(await send(await reopen(), [code(3)])).toEqual({ seqs: [5], seq: 5 });
  });

  it('deletes rows with null, and refuses changes for another project', async () => {
    const file = await create();
    await send(file, [code(1), { n: 2, kind: 'patch', label: 'Delete', patch: { codes: { c1: null } } }]);
    expect((await file.content()).tables.codes).toEqual([]);
    await expect(file.append({ projectId: 'project-9999', client: 'client-one', changes: [code(3)] })).rejects.toThrow(/another project/);
  });

  it('compacts the journal into project.json, keeping changes appended meanwhile', async () => {
    const file = await create();
    await send(file, [code(1), code(2), code(3)]);
    const compaction = file.compact();
    const during = send(file, [code(4)]);
    await Promise.all([compaction, during]);
    expect((await readSnapshot(folder)).seq).toBeGreaterThanOrEqual(3);
    const journal = (await readFile(join(folder, 'journal.jsonl'), 'utf8')).trimEnd().split('\n').filter(Boolean);
    expect(journal.map((line) => JSON.parse(line).seq)).toEqual((await readSnapshot(folder)).seq === 4 ? [] : [4]);
    await closeAll();
    expect((await (await reopen()).content()).tables.codes.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('compacts by itself once the journal grows, after a pause', async () => {
    const file = await create({ entries: 5, idleMs: 10 });
    for (let n = 1; n <= 6; n++) await send(file, [code(n)]);
    await new Promise((done) => setTimeout(done, 50));
    await file.compact();
    expect((await readSnapshot(folder)).tables.codes).toHaveLength(6);
  });

  it('opens after a crash between writing the snapshot and rewriting the journal (old lines skipped)', async () => {
    const file = await create();
    await send(file, [code(1), code(2)]);
    await writeSnapshot(folder, file.snapshot()); // the compaction's first half only
    await send(file, [code(3)]);
    await closeAll();
    const again = await reopen();
    expect([again.seq, (await again.content()).tables.codes.length, again.notices]).toEqual([3, 3, []]);
  });

  it('detects a truncated journal tail, reports it, opens the last good state and sets the tail aside', async () => {
    const file = await create();
    await send(file, [code(1), code(2)]);
    await closeAll();
    await appendFile(join(folder, 'journal.jsonl'), '{"seq":3,"at":"2026-01-01T00:00:00.000Z","client":"client-one","n":3,"kind":"pa');
    const again = await reopen();
    expect(again.seq).toBe(2);
    expect(again.notices[0]).toMatch(/journal was damaged at line 3 \(the last line was cut short.*after change 2.*journal\.damaged-/);
    const files = await readdir(folder);
    const aside = files.find((f) => f.startsWith('journal.damaged-'))!;
    expect(await readFile(join(folder, aside), 'utf8')).toMatch(/^\{"seq":3/);
    // The journal goes on after its good prefix.
    expect(await send(again, [code(3)])).toEqual({ seqs: [3], seq: 3 });
    await closeAll();
    expect((await (await reopen()).content()).tables.codes).toHaveLength(3);
  });

  it('detects a corrupt line in the middle: nothing after it is applied', async () => {
    const file = await create();
    await send(file, [code(1), code(2), code(3)]);
    await closeAll();
    const lines = (await readFile(join(folder, 'journal.jsonl'), 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('Code 2', 'Code X');
    await writeFile(join(folder, 'journal.jsonl'), lines.join('\n'));
    const again = await reopen();
    expect(again.seq).toBe(1);
    expect(again.notices[0]).toMatch(/line 2 \(checksum mismatch/);
  });

  it('opens read-only in a second process, saying who has it', async () => {
    await create();
    const other = await ProjectFile.open(folder, { lock: { me: { pid: 4242, host: 'test-host' }, runs: () => true } });
    open.push(other);
    expect(other.readOnly).toMatch(/process \d+ on this computer/);
    await expect(send(other, [code(1)])).rejects.toThrow(/read-only/);
  });

  it('refuses to create a project over an existing one', async () => {
    await create();
    await closeAll();
    await expect(create()).rejects.toThrow(/already exists/);
  });
});
