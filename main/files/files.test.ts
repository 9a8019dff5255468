import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBytes, writeFileAtomically } from './exportFile';
import { readImportFile } from './importFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('writes UTF-8 text and replaces an existing file, leaving no temporary file', async () => {
    const target = join(dir, 'segments.csv');
    await writeFile(target, 'old');
    await writeFileAtomically(target, 'quote,code\n“é”,A > B\n', 'utf8');
    expect(await readFile(target, 'utf8')).toBe('quote,code\n“é”,A > B\n');
    expect(await readdir(dir)).toEqual(['segments.csv']);
  });

  it('writes base64 content as bytes', async () => {
    const target = join(dir, 'project.qdpx');
    await writeFileAtomically(target, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]).toString('base64'), 'base64');
    expect([...(await readFile(target))]).toEqual([0x50, 0x4b, 0x03, 0x04, 0xff]);
  });

  it('refuses malformed base64 without touching the target', async () => {
    const target = join(dir, 'x.qdpx');
    await writeFile(target, 'keep');
    await expect(writeFileAtomically(target, 'not base64!', 'base64')).rejects.toThrow(/not valid base64/);
    expect(await readFile(target, 'utf8')).toBe('keep');
    expect(() => exportBytes('QUJD', 'base64')).not.toThrow();
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(writeFileAtomically(join(dir, 'missing', 'a.csv'), 'x', 'utf8')).rejects.toThrow();
  });
});

describe('readImportFile', () => {
  it('reads a file as base64 with its name', async () => {
    const path = join(dir, 'backup.json');
    await writeFile(path, '{"a":1}');
    expect(await readImportFile(path)).toEqual({ name: 'backup.json', base64: Buffer.from('{"a":1}').toString('base64') });
  });

  it('refuses files above the size limit with a clear message', async () => {
    const path = join(dir, 'big.qdpx');
    await writeFile(path, Buffer.alloc(3 * 1024 * 1024));
    await expect(readImportFile(path, 2 * 1024 * 1024)).rejects.toThrow('big.qdpx is 3 MB; imports are limited to 2 MB');
  });

  it('explains a missing file and a folder', async () => {
    await expect(readImportFile(join(dir, 'gone.json'))).rejects.toThrow('gone.json was not found');
    await expect(readImportFile(dir)).rejects.toThrow(/is not a file/);
  });
});
