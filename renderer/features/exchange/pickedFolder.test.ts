import { describe, expect, it } from 'vitest';
import { pickedFolder } from './pickedFolder';

/** A File as a folder picker gives it: its path below the picked folder, that folder's name first. */
const picked = (webkitRelativePath: string) => Object.assign(new Blob(['x']), { name: webkitRelativePath.split('/').at(-1)!, webkitRelativePath }) as unknown as File;

describe('a picked folder', () => {
  it("is named by the folder and lists its files by their paths inside it", () => {
    const folder = pickedFolder([picked('Bob.marginalia/project.json'), picked('Bob.marginalia/documents/ab.txt')]);
    expect(folder?.name).toBe('Bob.marginalia');
    expect(folder?.files.map((f) => f.path)).toEqual(['project.json', 'documents/ab.txt']);
  });

  it('is nothing when the folder was empty (the browser lists no file)', () => {
    expect(pickedFolder([])).toBeNull();
  });
});
