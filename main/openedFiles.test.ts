import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenedFileSchema } from '../common/contract';
import { OpenedFiles, openedKind, openedPathsFromArgv } from './openedFiles';

describe('openedKind', () => {
  it('knows the associated extensions, in any case', () => {
    expect(openedKind('/data/fieldwork.qdpx')).toBe('import');
    expect(openedKind('C:\\Users\\ada\\FIELDWORK.QDPX')).toBe('import');
    expect(openedKind('/data/study.marginalia')).toBe('project');
    expect(openedKind('/data/Study.marginalia/Study.marginalia-project')).toBe('project');
    expect(openedKind('C:\\Users\\ada\\Study.marginalia\\STUDY.MARGINALIA-PROJECT')).toBe('project');
    for (const path of ['/data/notes.txt', '/data/qdpx', '/data/a.qdpx.zip', '/data/constructor', '/data/x.__proto__', '/data/x.marginalia-project.txt', '']) {
      expect(openedKind(path), path).toBeNull();
    }
  });
});

describe('openedPathsFromArgv', () => {
  it('keeps associated files, made absolute, and skips the executable, the app folder and flags', () => {
    const argv = ['/opt/Marginalia/marginalia', '--no-sandbox', 'out/main/index.js', 'fieldwork.qdpx', '--corpus', '/corpus', '/abs/study.marginalia', 'notes.txt'];
    expect(openedPathsFromArgv(argv, '/home/ada')).toEqual([resolve('/home/ada/fieldwork.qdpx'), '/abs/study.marginalia']);
  });

  it('keeps a project\'s entry file, as Windows and Linux pass a double-clicked one', () => {
    const argv = ['C:\\Program Files\\Marginalia\\Marginalia.exe', 'Study.marginalia/Study.marginalia-project'];
    expect(openedPathsFromArgv(argv, '/home/ada')).toEqual([resolve('/home/ada/Study.marginalia/Study.marginalia-project')]);
    const url = pathToFileURL('/home/ada/Field work.marginalia/Field work.marginalia-project').href;
    expect(openedPathsFromArgv([url], '/')).toEqual(['/home/ada/Field work.marginalia/Field work.marginalia-project']);
  });

  it('reads file:// URLs (Linux desktop files pass %U) and ignores broken ones', () => {
    const url = pathToFileURL('/home/ada/Field work/été.qdpx').href;
    expect(openedPathsFromArgv([url, 'file://remote-host/x.qdpx'], '/')).toEqual(['/home/ada/Field work/été.qdpx']);
  });
});

describe('OpenedFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-opened-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hands each waiting import to the page once, oldest first, as the contract describes it', async () => {
    const first = join(dir, 'first.qdpx');
    const second = join(dir, 'second.qdpx');
    await writeFile(first, 'PK first');
    await writeFile(second, 'PK second');
    const files = new OpenedFiles();
    files.add([first, join(dir, 'study.marginalia'), second, first]);
    expect(files.size).toBe(2);
    const taken = [await files.take(), await files.take(), await files.take()];
    expect(taken).toEqual([
      { name: 'first.qdpx', base64: Buffer.from('PK first').toString('base64') },
      { name: 'second.qdpx', base64: Buffer.from('PK second').toString('base64') },
      null,
    ]);
    for (const reply of taken) expect(OpenedFileSchema.parse(reply)).toEqual(reply);
  });

  it('says why a file could not be read instead of failing the call', async () => {
    await mkdir(join(dir, 'folder.qdpx'));
    const files = new OpenedFiles();
    files.add([join(dir, 'gone.qdpx'), join(dir, 'folder.qdpx')]);
    expect(await files.take()).toEqual({ name: 'gone.qdpx', error: 'gone.qdpx was not found' });
    expect(await files.take()).toEqual({ name: 'folder.qdpx', error: 'folder.qdpx is not a file' });
    expect(files.size).toBe(0);
  });
});
