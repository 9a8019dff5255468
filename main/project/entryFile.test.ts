import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_FILE_FORMAT, ensureEntryFile, findEntryFile, folderNamedBy, resolveProjectFolder } from './entryFile';
import { ProjectFile } from './projectFile';

const me = { pid: process.pid, host: 'test-host' };
let root: string;
let folder: string;
const open: ProjectFile[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-entry-'));
  folder = join(root, 'Study.marginalia');
});
afterEach(async () => {
  for (const file of open.splice(0)) await file.close();
  await rm(root, { recursive: true, force: true });
});

async function create(): Promise<ProjectFile> {
  const file = await ProjectFile.create(folder, { id: 'project-0001', name: 'Study', corpus: { kind: 'bundled' } }, { lock: { me } });
  open.push(file);
  return file;
}
const entryOf = () => join(folder, 'Study.marginalia-project');

describe("a project folder's entry file", () => {
  it('is named after the folder, a small JSON file that says what it is', async () => {
    await create();
    expect(await findEntryFile(folder)).toBeNull();
    expect(await ensureEntryFile(folder, 'Study')).toBe(entryOf());
    expect((await readdir(folder)).sort()).toEqual(['Study.marginalia-project', 'journal.jsonl', 'lock', 'project.json']);
    expect(JSON.parse(await readFile(entryOf(), 'utf8'))).toEqual({
      format: ENTRY_FILE_FORMAT,
      version: 1,
      name: 'Study',
      about: expect.stringMatching(/folder around this file/),
    });
    expect(await findEntryFile(folder)).toBe(entryOf());
  });

  it('stays as it is once there, whatever it was renamed to; a folder of its name is left alone', async () => {
    await create();
    await writeFile(join(folder, 'Our study.marginalia-project'), 'edited by hand');
    expect(await ensureEntryFile(folder, 'Study')).toBe(join(folder, 'Our study.marginalia-project'));
    expect(await readFile(join(folder, 'Our study.marginalia-project'), 'utf8')).toBe('edited by hand');
    expect((await readdir(folder)).filter((f) => f.endsWith('.marginalia-project'))).toEqual(['Our study.marginalia-project']);

    const other = join(root, 'Other.marginalia');
    await mkdir(join(other, 'Other.marginalia-project'), { recursive: true });
    expect(await ensureEntryFile(other, 'Other')).toBe(join(other, 'Other.marginalia-project'));
    expect((await readdir(other)).sort()).toEqual(['Other.marginalia-project']);
  });
});

describe('the project folder a path names', () => {
  beforeEach(async () => {
    await create();
    for (const file of open.splice(0)) await file.close();
    await ensureEntryFile(folder, 'Study');
  });

  it('is the folder itself, or the folder around its entry file or project.json', async () => {
    expect(await resolveProjectFolder(folder)).toBe(folder);
    expect(await resolveProjectFolder(entryOf())).toBe(folder);
    expect(await resolveProjectFolder(join(folder, 'project.json'))).toBe(folder);
    expect(await resolveProjectFolder(`${folder}/./documents/../Study.marginalia-project`)).toBe(folder);
  });

  it('opens a renamed folder by its renamed entry file, and by a link to it placed elsewhere', async () => {
    const renamed = join(root, 'Study (old)');
    await rename(folder, renamed);
    await rename(join(renamed, 'Study.marginalia-project'), join(renamed, 'OPEN ME.Marginalia-Project'));
    expect(await resolveProjectFolder(join(renamed, 'OPEN ME.Marginalia-Project'))).toBe(renamed);
    const desktop = join(root, 'Desktop');
    await mkdir(desktop);
    await symlink(join(renamed, 'OPEN ME.Marginalia-Project'), join(desktop, 'Study.marginalia-project'));
    expect(await resolveProjectFolder(join(desktop, 'Study.marginalia-project'))).toBe(renamed);
  });

  it('refuses anything else with a message that says what to choose, and writes nothing', async () => {
    const journal = join(folder, 'journal.jsonl');
    await mkdir(join(folder, 'documents'));
    await writeFile(join(folder, 'documents', 'notes.txt'), 'x');
    const notes = join(root, 'notes.txt');
    await writeFile(notes, 'not a project');
    const plain = join(root, 'plain folder');
    await mkdir(plain);
    const movedOut = join(root, 'Study.marginalia-project');
    await writeFile(movedOut, '{}');
    const linkToNotes = join(root, 'Sneaky.marginalia-project');
    await symlink(notes, linkToNotes);

    await expect(resolveProjectFolder(journal)).rejects.toThrow(/^journal\.jsonl is not a Marginalia project: open the project's folder .* or the \.marginalia-project file inside it\.$/);
    await expect(resolveProjectFolder(join(folder, 'documents', 'notes.txt'))).rejects.toThrow(/^notes\.txt is not a Marginalia project/);
    await expect(resolveProjectFolder(notes)).rejects.toThrow(/^notes\.txt is not a Marginalia project/);
    await expect(resolveProjectFolder(plain)).rejects.toThrow(/^plain folder is not a Marginalia project: it holds no project\.json\.$/);
    await expect(resolveProjectFolder(movedOut)).rejects.toThrow(/is not inside a project folder.*moved out of its project/);
    await expect(resolveProjectFolder(linkToNotes)).rejects.toThrow(/links to .*notes\.txt, which is no Marginalia project's file/);
    await expect(resolveProjectFolder(join(root, 'gone.marginalia-project'))).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/was not found/) });
    await expect(resolveProjectFolder('\u0000')).rejects.toThrow(/was not found/);
    expect(await readdir(plain)).toEqual([]);
  });

  it('without the disk: the folder an entry file or project.json is in, else the path', () => {
    expect(folderNamedBy(entryOf())).toBe(folder);
    expect(folderNamedBy(join(folder, 'project.json'))).toBe(folder);
    expect(folderNamedBy(folder)).toBe(folder);
    expect(folderNamedBy(`${folder}/../Study.marginalia/journal.jsonl`)).toBe(join(folder, 'journal.jsonl'));
  });
});
