/** Version 3 of the project folder: imported documents' texts as documents/<sha256>.txt, stored once, referred to by hash. */
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingChange } from '../../common/projectApi';
import { PROJECT_FILE_VERSION, type ProjectRow } from '../../common/projectFile';
import { sha256Hex } from '../../common/text/sha256';
import { hashText } from './documentTexts';
import { ProjectFile } from './projectFile';
import { readSnapshot } from './snapshot';

const V2_FIXTURE = resolve(__dirname, 'testing/v2/Study.marginalia');
const T = '2026-03-01T09:00:00.000Z';
const me = { pid: process.pid, host: 'test-host' };
const INTERVIEW = 'Interview with a returnee, Mosul.\nA: After the café closed — «Da’esh» took the road. محمد 👩🏽‍🔬\n';
const DIARY = '\uFEFFDiary, 12 May.\r\nThe statement was read on the radio.\n';

let root: string;
let folder: string;
const open: ProjectFile[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-texts-'));
  folder = join(root, 'Study.marginalia');
});
afterEach(async () => {
  for (const file of open.splice(0)) await file.close();
  await rm(root, { recursive: true, force: true });
});

const track = (file: ProjectFile) => (open.push(file), file);
const create = async () => track(await ProjectFile.create(folder, { id: 'project-0001', name: 'Study', corpus: { kind: 'none' } }, { lock: { me } }));
const reopen = async (at = folder) => track(await ProjectFile.open(at, { lock: { me } }));
const closeAll = async () => {
  for (const file of open.splice(0)) await file.close();
};

const document = (id: string, text: string, title = id): ProjectRow => ({
  id,
  title,
  kind: null,
  place: null,
  date: null,
  sha256: sha256Hex(text),
  text,
  source: `${id}.docx`,
  importedAt: T,
});
let n = 0;
const patch = (documents: Record<string, ProjectRow | null>): OutgoingChange => ({ n: n++, kind: 'patch', label: 'Documents', patch: { documents } });
const send = (file: ProjectFile, ...changes: OutgoingChange[]) => file.append({ projectId: 'project-0001', client: 'client-one', changes });

const textFile = (text: string, at = folder) => join(at, 'documents', `${sha256Hex(text)}.txt`);
const exists = (path: string) => stat(path).then(() => true, () => false);
const textsOf = async (file: ProjectFile) => Object.fromEntries((await file.content()).tables.documents.map((d) => [d.id, d.text]));
const textFiles = async (at = folder) => (await readdir(join(at, 'documents'))).sort();

describe('imported documents’ texts (project folder version 3 and later)', () => {
  it('hashes a text as the app does (common/text/sha256)', () => {
    for (const text of [INTERVIEW, DIARY, '']) expect(hashText(text)).toBe(sha256Hex(text));
  });

  it('writes each text once as documents/<sha256>.txt when its import is journaled; rows refer to it by hash', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW), b: document('b', DIARY), twin: document('twin', INTERVIEW) }));
    // Durable before the append answered: the UTF-8 bytes, a leading BOM character kept.
    expect(await readFile(textFile(INTERVIEW), 'utf8')).toBe(INTERVIEW);
    expect(await readFile(textFile(DIARY))).toEqual(Buffer.from(DIARY, 'utf8'));
    expect(await textFiles()).toHaveLength(2);
    const journal = await readFile(join(folder, 'journal.jsonl'), 'utf8');
    expect(journal).not.toContain('Mosul');
    expect(journal).toContain(sha256Hex(INTERVIEW));
    expect(await textsOf(file)).toEqual({ a: INTERVIEW, b: DIARY, twin: INTERVIEW });
  });

  it('compacts rows only: project.json holds no text and the text files are not rewritten', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW) }));
    const before = await stat(textFile(INTERVIEW));
    await file.compact();
    await send(file, { n: n++, kind: 'settings', settings: { coder: 'ada' } });
    await file.compact();
    const after = await stat(textFile(INTERVIEW));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    const snapshot = await readSnapshot(folder);
    expect(snapshot.version).toBe(PROJECT_FILE_VERSION);
    const { text: _text, ...row } = document('a', INTERVIEW);
    expect(snapshot.tables.documents).toEqual([row]);
    expect(await readFile(join(folder, 'project.json'), 'utf8')).not.toContain('Mosul');
    await closeAll();
    const again = await reopen();
    expect([await textsOf(again), again.notices]).toEqual([{ a: INTERVIEW }, []]);
  });

  it('keeps a text inline when the row’s sha256 is not its hash, losing nothing', async () => {
    const file = await create();
    const odd = { ...document('odd', 'Some text.'), sha256: 'b'.repeat(64) };
    await send(file, patch({ odd }));
    await file.compact();
    expect((await readSnapshot(folder)).tables.documents).toEqual([odd]);
    expect(await exists(join(folder, 'documents', `${'b'.repeat(64)}.txt`))).toBe(false);
    expect(await textsOf(file)).toEqual({ odd: 'Some text.' });
  });

  it('removes texts no longer referred to after a compaction — not before — and leaves other files alone', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW), b: document('b', DIARY) }));
    await file.compact();
    await writeFile(join(folder, 'documents', `${'c'.repeat(64)}.txt.999.tmp`), 'left by a crash');
    await writeFile(join(folder, 'documents', 'notes.md'), 'mine');
    await send(file, patch({ b: null }));
    // The durable snapshot still needs it.
    expect(await exists(textFile(DIARY))).toBe(true);
    await file.compact();
    expect(await textFiles()).toEqual([`${sha256Hex(INTERVIEW)}.txt`, 'notes.md']);
    // Undo of the removal sends the row with its text again: the file is back.
    await send(file, patch({ b: document('b', DIARY) }));
    expect(await readFile(textFile(DIARY), 'utf8')).toBe(DIARY);
  });

  it('keeps a text the durable snapshot still refers to when its removal lands during the compaction', async () => {
    const file = await create();
    await send(file, patch({ b: document('b', DIARY) }));
    const compaction = file.compact();
    const removal = send(file, patch({ b: null }));
    await Promise.all([compaction, removal]);
    const snapshotNeedsIt = (await readSnapshot(folder)).tables.documents.length === 1;
    expect(await exists(textFile(DIARY))).toBe(snapshotNeedsIt);
    await file.compact();
    expect(await exists(textFile(DIARY))).toBe(false);
  });

  it('opens a document whose text is missing or damaged as unavailable, says so, and opens the rest', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW, 'Interview 1'), b: document('b', DIARY, 'Diary') }), { n: n++, kind: 'settings', settings: { coder: 'ada' } });
    await closeAll();
    await writeFile(textFile(INTERVIEW), INTERVIEW.replace('Mosul', 'Basra'));
    await rm(textFile(DIARY));
    const again = await reopen();
    expect(again.notices).toEqual([
      expect.stringMatching(/“Interview 1” is unavailable: documents\/[0-9a-f]{64}\.txt does not match its SHA-256 \(it was changed or damaged\)\. Its row and codings are kept/),
      expect.stringMatching(/“Diary” is unavailable: documents\/[0-9a-f]{64}\.txt is missing\./),
    ]);
    const content = await again.content();
    expect(content.settings).toEqual({ coder: 'ada' });
    expect(content.tables.documents.map((d) => [d.id, d.text, typeof d.textUnavailable])).toEqual([
      ['a', undefined, 'string'],
      ['b', undefined, 'string'],
    ]);
    // The rows stay in the file: put the text back (here: the document sent again) and it opens.
    await send(again, patch({ a: document('a', INTERVIEW, 'Interview 1') }));
    await writeFile(textFile(DIARY), DIARY);
    await closeAll();
    const healed = await reopen();
    expect([await textsOf(healed), healed.notices]).toEqual([{ a: INTERVIEW, b: DIARY }, []]);
  });

  it('never reads outside documents/ for a hand-edited reference', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW) }));
    await file.compact();
    await closeAll();
    const json = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'));
    json.tables.documents[0].sha256 = '../project';
    await writeFile(join(folder, 'project.json'), JSON.stringify(json));
    const again = await reopen();
    expect(again.notices).toEqual([expect.stringMatching(/its text reference "..\/project" is no SHA-256/)]);
    expect((await again.content()).tables.documents[0]).not.toHaveProperty('text');
  });

  it('copies the texts with the project on Save as', async () => {
    const file = await create();
    await send(file, patch({ a: document('a', INTERVIEW) }));
    const copy = join(root, 'Copy.marginalia');
    await file.writeCopy(copy, { id: 'project-0002', name: 'Copy', createdAt: T });
    await closeAll();
    const opened = await reopen(copy);
    expect([opened.name, await textsOf(opened), opened.notices]).toEqual(['Copy', { a: INTERVIEW }, []]);
  });
});

describe('a version-2 project folder (written by the version-2 code)', () => {
  beforeEach(async () => {
    await cp(V2_FIXTURE, folder, { recursive: true });
  });

  it('is upgraded to the current version when opened: texts moved to documents/, rows without them, nothing else changed', async () => {
    const fixtureSnapshot = JSON.parse(await readFile(join(V2_FIXTURE, 'project.json'), 'utf8'));
    expect(fixtureSnapshot.version).toBe(2);
    const file = await reopen();
    expect(file.notices).toEqual([]);
    const snapshot = await readSnapshot(folder);
    expect(snapshot.version).toBe(PROJECT_FILE_VERSION);
    expect(snapshot.tables.documents.map((d) => [d.id, 'text' in d])).toEqual([
      ['doc-interview', false],
      ['doc-diary', false],
    ]);
    expect(await readFile(join(folder, 'journal.jsonl'), 'utf8')).toBe('');
    const content = await file.content();
    const interview = content.tables.documents.find((d) => d.id === 'doc-interview')!;
    expect(interview.text).toMatch(/^Interview with a returnee, Mosul\.\n.*café.*👩🏽‍🔬\n$/s);
    expect(await textFiles()).toEqual(content.tables.documents.map((d) => `${d.sha256}.txt`).sort());
    expect(content).toMatchObject({
      seq: 7,
      settings: { coder: 'ada' },
      tables: {
        codes: [{ id: 'c1', name: 'Returnees' }],
        segments: [{ id: 's1', quote: 'after the café closed' }],
        memos: [{ documentId: 'doc-diary', text: 'Read twice.' }],
      },
    });
    const segment = content.tables.segments[0]!;
    expect(String(interview.text).slice(Number(segment.start), Number(segment.end))).toBe(segment.quote);
  });

  it('is read as it is, texts inline, when another process has it open (nothing written)', async () => {
    await writeFile(join(folder, 'lock'), JSON.stringify({ pid: 4242, host: 'test-host', since: T }));
    const file = track(await ProjectFile.open(folder, { lock: { me, runs: () => true } }));
    expect(file.readOnly).not.toBeNull();
    expect((await textsOf(file))['doc-diary']).toMatch(/^Diary, 12 May\./);
    expect((await readSnapshot(folder)).version).toBe(PROJECT_FILE_VERSION); // as read: upgraded in memory …
    expect(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')).version).toBe(2); // … not on disk
    expect(await exists(join(folder, 'documents'))).toBe(false);
  });
});
