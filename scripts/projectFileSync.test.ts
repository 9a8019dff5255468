/**
 * The renderer's project layer against main's project files, in one process: windows are
 * databases on fake-indexeddb opened by connectProject, the host is main's own handler table
 * (callApi, as over IPC) over a temporary data folder. Both directions of the start-up sync, the
 * outbox across a host that cannot be reached, recovery of a database no project file has, tabs
 * in step and Undo that never overwrites another window's work, and a read-only second process.
 * (Here, under scripts/, because it joins main/ and renderer/, which never import each other.)
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaBridge } from '../common/contract';
import { unwrapReply } from '../common/reply';
import { sha256Hex } from '../common/text/sha256';
import { callApi, createApiHandlers } from '../main/api';
import { loadCorpus } from '../main/corpus/loadCorpus';
import { Projects } from '../main/project/projects';
import { defaultContext } from '../renderer/domain/context';
import { createCode } from '../renderer/domain/codebook';
import { emptyPatch } from '../renderer/domain/change';
import { applyCode } from '../renderer/domain/segments';
import { connectProject, type ConnectedProject } from '../renderer/project/fileSync/connect';
import { openProject } from '../renderer/store/openProject';
import { readOutbox, readRecord } from '../renderer/store/outbox';

const BUNDLED = resolve(__dirname, '../resources/corpus');
const TEXT = 'The Small Group of the Global Coalition met in Brussels.';

let data: string;
const hosts: Projects[] = [];
const windows: ConnectedProject[] = [];

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-sync-'));
});
afterEach(async () => {
  for (const w of windows.splice(0)) {
    w.sender?.stop();
    w.tabs?.close();
    w.project.db.close();
  }
  for (const h of hosts.splice(0)) await h.close();
  await rm(data, { recursive: true, force: true });
});

async function startHost(options: { pid?: number } = {}): Promise<{ projects: Projects; api: MarginaliaBridge; down: { value: boolean } }> {
  const projects = new Projects({
    dataFolder: data,
    bundledCorpusFolder: BUNDLED,
    fileOptions: options.pid ? { lock: { me: { pid: options.pid, host: 'here' }, runs: () => true } } : { lock: { me: { pid: process.pid, host: 'here' } } },
  });
  hosts.push(projects);
  await projects.start();
  const handlers = createApiHandlers({
    corpus: await loadCorpus(BUNDLED),
    saveExport: () => ({ saved: false, location: null }),
    openImport: () => null,
    openDocuments: () => null,
    projects,
  });
  const down = { value: false };
  const api = new Proxy({} as MarginaliaBridge, {
    get: (_target, method: string) =>
      method === 'onMenuCommand'
        ? () => () => {}
        : async (request: unknown) => {
            if (down.value) throw new TypeError('Failed to fetch');
            // Through JSON, as over HTTP: nothing is shared between the two sides by reference.
            return unwrapReply(method, JSON.parse(JSON.stringify((await callApi(handlers, method, JSON.parse(JSON.stringify(request ?? {})))).reply)));
          },
  });
  return { projects, api, down };
}

/** A browser profile: one IndexedDB, possibly shared by several windows. */
const profile = () => ({ name: 'marginalia', indexedDB: new IDBFactory(), IDBKeyRange });

async function openWindow(api: MarginaliaBridge, database: ReturnType<typeof profile>, reloads: string[] = []): Promise<ConnectedProject> {
  const connected = await connectProject({ api, coder: 'ada', database, reload: () => reloads.push('reload'), lock: (task) => task() });
  windows.push(connected);
  await connected.store.whenLoaded();
  return connected;
}

async function closeWindow(w: ConnectedProject): Promise<void> {
  w.sender?.stop();
  w.tabs?.close();
  w.project.db.close();
  windows.splice(windows.indexOf(w), 1);
}

const codeNames = (w: ConnectedProject) => w.store.getSnapshot().codes.map((c) => c.name).sort();
const addCode = (w: ConnectedProject, name: string) => w.store.act((ctx, state) => createCode(state.codes, { name, parentId: null }, ctx).change);
const codeOn = (w: ConnectedProject, name: string, start: number, end: number) =>
  w.store.act(
    (ctx, state) =>
      applyCode(
        state.segments.inDocument('d1'),
        { documentId: 'd1', documentHash: sha256Hex(TEXT), text: TEXT, start, end },
        state.codes.find((c) => c.name === name)!.id,
        state.settings.coder,
        ctx,
        name,
      ).change,
    { documentId: 'd1' },
  );
const fileOf = (projects: Projects) => projects.content(projects.state().project!.id);

describe('a window and its project file', () => {
  it('gives a new project over the bundled corpus its default codebook, written to the file', async () => {
    const { projects, api } = await startHost();
    const w = await openWindow(api, profile());
    await w.sender!.flush();
    expect(codeNames(w)).toEqual(['Communications', 'Counter-financing', 'FTF', 'Political-military', 'Stabilization']);
    expect((await fileOf(projects)).tables.codes).toHaveLength(5);
    expect((await fileOf(projects)).settings).toEqual({ coder: 'ada' });
    expect(await readRecord(w.project.db)).toEqual({ projectId: projects.state().project!.id, seq: 2 });
  });

  it('file → database: another profile (or a wiped one, another port) opens the work from the file', async () => {
    const { api } = await startHost();
    const first = await openWindow(api, profile());
    await addCode(first, 'Returnees');
    await codeOn(first, 'Returnees', 4, 15);
    await first.sender!.flush();
    const progress: string[] = [];
    const other = await connectProject({ api, coder: 'bob', database: profile(), lock: (t) => t(), onProgress: (p) => progress.push(p.phase) });
    windows.push(other);
    await other.store.whenLoaded();
    expect(codeNames(other)).toContain('Returnees');
    expect(other.store.getSnapshot().segments.inDocument('d1')).toHaveLength(1);
    expect(progress).toContain('writing');
  });

  it('database → file: changes made while the host could not be reached wait in the database and are written at the next start', async () => {
    const { projects, api, down } = await startHost();
    const database = profile();
    const w = await openWindow(api, database);
    await w.sender!.flush();
    down.value = true;
    await addCode(w, 'Offline work');
    await expect(w.sender!.flush()).rejects.toThrow(/cannot be reached/);
    expect(w.sender!.getStatus()).toMatchObject({ kind: 'failed' });
    await closeWindow(w); // the window is closed before the host is back
    expect((await readOutbox((await openProject({ ...database, seed: () => [] })).db, 10)).length).toBe(1);
    down.value = false;
    const again = await openWindow(api, database);
    expect(codeNames(again)).toContain('Offline work');
    expect((await fileOf(projects)).tables.codes.map((c) => c.name)).toContain('Offline work');
    expect(await readOutbox(again.project.db, 10)).toEqual([]);
  });

  it('database → file: a journal tail lost on disk is written again from the database', async () => {
    const { projects, api } = await startHost();
    const database = profile();
    const w = await openWindow(api, database);
    await addCode(w, 'Kept in the browser');
    await w.sender!.flush();
    await closeWindow(w);
    const folder = projects.state().project!.path;
    await projects.close();
    // The last line of the journal is damaged (a disk problem): the file opens one change short.
    const journal = (await readFile(join(folder, 'journal.jsonl'), 'utf8')).split('\n');
    journal[journal.length - 2] = journal[journal.length - 2]!.slice(0, 30);
    await writeFile(join(folder, 'journal.jsonl'), journal.join('\n'));
    const restarted = await startHost();
    expect(restarted.projects.state().project?.notices[0]).toMatch(/journal was damaged/);
    const again = await openWindow(restarted.api, database);
    await again.sender!.flush();
    expect(codeNames(again)).toContain('Kept in the browser');
    expect((await fileOf(restarted.projects)).tables.codes.map((c) => c.name)).toContain('Kept in the browser');
  });

  it('an older build’s database becomes a fresh project’s content; with a project that has content it is kept as a recovered project', async () => {
    const legacy = profile();
    const old = await openProject({ ...legacy, seed: () => [] });
    await old.repo.applyPatch({ codes: { c1: { id: 'c1', name: 'From the old build', colour: '#336699', description: '', parentId: null, shortcut: null, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' } }, segments: {}, memos: {}, documents: {} });
    old.db.close();
    const { projects, api } = await startHost();
    const adopted = await openWindow(api, legacy);
    await adopted.sender!.flush();
    expect(codeNames(adopted)).toEqual(['From the old build']);
    expect((await fileOf(projects)).tables.codes.map((c) => c.name)).toEqual(['From the old build']);

    const another = profile();
    const older = await openProject({ ...another, seed: () => [] });
    await older.repo.applyPatch({ codes: { c2: { id: 'c2', name: 'Other old work', colour: '#336699', description: '', parentId: null, shortcut: null, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' } }, segments: {}, memos: {}, documents: {} });
    older.db.close();
    const w = await openWindow(api, another);
    expect(codeNames(w)).toEqual(['From the old build']);
    expect(w.notices.join(' ')).toMatch(/kept as the project “.*\(recovered/);
    const recovered = (await projects.list()).recent.find((p) => p.name.includes('recovered'))!;
    expect(projects.state().project!.name).not.toContain('recovered');
    await projects.openProject(recovered.path);
    expect((await fileOf(projects)).tables.codes.map((c) => c.name)).toEqual(['Other old work']);
  });
});

describe('imported documents’ texts in the project folder', () => {
  const IMPORTED = 'An interview, imported.\r\nIt names Raqqa — and a café. 👩🏽‍🔬\n';
  const importDocument = (w: ConnectedProject) =>
    w.store.act(() => {
      const doc = { id: 'imp-1', title: 'Interview', kind: null, place: null, date: null, sha256: sha256Hex(IMPORTED), text: IMPORTED, source: 'interview.txt', importedAt: '2026-01-01T00:00:00.000Z' };
      return { label: 'Add 1 document', forward: { ...emptyPatch(), documents: { 'imp-1': doc } }, backward: { ...emptyPatch(), documents: { 'imp-1': null } } };
    });
  const textFile = (folder: string) => join(folder, 'documents', `${sha256Hex(IMPORTED)}.txt`);

  it('a document added in one profile is a file of its own, and opens with its text in another profile', async () => {
    const { projects, api } = await startHost();
    await importDocument(await openWindow(api, profile()));
    await windows[0]!.sender!.flush();
    expect(await readFile(textFile(projects.state().project!.path), 'utf8')).toBe(IMPORTED);
    const other = await openWindow(api, profile());
    expect(other.store.getSnapshot().documents.map((d) => d.text)).toEqual([IMPORTED]);
  });

  it('a document whose text file was damaged opens set aside, named in the notices, and the rest of the project opens', async () => {
    const { projects, api } = await startHost();
    const w = await openWindow(api, profile());
    await importDocument(w);
    await w.sender!.flush();
    await closeWindow(w);
    const folder = projects.state().project!.path;
    await projects.close();
    await writeFile(textFile(folder), IMPORTED.replace('Raqqa', 'Mosul'));
    const restarted = await startHost();
    const other = await openWindow(restarted.api, profile());
    expect(other.notices).toEqual([expect.stringMatching(/“Interview” is unavailable: .* does not match its SHA-256/)]);
    expect(other.store.getSnapshot().documents).toEqual([]);
    expect(other.project.repo.setAside.list().map((r) => `${r.table}/${r.key}`)).toEqual(['documents/imp-1']);
    expect(codeNames(other)).toContain('FTF');
  });
});

describe('windows of one project', () => {
  it('show each other’s changes, and Undo never overwrites the other window’s work', async () => {
    const { api } = await startHost();
    const database = profile();
    const a = await openWindow(api, database);
    const b = await openWindow(api, database);
    await addCode(a, 'Seen by both');
    await expect.poll(() => codeNames(b)).toContain('Seen by both');
    expect(b.store.getSnapshot().canUndo).toBe(false);

    await codeOn(b, 'FTF', 4, 15);
    await expect.poll(() => a.store.getSnapshot().segments.inDocument('d1').length).toBe(1);
    // A codes the same passage with another code: B's segment row changes.
    await codeOn(a, 'Stabilization', 4, 15);
    await expect.poll(() => b.store.getSnapshot().segments.inDocument('d1')[0]?.codings.length).toBe(2);
    await b.store.undo();
    expect(b.store.getSnapshot().error).toMatch(/cannot be undone: another window changed/);
    expect(b.store.getSnapshot().segments.inDocument('d1')[0]?.codings).toHaveLength(2);
    // A's own Undo is A's to make.
    await a.store.undo();
    expect(a.store.getSnapshot().segments.inDocument('d1')[0]?.codings).toHaveLength(1);
  });
});

describe('a second process', () => {
  it('opens the project read-only, says why, and saves nothing', async () => {
    const first = await startHost();
    await openWindow(first.api, profile());
    const second = await startHost({ pid: 424242 });
    const w = await openWindow(second.api, profile());
    expect(second.projects.state().project?.readOnly).toMatch(/read-only/);
    expect(await addCode(w, 'Never saved')).toBeNull();
    expect(w.store.getSnapshot().error).toMatch(/^Not saved: Another Marginalia/);
  });
});
