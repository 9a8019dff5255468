/**
 * A colleague's project folder, written by main's own code, read by the renderer's import
 * (renderer/formats/projectFolder): the same content main gives when it opens the folder — after
 * changes in the journal, after a compaction, from a version-2 folder, with a torn journal tail
 * and with a damaged text — and then the backup it is merged as, codings keeping their coder.
 * (Here, under scripts/, because it joins main/ and renderer/, which never import each other.)
 */
import { appendFile, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingChange } from '../common/projectApi';
import { sha256Hex } from '../common/text/sha256';
import { ProjectFile } from '../main/project/projectFile';
import type { FolderFile } from '../renderer/formats/format';
import { readFolderContent } from '../renderer/formats/projectFolder/content';
import { readProjectFolder } from '../renderer/formats/projectFolder/read';

const V2_FIXTURE = resolve(__dirname, '../main/project/testing/v2/Study.marginalia');
const me = { pid: process.pid, host: 'test-host' };
const NOW = '2026-04-01T10:00:00.000Z';
const TEXT = 'Interview 3.\r\nQ: Who met in Brussels?\r\nA: The Small Group — “all of them” 😀.\r\n';
const SHA = sha256Hex(TEXT);

let root: string;
let folder: string;
const open: ProjectFile[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-folder-import-'));
  folder = join(root, 'Bob.marginalia');
});
afterEach(async () => {
  for (const file of open.splice(0)) await file.close();
  await rm(root, { recursive: true, force: true });
});

/** Every file under the folder, as a folder picker gives them (paths inside it). */
async function pick(dir: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path: relative(dir, path).split('\\').join('/'), blob: new Blob([await readFile(path)]) });
  }
  return files;
}

async function openFile(dir: string): Promise<ProjectFile> {
  const file = await ProjectFile.open(dir, { lock: { me } });
  open.push(file);
  return file;
}

const codeRow = (id: string, name: string, parentId: string | null = null) => ({
  id, name, colour: '#1f77b4', description: '', parentId, shortcut: null, position: 0, createdAt: NOW, updatedAt: NOW,
});
const segmentRow = (id: string, start: number, end: number, codeId: string) => ({
  id, documentId: 'doc-3', documentHash: SHA, start, end, quote: TEXT.slice(start, end), prefix: '', suffix: '',
  codings: [{ id: `${id}/${codeId}`, codeId, coder: 'bob', createdAt: NOW }], memo: '', createdAt: NOW, updatedAt: NOW,
});
const CHANGES: OutgoingChange[] = [
  { n: 1, kind: 'settings', settings: { coder: 'bob' } },
  { n: 2, kind: 'patch', label: 'Add codes', patch: { codes: { c1: codeRow('c1', 'Meetings'), c2: codeRow('c2', 'Places', 'c1') } } },
  {
    n: 3, kind: 'patch', label: 'Add document',
    patch: { documents: { 'doc-3': { id: 'doc-3', title: 'Interview 3', kind: null, place: null, date: null, sha256: SHA, text: TEXT, source: 'i3.txt', importedAt: NOW } } },
  },
  { n: 4, kind: 'patch', label: 'Code', patch: { segments: { s1: segmentRow('s1', 17, 36, 'c1'), s2: segmentRow('s2', TEXT.indexOf('Small Group'), TEXT.indexOf('Small Group') + 11, 'c2') } } },
];

async function bobsProject(): Promise<ProjectFile> {
  const file = await ProjectFile.create(folder, { id: 'project-bob-01', name: 'Bob', corpus: { kind: 'bundled' } }, { lock: { me } });
  open.push(file);
  await file.append({ projectId: 'project-bob-01', client: 'client-bob-1', changes: CHANGES });
  return file;
}

describe("a colleague's project folder read by the renderer", () => {
  it('gives the content main gives, from the journal and after a compaction', async () => {
    const file = await bobsProject();
    expect((await readFolderContent(await pick(folder))).content).toEqual(await file.content());
    await file.compact();
    const read = await readFolderContent(await pick(folder));
    expect(read.content).toEqual(await file.content());
    expect(read).toMatchObject({ name: 'Bob', notices: [] });
    expect(read.content.tables.documents[0]).toMatchObject({ id: 'doc-3', text: TEXT });
  });

  it('reads a version-2 folder (texts inside the rows) as main opens it', async () => {
    const picked = await pick(V2_FIXTURE); // before main rewrites a copy of it as version 3
    await cp(V2_FIXTURE, folder, { recursive: true });
    const file = await openFile(folder);
    expect((await readFolderContent(picked)).content).toEqual(await file.content());
  });

  it('stops at the last good change of a torn journal tail, and says so', async () => {
    const file = await bobsProject();
    await file.close();
    open.splice(0);
    const lines = (await readFile(join(folder, 'journal.jsonl'), 'utf8')).split('\n');
    // The last change cut short, as a power cut leaves it.
    await writeFile(join(folder, 'journal.jsonl'), `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 40)}`);
    const read = await readFolderContent(await pick(folder));
    expect(read.content.seq).toBe(3);
    expect(read.content.tables.segments).toEqual([]);
    expect(read.notices).toEqual([expect.stringMatching(/damaged at line 4 \(the last line was cut short.*after change 3; the changes after it were not imported/)]);
    expect(read.content).toEqual(await (await openFile(folder)).content());
  });

  it('stops at a change whose checksum does not match', async () => {
    await bobsProject();
    const journal = join(folder, 'journal.jsonl');
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('"Places"', '"Plaices"'));
    const read = await readFolderContent(await pick(folder));
    expect([read.content.seq, read.notices[0]]).toEqual([1, expect.stringContaining('checksum mismatch')]);
  });

  it('names a damaged text as main does, and imports the rest without that document and its segments', async () => {
    const file = await bobsProject();
    await appendFile(join(folder, 'documents', `${SHA}.txt`), 'edited');
    const read = await readFolderContent(await pick(folder));
    expect(read.content).toEqual(await file.content());
    expect(read.content.tables.documents[0]).toMatchObject({ textUnavailable: `documents/${SHA}.txt does not match its SHA-256 (it was changed or damaged)` });
    const { backup, report } = await readProjectFolder({ files: await pick(folder), now: NOW });
    expect([backup.importedDocuments, backup.segments, backup.codes.map((c) => c.name)]).toEqual([[], [], ['Meetings', 'Places']]);
    expect(report).toContainEqual(expect.stringMatching(/“Interview 3” was not imported: .*does not match its SHA-256.*Its 2 segments and memo were left out/));
  });

  it('becomes a backup whose codings keep their coder', async () => {
    await bobsProject();
    const { backup, report } = await readProjectFolder({ files: await pick(folder), now: NOW });
    expect(backup.segments.flatMap((s) => s.codings.map((c) => [s.quote, c.coder]))).toEqual([
      ['Who met in Brussels', 'bob'],
      ['Small Group', 'bob'],
    ]);
    expect(backup.importedDocuments).toEqual([expect.objectContaining({ id: 'doc-3', text: TEXT })]);
    expect(report[0]).toBe('Read the project “Bob” as it was after its change 4.');
  });

  it('becomes a backup with its saved searches, also one an older build kept in a settings line', async () => {
    const file = await bobsProject();
    const search = (id: string, name: string, text: object) => ({
      id, name, query: 'brussels', options: { mode: 'all', matchCase: false, matchDiacritics: false, wholeWord: true, stem: false },
      scope: { documents: { kind: 'all' }, text },
    });
    const older = search('q0', 'Older', { kind: 'anywhere' });
    const places = search('q1', 'In places', { kind: 'inside', codeId: 'c2', withSubCodes: false });
    await file.append({
      projectId: 'project-bob-01', client: 'client-bob-1',
      changes: [
        { n: 5, kind: 'settings', settings: { coder: 'bob', savedSearches: [older] } },
        { n: 6, kind: 'patch', label: 'Save search', patch: { savedSearches: { q1: places } } },
      ],
    });
    const { backup, report } = await readProjectFolder({ files: await pick(folder), now: NOW });
    expect(report).toEqual(['Read the project “Bob” as it was after its change 6.']);
    expect(backup.settings).toEqual({ coder: 'bob' });
    expect(backup.savedSearches).toEqual([older, places]);
  });

  it('reads nothing outside project.json, journal.jsonl and documents/<sha256>.txt, and refuses a folder without a project', async () => {
    await bobsProject();
    const files = await pick(folder);
    const stray: FolderFile[] = [
      { path: '../project.json', blob: new Blob(['{}']) },
      { path: `other/${SHA}.txt`, blob: new Blob(['x']) },
    ];
    const read = await readFolderContent([...stray, ...files]);
    expect(read.content.tables.documents[0]).toMatchObject({ text: TEXT });
    // A text reference that is no SHA-256 is never a path: that document is unavailable, nothing is read for it.
    const escaping = JSON.stringify({
      format: 'marginalia-project-file', version: 3, id: 'project-evil-1', name: 'Evil', createdAt: NOW, savedAt: NOW, seq: 0,
      corpus: { kind: 'none' }, clients: {}, settings: null,
      tables: { codes: [], segments: [], memos: [], attributes: [], documentInfo: [], documents: [{ id: 'd', title: 'Passwords', sha256: '../../../etc/passwd' }] },
    });
    const evil = await readFolderContent([{ path: 'project.json', blob: new Blob([escaping]) }, { path: '../../../etc/passwd.txt', blob: new Blob(['root']) }]);
    expect(evil.content.tables.documents).toEqual([{ id: 'd', title: 'Passwords', sha256: '../../../etc/passwd', textUnavailable: 'its text reference "../../../etc/passwd" is no SHA-256' }]);
    await expect(readFolderContent(files.filter((f) => f.path !== 'project.json'))).rejects.toThrow(/holds no project\.json: pick the project's own folder/);
    await expect(readFolderContent([{ path: 'project.json', blob: new Blob(['{"format":"marginalia-project-file","version":9}']) }])).rejects.toThrow(/version 9, written by a newer Marginalia/);
  });
});
