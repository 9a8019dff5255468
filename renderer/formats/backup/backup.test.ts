import { beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '../../domain/change';
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment } from '../../domain/model';
import type { ProjectData } from '../projectData';
import { exportBackup, parseBackup, type Backup } from './backup';
import { codeIdsOf } from '../../domain/codings';
import { CODE_IDS, sampleProject } from '../fixtures/sampleProject';
import { planRestore, type RestoreTarget } from './restore';

let data: ProjectData;
const imported: ImportedDocument = {
  id: 'qdpx-1',
  title: 'Imported interview',
  kind: null,
  place: null,
  date: null,
  sha256: 'f'.repeat(64),
  text: 'Interview text.',
  source: 'study.qdpx',
  importedAt: '2024-04-01T00:00:00.000Z',
};
beforeAll(async () => {
  data = { ...(await sampleProject()), importedDocuments: [imported] };
});

/** Applies a patch to in-memory tables the way the store does (null deletes). */
function apply(state: Required<RestoreTarget>, patch: Patch): Required<RestoreTarget> {
  const table = <T>(rows: readonly T[], key: (r: T) => string, writes: Record<string, T | null>) => {
    const map = new Map(rows.map((r) => [key(r), r]));
    for (const [k, v] of Object.entries(writes)) v === null ? map.delete(k) : map.set(k, v);
    return [...map.values()];
  };
  return {
    codes: table<Code>(state.codes, (c) => c.id, patch.codes),
    segments: table<Segment>(state.segments, (s) => s.id, patch.segments),
    memos: table<DocumentMemo>(state.memos, (m) => m.documentId, patch.memos),
    importedDocuments: table<ImportedDocument>(state.importedDocuments, (d) => d.id, patch.documents),
    attributes: table<Attribute>(state.attributes, (a) => a.id, patch.attributes ?? {}),
    documentInfo: table<DocumentInfo>(state.documentInfo, (i) => i.documentId, patch.documentInfo ?? {}),
    savedSearches: table<SavedSearch>(state.savedSearches, (s) => s.id, patch.savedSearches ?? {}),
  };
}
const empty = (): Required<RestoreTarget> => ({ codes: [], segments: [], memos: [], importedDocuments: [], attributes: [], documentInfo: [], savedSearches: [] });

function parsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.message);
  return result.backup;
}

describe('backup round trip', () => {
  it('export → parse → replace into an empty project → export is byte-identical', () => {
    const first = exportBackup(data, '2024-05-01T00:00:00.000Z');
    const plan = planRestore(empty(), parsed(first), 'replace');
    expect(plan.report).toEqual({ added: 7 + 6 + 1 + 1, replaced: 0, reordered: 0, removed: 0, conflicts: [] });
    const restored = apply(empty(), plan.change.forward);
    const again = exportBackup(
      {
        ...data,
        codes: [...restored.codes].reverse(),
        segments: [...restored.segments].reverse(),
        memos: [...restored.memos],
        importedDocuments: [...restored.importedDocuments],
      },
      '2024-05-01T00:00:00.000Z',
    );
    expect(again).toBe(first);
    // Undo restores the empty project.
    expect(apply(restored, plan.change.backward)).toEqual(empty());
  });

  it('writes the documented header and keeps keys in schema order', () => {
    const json = JSON.parse(exportBackup({ ...data, importedDocuments: [] }, new Date('2024-05-01T00:00:00Z')));
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'documents', 'codes', 'segments', 'memos', 'settings']);
    expect(json.format).toBe('marginalia-project');
    expect(json.version).toBe(2);
    expect(json.exportedAt).toBe('2024-05-01T00:00:00.000Z');
    expect(json.documents[0]).toEqual({ id: 'letter-1848-01', title: 'Letter, "home" 1848', sha256: data.documents[0]!.sha256 });
    expect(Object.keys(json.segments[0])).toEqual(['id', 'documentId', 'documentHash', 'start', 'end', 'quote', 'prefix', 'suffix', 'codings', 'memo', 'createdAt', 'updatedAt']);
    expect(Object.keys(json.segments[0].codings[0])).toEqual(['id', 'codeId', 'coder', 'createdAt']);
  });
});

describe('parseBackup rejects', () => {
  const good = () => JSON.parse(exportBackup(data, '2024-05-01T00:00:00.000Z'));
  const reject = (text: string) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.message;
  };

  it('text that is not JSON, with line and column', () => {
    expect(reject('{\n  "format": "marginalia-project",\n  oops\n}')).toMatch(/not valid JSON.*line 3, column 3/);
    expect(reject('')).toMatch(/not valid JSON/);
  });

  it('JSON of another format or version', () => {
    expect(reject('[1,2]')).toMatch(/not a Marginalia backup/);
    expect(reject(JSON.stringify({ format: 'other' }))).toMatch(/format is "other"/);
    expect(reject(JSON.stringify({ ...good(), version: 3 }))).toMatch(/version 3 is not supported; .* reads versions 1 and 2/);
  });

  it('schema violations, naming the path', () => {
    const bad = good();
    bad.segments[3].start = -4;
    expect(reject(JSON.stringify(bad))).toMatch(/segments\[3\]\.start: /);
    const noCodes = good();
    delete noCodes.codes;
    expect(reject(JSON.stringify(noCodes))).toMatch(/^The backup is damaged: codes: /);
    const colour = good();
    colour.codes[1].colour = 'red';
    expect(reject(JSON.stringify(colour))).toMatch(/codes\[1\]\.colour: colour must be #RRGGBB/);
  });

  it('references that do not resolve', () => {
    const unknownCode = good();
    unknownCode.segments[0].codings.push({ ...unknownCode.segments[0].codings[0], id: 'ghostly', codeId: 'ghost' });
    expect(reject(JSON.stringify(unknownCode))).toMatch(/segments\[0\]\.codings\[\d\]\.codeId: code "ghost" is not in the codebook/);
    const twice = good();
    twice.segments[0].codings.push({ ...twice.segments[0].codings[0], id: 'again' });
    expect(reject(JSON.stringify(twice))).toMatch(/segments\[0\]\.codings\[2\]: Amal has this code on this passage more than once/);
    const orphan = good();
    orphan.codes[0].parentId = 'nowhere';
    expect(reject(JSON.stringify(orphan))).toMatch(/codes\[0\]\.parentId: parent code "nowhere"/);
    const cycle = good();
    const [a, b] = [cycle.codes[0], cycle.codes[1]];
    a.parentId = b.id;
    b.parentId = a.id;
    expect(reject(JSON.stringify(cycle))).toMatch(/is its own ancestor/);
    const noDoc = good();
    noDoc.memos[0].documentId = 'missing-doc';
    expect(reject(JSON.stringify(noDoc))).toMatch(/memos\[0\]\.documentId: document "missing-doc"/);
    const dup = good();
    dup.segments.push(dup.segments[0]);
    expect(reject(JSON.stringify(dup))).toMatch(/segments\[7\]: duplicate id/);
    const backwards = good();
    backwards.segments[0].end = backwards.segments[0].start;
    expect(reject(JSON.stringify(backwards))).toMatch(/segments\[0\]\.end: must be greater than start/);
  });
});

describe('planRestore', () => {
  it('replace deletes what the backup lacks, in one undoable change', () => {
    const backup = parsed(exportBackup({ ...data, codes: data.codes, segments: data.segments.slice(0, 2), memos: [] }, '2024-05-01T00:00:00Z'));
    const current = { codes: data.codes, segments: data.segments, memos: data.memos, importedDocuments: [imported], attributes: [], documentInfo: [], savedSearches: [] };
    const plan = planRestore(current, backup, 'replace');
    const after = apply(current, plan.change.forward);
    expect(after.segments.map((s) => s.id).sort()).toEqual(['seg-1', 'seg-2']);
    expect(after.memos).toEqual([]);
    expect(plan.report.removed).toBe(5 + 1);
    expect(plan.report.replaced).toBe(6 + 2 + 1);
    const undone = apply(after, plan.change.backward);
    expect(new Set(undone.segments)).toEqual(new Set(data.segments));
    expect(undone.memos).toEqual(data.memos);
  });

  it('merge matches codes by path, remaps codings, keeps ids and reports conflicts', () => {
    const backup = parsed(exportBackup(data, '2024-05-01T00:00:00Z'));
    // The current project has its own "hardship" code (other id, other case) and a changed segment.
    const mine: Code = { ...data.codes[0]!, id: 'my-hardship', name: 'HARDSHIP' };
    const changed: Segment = { ...data.segments[0]!, memo: 'my own memo' };
    const current: RestoreTarget = {
      codes: [mine],
      segments: [changed],
      memos: [{ documentId: 'letter-1848-01', text: 'Different memo', updatedAt: '2024-01-01T00:00:00.000Z' }],
    };
    const plan = planRestore(current, backup, 'merge');
    const codes = plan.change.forward.codes;
    expect(codes[CODE_IDS.hardship]).toBeUndefined();
    expect(codes[CODE_IDS.crop]!.parentId).toBe('my-hardship');
    expect(codeIdsOf(plan.change.forward.segments['seg-4']!)).toEqual([CODE_IDS.emotion, 'my-hardship']);
    expect(plan.change.forward.segments['seg-1']).toBeUndefined();
    expect(plan.change.forward.memos).toEqual({});
    expect(plan.report.conflicts).toHaveLength(2);
    expect(plan.report.conflicts[0]).toMatch(/Segment "harvest failed 😢" \(seg-1\).*kept the current one/);
    expect(plan.report.conflicts[1]).toMatch(/memo of letter-1848-01/);
    // Only "my-hardship" is rewritten: numbered, so the backup's top-level codes follow it.
    expect(plan.report.replaced).toBe(1);
    expect(plan.report.reordered).toBe(1);
    expect(codes['my-hardship']).toEqual({ ...mine, position: 0, updatedAt: expect.any(String) });
    expect(plan.report.added).toBe(5 + 6 + 1);
    // Every forward write has a backward row restoring the state before (null = did not exist).
    expect(Object.values(plan.change.backward.segments).every((v) => v === null)).toBe(true);
  });

  it('merging a backup into the same project changes nothing', () => {
    const backup = parsed(exportBackup(data, '2024-05-01T00:00:00Z'));
    const plan = planRestore({ codes: data.codes, segments: data.segments, memos: data.memos, importedDocuments: [imported] }, backup, 'merge');
    expect(plan.report).toEqual({ added: 0, replaced: 0, reordered: 0, removed: 0, conflicts: [] });
  });
});

describe('a version 1 backup (codeIds + coder per segment)', () => {
  /** The backup as version 1 wrote it: one coder for all of a segment's codes. */
  const versionOne = () => {
    const json = JSON.parse(exportBackup(data, '2024-05-01T00:00:00.000Z'));
    json.version = 1;
    for (const s of json.segments) {
      s.codeIds = s.codings.map((c: { codeId: string }) => c.codeId);
      s.coder = s.codings[0].coder;
      delete s.codings;
    }
    return json;
  };

  it('is read with a coding per code, stamped with the coder and the segment\'s creation, like the Dexie v3 upgrade', () => {
    const backup = parsed(JSON.stringify(versionOne()));
    expect(backup.version).toBe(2);
    const seg2 = backup.segments.find((s) => s.id === 'seg-2')!;
    expect(seg2.codings).toEqual([{ id: `seg-2/${CODE_IDS.emotion}`, codeId: CODE_IDS.emotion, coder: 'Ben', createdAt: '2024-03-03T12:00:00+02:00' }]);
    const codings = (segments: readonly Segment[]) => segments.reduce((n, s) => n + s.codings.length, 0);
    expect(codings(backup.segments)).toBe(codings(data.segments));
  });

  it('is validated like a current one', () => {
    const ghost = versionOne();
    ghost.segments[1].codeIds.push('ghost');
    const result = parseBackup(JSON.stringify(ghost));
    expect(result.ok ? '' : result.message).toMatch(/segments\[1\]\.codings\[\d\]\.codeId: code "ghost" is not in the codebook/);
  });
});

describe('merging codebooks by path', () => {
  const T = '2024-01-01T00:00:00.000Z';
  const code = (id: string, name: string, parentId: string | null = null): Code => ({
    id, name, colour: '#336699', description: '', parentId, shortcut: null, createdAt: T, updatedAt: T,
  });

  it('keeps same-name cousins apart and matches a code only under the same parent path', () => {
    const current: RestoreTarget = { codes: [code('a', 'A'), code('a-other', 'Other', 'a')], segments: [], memos: [] };
    const incoming = [code('x-a', ' a '), code('x-a-other', 'OTHER', 'x-a'), code('x-b', 'B'), code('x-b-other', 'Other', 'x-b')];
    const backup = parsed(exportBackup({ ...data, codes: incoming, segments: [], memos: [], importedDocuments: [] }, T));
    const plan = planRestore(current, backup, 'merge');
    expect(Object.keys(plan.change.forward.codes).sort()).toEqual(['a', 'x-b', 'x-b-other']);
    expect(plan.change.forward.codes['a']!.position).toBe(0); // numbered, so "B" comes after it
    expect(plan.change.forward.codes['x-b']!.position).toBe(1);
    expect(plan.change.forward.codes['x-b-other']!.parentId).toBe('x-b');
  });
});

describe('document attributes and rows', () => {
  it('travel in a backup and come back on restore (replace and merge)', () => {
    const attribute: Attribute = { id: 'region', name: 'Region', type: 'category', values: ['North', 'South'], position: 0 };
    const info: DocumentInfo = { documentId: data.documents[0]!.id, title: 'Renamed', attributes: { region: 'North' }, removed: false, updatedAt: '2024-05-01T00:00:00.000Z' };
    const backup = parsed(exportBackup({ ...data, attributeRows: [attribute], documentInfo: [info] }, '2024-05-01T00:00:00Z'));
    expect(backup.attributes).toEqual([attribute]);
    expect(backup.documentInfo).toEqual([info]);
    const replaced = apply(empty(), planRestore(empty(), backup, 'replace').change.forward);
    expect([replaced.attributes, replaced.documentInfo]).toEqual([[attribute], [info]]);
    const merged = planRestore({ ...empty(), attributes: [{ ...attribute, values: ['East'] }] }, backup, 'merge');
    expect(merged.report.conflicts).toEqual(['Attribute "Region" differs from the backup\'s; kept the current one.']);
    expect(apply(empty(), merged.change.forward).documentInfo).toEqual([info]);
  });
});
