import { describe, expect, it } from 'vitest';
import { importFormatForFile } from './openedFile';

describe('importFormatForFile', () => {
  it('finds the import format by the file name extension, in any case', () => {
    expect(importFormatForFile('fieldwork.qdpx')?.id).toBe(importFormatForFile('FIELDWORK.QDPX')?.id);
    expect(importFormatForFile('fieldwork.qdpx')?.extensions).toEqual(['qdpx']);
    expect(importFormatForFile('codes.v2.qdc')?.extensions).toEqual(['qdc']);
  });

  it('finds none for other files, or a name that is only an extension', () => {
    for (const name of ['notes.txt', 'qdpx', '.qdpx', 'project.marginalia', 'archive.qdpx.zip', '']) {
      expect(importFormatForFile(name), name).toBeNull();
    }
  });
});
