import { describe, expect, it } from 'vitest';
import {
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  ProjectPatchSchema,
  documentTextFileName,
  emptySnapshot,
  entryFileName,
  projectFolderName,
  projectNameOf,
  upgradeSnapshot,
} from './projectFile';

const fresh = emptySnapshot({ id: 'project-1234', name: 'Study', corpus: { kind: 'bundled' }, now: '2026-01-01T00:00:00.000Z' });

describe('project.json', () => {
  it('is versioned: the current version reads as it is', () => {
    expect(fresh.version).toBe(PROJECT_FILE_VERSION);
    expect(upgradeSnapshot(JSON.parse(JSON.stringify(fresh)))).toEqual(fresh);
  });

  it('upgrades version 1 (no attributes, no per-document info, no client marks) to the current version', () => {
    const { clients: _clients, tables, ...rest } = fresh;
    const v1 = {
      ...rest,
      version: 1,
      tables: { codes: [{ id: 'c1', name: 'FTF' }], segments: [], memos: [], documents: [] },
    };
    const upgraded = upgradeSnapshot(v1);
    expect(upgraded.version).toBe(PROJECT_FILE_VERSION);
    expect(upgraded.clients).toEqual({});
    expect(upgraded.tables).toEqual({ ...tables, codes: [{ id: 'c1', name: 'FTF' }] });
  });

  it('upgrades version 2 (texts inside document rows) to the current version, keeping the rows as they are for main to move the texts out', () => {
    const document = { id: 'd1', title: 'Interview', sha256: 'a'.repeat(64), text: 'Hello.' };
    const upgraded = upgradeSnapshot({ ...fresh, version: 2, tables: { ...fresh.tables, documents: [document] } });
    expect(upgraded.version).toBe(PROJECT_FILE_VERSION);
    expect(upgraded.tables.documents).toEqual([document]);
  });

  it('refuses a newer version, another format, and a damaged file, saying which', () => {
    expect(() => upgradeSnapshot({ ...fresh, version: PROJECT_FILE_VERSION + 1 })).toThrow(/newer Marginalia/);
    expect(() => upgradeSnapshot({ ...fresh, format: 'something-else' })).toThrow(/not a Marginalia project/);
    expect(() => upgradeSnapshot({ ...fresh, version: '2' })).toThrow(/no valid version/);
    expect(() => upgradeSnapshot([])).toThrow(/not a JSON object/);
    expect(() => upgradeSnapshot({ ...fresh, tables: { ...fresh.tables, codes: [{ name: 'no id' }] } })).toThrow(/tables\.codes\[0\]\.id/);
    expect(() => upgradeSnapshot({ ...fresh, seq: -1 })).toThrow(/seq/);
    expect(PROJECT_FILE_FORMAT).toBe('marginalia-project-file');
  });

  it('says what to do about a file it cannot read, and lists what is wrong as text, not as validator JSON', () => {
    expect(() => upgradeSnapshot({ ...fresh, version: PROJECT_FILE_VERSION + 1 })).toThrow(
      `project.json is version ${PROJECT_FILE_VERSION + 1}, written by a newer Marginalia (this one reads versions 1 to ${PROJECT_FILE_VERSION}): update Marginalia to open this project`,
    );
    const { savedSearches: _left, ...tables } = fresh.tables;
    expect(() => upgradeSnapshot({ ...fresh, tables })).toThrow(
      'project.json is damaged (tables.savedSearches: expected array, received undefined): restore the project folder from a backup copy, or open another project',
    );
  });

  it('names a document text file only after a SHA-256, never a path', () => {
    expect(documentTextFileName('ab'.repeat(32))).toBe(`${'ab'.repeat(32)}.txt`);
    for (const bad of ['../../etc/passwd', 'AB'.repeat(32), 'a'.repeat(63), `${'a'.repeat(64)}/x`, 42, undefined]) expect(documentTextFileName(bad)).toBeNull();
  });

  it('keeps every field of a row, checks only the key it is filed under', () => {
    const row = { id: 's1', documentId: 'd', codings: [{ id: 'k', codeId: 'c' }], anything: 1 };
    const snapshot = upgradeSnapshot({ ...fresh, tables: { ...fresh.tables, segments: [row] } });
    expect(snapshot.tables.segments).toEqual([row]);
  });
});

describe('a change (patch)', () => {
  it('files each row under its own key; null deletes', () => {
    expect(ProjectPatchSchema.safeParse({ codes: { c1: { id: 'c1' }, c2: null }, memos: { d1: { documentId: 'd1' } } }).success).toBe(true);
    const wrongKey = ProjectPatchSchema.safeParse({ codes: { c1: { id: 'c2' } } });
    expect(wrongKey.success).toBe(false);
    expect(ProjectPatchSchema.safeParse({ unknownTable: {} }).success).toBe(false);
  });
});

describe('project folder names', () => {
  it('make a safe folder name from what the analyst typed, and read the name back', () => {
    expect(projectFolderName('Study 2')).toBe('Study 2.marginalia');
    expect(projectFolderName('../a/b:c*?')).toBe('-a-b-c--.marginalia');
    expect(projectFolderName('   ')).toBe('Untitled.marginalia');
    expect(projectNameOf('Study 2.marginalia')).toBe('Study 2');
  });

  it("name a folder's entry file after the folder, never as a hidden file", () => {
    expect(entryFileName('Study 2.marginalia')).toBe('Study 2.marginalia-project');
    expect(entryFileName('Study (renamed)')).toBe('Study (renamed).marginalia-project');
    expect(entryFileName('.marginalia')).toBe('Untitled.marginalia-project');
    expect(entryFileName('..hidden.marginalia')).toBe('hidden.marginalia-project');
  });
});
