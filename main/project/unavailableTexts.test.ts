/** A text file the project folder lost, made whole from a window's copy — only when the copy is that very text. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../common/contract';
import type { OutgoingChange } from '../../common/projectApi';
import type { ProjectRow } from '../../common/projectFile';
import { sha256Hex } from '../../common/text/sha256';
import { ProjectFile, ProjectFileError } from './projectFile';

const T = '2026-03-01T09:00:00.000Z';
const me = { pid: process.pid, host: 'test-host' };
const INTERVIEW = 'Interview with a returnee, Mosul.\r\nA: After the café closed — «Da’esh» took the road. 👩🏽‍🔬\n';
const SHA = sha256Hex(INTERVIEW);

let root: string;
let folder: string;
const open: ProjectFile[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-restore-'));
  folder = join(root, 'Study.marginalia');
});
afterEach(async () => {
  await closeAll();
  await rm(root, { recursive: true, force: true });
});

const track = (file: ProjectFile) => (open.push(file), file);
const closeAll = async () => {
  for (const file of open.splice(0)) await file.close();
};
const reopen = async () => track(await ProjectFile.open(folder, { lock: { me } }));
const textFile = join('documents', `${SHA}.txt`);
const bytesOf = (path: string) => readFile(join(folder, path));

const row: ProjectRow = { id: 'a', title: 'Interview 1', kind: null, place: null, date: null, sha256: SHA, text: INTERVIEW, source: 'a.docx', importedAt: T };
const add: OutgoingChange = { n: 0, kind: 'patch', label: 'Add documents', patch: { documents: { a: row } } };

/** A project holding the interview, closed, its text file then damaged (or removed); opened again. */
async function projectWithLostText(damage: 'changed' | 'removed' = 'changed'): Promise<ProjectFile> {
  const file = track(await ProjectFile.create(folder, { id: 'project-0001', name: 'Study', corpus: { kind: 'none' } }, { lock: { me } }));
  await file.append({ projectId: 'project-0001', client: 'client-one', changes: [add] });
  await closeAll();
  if (damage === 'changed') await writeFile(join(folder, textFile), INTERVIEW.replace('Mosul', 'Basra'));
  else await rm(join(folder, textFile));
  return reopen();
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ProjectFileError ? [error.status, error.message] : error),
  );

describe('a text the project folder lost', () => {
  it('is listed with why, and named in the notices', async () => {
    const file = await projectWithLostText();
    expect(await file.unavailableTexts()).toEqual([
      { documentId: 'a', title: 'Interview 1', sha256: SHA, problem: `documents/${SHA}.txt does not match its SHA-256 (it was changed or damaged)` },
    ]);
    expect(file.notices).toEqual([expect.stringMatching(/“Interview 1” is unavailable: .*put its original text back in that file .* or add the document again\.$/)]);
  });

  it('is written from a copy whose bytes hash to the row’s SHA-256: durable, no temporary file left, whole at the next open', async () => {
    const file = await projectWithLostText();
    expect(await file.restoreText(SHA, INTERVIEW)).toEqual({ written: true });
    expect(await bytesOf(textFile)).toEqual(Buffer.from(INTERVIEW, 'utf8'));
    expect(await readdir(join(folder, 'documents'))).toEqual([`${SHA}.txt`]);
    expect([await file.unavailableTexts(), file.notices]).toEqual([[], []]);
    expect((await file.content()).tables.documents[0]?.text).toBe(INTERVIEW);
    // Sent again (another window restoring it too): nothing to write.
    expect(await file.restoreText(SHA, INTERVIEW)).toEqual({ written: false });
    await closeAll();
    const again = await reopen();
    expect([again.notices, (await again.content()).tables.documents[0]?.text]).toEqual([[], INTERVIEW]);
  });

  it('is written where it was missing too', async () => {
    const file = await projectWithLostText('removed');
    expect((await file.unavailableTexts())[0]?.problem).toBe(`documents/${SHA}.txt is missing`);
    expect(await file.restoreText(SHA, INTERVIEW)).toEqual({ written: true });
    expect(await bytesOf(textFile)).toEqual(Buffer.from(INTERVIEW, 'utf8'));
  });

  it('refuses a copy that is not that text, and leaves the file as it was', async () => {
    const file = await projectWithLostText();
    const before = await bytesOf(textFile);
    expect(await refusal(file.restoreText(SHA, INTERVIEW.replace('Mosul', 'Raqqa')))).toEqual([422, 'The text does not match the document’s SHA-256: it was not written.']);
    expect(await bytesOf(textFile)).toEqual(before);
    expect(await file.unavailableTexts()).toHaveLength(1);
  });

  it('refuses a text no document of the project refers to (nothing is written for the page’s say-so)', async () => {
    const file = await projectWithLostText();
    const stranger = 'A text of no document here.';
    expect(await refusal(file.restoreText(sha256Hex(stranger), stranger))).toEqual([404, 'No document of this project refers to that text: nothing was written.']);
    expect(await readdir(join(folder, 'documents'))).toEqual([`${SHA}.txt`]);
  });

  it('writes nothing into a project open read-only, and says so', async () => {
    await projectWithLostText();
    const before = await bytesOf(textFile);
    // A second process: the lock is held by this (running) one.
    const readOnly = track(await ProjectFile.open(folder, { lock: { me: { pid: 4242, host: 'other-host' }, runs: () => true } }));
    expect(readOnly.readOnly).not.toBeNull();
    const [status, message] = (await refusal(readOnly.restoreText(SHA, INTERVIEW))) as [number, string];
    expect(status).toBe(409);
    expect(message).toMatch(/read-only.*The text was not written\.$/);
    expect(await bytesOf(textFile)).toEqual(before);
  });

  it('never writes outside documents/: a reference that is no SHA-256 is refused by the contract and by the file', async () => {
    const file = await projectWithLostText();
    for (const sha256 of ['../project', '../../outside', `${'a'.repeat(64)}/../../x`, SHA.toUpperCase()]) {
      expect(api.restoreDocumentText.request.safeParse({ projectId: 'project-0001', sha256, text: 'x' }).success).toBe(false);
      expect(await refusal(file.restoreText(sha256, 'x'))).toEqual([400, 'That is no SHA-256 of a text: nothing was written.']);
    }
    // Even for a hand-edited row that refers to such a path.
    await file.compact();
    await closeAll();
    const json = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'));
    json.tables.documents[0].sha256 = '../project';
    await writeFile(join(folder, 'project.json'), JSON.stringify(json));
    const edited = await reopen();
    expect(await edited.unavailableTexts()).toEqual([{ documentId: 'a', title: 'Interview 1', sha256: '../project', problem: expect.stringMatching(/is no SHA-256/) }]);
    expect(await refusal(edited.restoreText('../project', INTERVIEW))).toEqual([400, 'That is no SHA-256 of a text: nothing was written.']);
    expect((await readdir(root)).sort()).toEqual(['Study.marginalia']);
    expect(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')).tables.documents[0].sha256).toBe('../project');
  });

  it('is whole again when the document is added again', async () => {
    const file = await projectWithLostText();
    await file.append({ projectId: 'project-0001', client: 'client-one', changes: [{ ...add, n: 1 }] });
    expect([await file.unavailableTexts(), file.notices]).toEqual([[], []]);
  });
});
