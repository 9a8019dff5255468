/**
 * Import plans on codings and paths: codes are matched by their path, never by a bare name,
 * so same-name cousins stay two codes; each coder's <Coding> stays a coding of its own. Also
 * the real REFI-QDA files of other tools in ../shared/interop (see its README).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../domain/change';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code, Segment } from '../../domain/model';
import { sha256Hex } from '../../../common/text/sha256';
import { codingOf } from '../../formats/fixtures/sampleProject';
import { exportQdc, importQdc } from '../../formats/refiQda/codebook';
import { exportQdpx } from '../../formats/refiQda/exportQdpx';
import { importQdpx } from '../../formats/refiQda/importQdpx';
import { describeChange, planAdditions, planCodebook, type ImportTarget } from './importPlans';

const T = '2024-01-01T00:00:00.000Z';
const FILE = { now: T, fileName: 'x' };
const INTEROP = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/interop');

const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id, name, colour: '#336699', description: '', parentId, shortcut: null, createdAt: T, updatedAt: T,
});
const target = (codes: Code[] = []): ImportTarget => ({ codes, segments: [], memos: [], importedDocuments: [], settings: { coder: 'Zoe' } });

function apply(state: ImportTarget, patch: Patch): ImportTarget {
  const table = <T>(rows: readonly T[], key: (r: T) => string, writes: Record<string, T | null>) => {
    const map = new Map(rows.map((r) => [key(r), r]));
    for (const [k, v] of Object.entries(writes)) if (v === null) map.delete(k);
    else map.set(k, v);
    return [...map.values()];
  };
  return {
    ...state,
    codes: table(state.codes, (c) => c.id, patch.codes),
    segments: table(state.segments, (s) => s.id, patch.segments),
    memos: table(state.memos, (m) => m.documentId, patch.memos),
    importedDocuments: table(state.importedDocuments, (d) => d.id, patch.documents),
  };
}
const paths = (codes: readonly Code[]) => {
  const byId = codesById(codes);
  return codes.map((c) => codePath(byId, c.id)).sort();
};

/** This project's "A > Other", and another tool's "A > Other" and "B > Other" (other ids). */
const OURS = [code('a', 'A'), code('a-other', 'Other', 'a')];
const THEIRS = [code('t-a', 'a'), code('t-a-other', 'other', 't-a'), code('t-b', 'B'), code('t-b-other', 'Other', 't-b')];

describe('same-name cousins', () => {
  it('a .qdc adds "B > Other" beside "A > Other" and skips only the paths that exist', () => {
    const plan = planCodebook(target(OURS), importQdc(exportQdc(THEIRS), { now: T }), FILE);
    expect(paths(apply(target(OURS), plan.change.forward).codes)).toEqual(['A', 'A > Other', 'B', 'B > Other']);
    expect(plan.notes).toEqual(['Skipped 2 codes whose paths already exist: "a", "a > other".']);
  });

  it('a .qdpx keeps them apart, each coding on its own code, and reports no match by name', async () => {
    const text = 'Other reasons, and other again.';
    const doc = { id: 'doc', title: 'Doc', kind: null, place: null, date: null, sha256: 'f'.repeat(64), text };
    const segment: Segment = {
      id: 'seg', documentId: 'doc', documentHash: doc.sha256, start: 0, end: 13, quote: 'Other reasons', prefix: '', suffix: text.slice(13),
      codings: [codingOf('seg', 't-a-other', 'Zoe'), codingOf('seg', 't-b-other', 'Zoe')], memo: '', createdAt: T, updatedAt: T,
    };
    const bytes = exportQdpx({ documents: [doc], codes: THEIRS, segments: [segment], memos: [], settings: { coder: 'Zoe' } }, { now: T, userName: 'Zoe' });
    const imported = await importQdpx(bytes, { now: T });

    const intoEmpty = planAdditions(target(), imported, [], FILE);
    const fresh = apply(target(), intoEmpty.change.forward);
    expect(paths(fresh.codes)).toEqual(['B', 'B > Other', 'a', 'a > other']);
    expect(intoEmpty.notes.join('\n')).not.toMatch(/matched/);

    const intoOurs = planAdditions(target(OURS), imported, [], FILE);
    const merged = apply(target(OURS), intoOurs.change.forward);
    expect(paths(merged.codes)).toEqual(['A', 'A > Other', 'B', 'B > Other']);
    const byId = codesById(merged.codes);
    expect(merged.segments[0]!.codings.map((c) => codePath(byId, c.codeId))).toEqual(['A > Other', 'B > Other']);
    expect(intoOurs.notes[0]).toBe('2 codes matched existing codes by path: "a", "a > other".');
  });
});

describe('two coders on one selection', () => {
  it('import as one segment with both codings', async () => {
    const text = 'Alice and Bob read the same line.';
    const doc = { id: 'doc', title: 'Doc', kind: null, place: null, date: null, sha256: 'f'.repeat(64), text };
    const segment: Segment = {
      id: 'seg', documentId: 'doc', documentHash: doc.sha256, start: 0, end: 5, quote: 'Alice', prefix: '', suffix: text.slice(5),
      codings: [codingOf('seg', 'a', 'Alice'), codingOf('seg', 'a', 'Bob')], memo: '', createdAt: T, updatedAt: T,
    };
    const bytes = exportQdpx({ documents: [doc], codes: OURS, segments: [segment], memos: [], settings: { coder: 'Alice' } }, { now: T, userName: 'Alice' });
    const plan = planAdditions(target(), await importQdpx(bytes, { now: T }), [], FILE);
    const after = apply(target(), plan.change.forward);
    expect(after.segments).toHaveLength(1);
    expect(after.segments[0]!.codings.map((c) => [c.codeId, c.coder])).toEqual([
      ['a', 'Alice'],
      ['a', 'Bob'],
    ]);
  });
});

describe('a source whose text is already here', () => {
  it('maps onto that document whatever its id: its codings land on it, no copy is added, the report says so', async () => {
    const text = 'The same words, exported by another tool.';
    const doc = { id: 'theirs', title: 'Their copy', kind: null, place: null, date: null, sha256: sha256Hex(text), text };
    const segment: Segment = {
      id: 'seg', documentId: 'theirs', documentHash: doc.sha256, start: 4, end: 14, quote: 'same words', prefix: 'The ', suffix: text.slice(14),
      codings: [codingOf('seg', 'a', 'Ada')], memo: '', createdAt: T, updatedAt: T,
    };
    const bytes = exportQdpx({ documents: [doc], codes: OURS, segments: [segment], memos: [], settings: { coder: 'Ada' } }, { now: T, userName: 'Ada' });
    const imported = await importQdpx(bytes, { now: T });
    const corpus = [{ id: 'corpus-doc', title: 'Ours', sha256: sha256Hex(text) }];
    const plan = planAdditions(target(), { ...imported, documents: imported.documents.map((d) => ({ ...d, id: 'a-new-guid' })), segments: imported.segments.map((s) => ({ ...s, documentId: 'a-new-guid' })) }, corpus, FILE);
    const after = apply(target(), plan.change.forward);
    expect(after.importedDocuments).toEqual([]);
    expect(after.segments.map((s) => [s.documentId, s.quote])).toEqual([['corpus-doc', 'same words']]);
    expect(plan.notes).toContain('1 document has the same text as a document here, under another id; its codings were put on it: "Their copy" → "Ours".');
  });
});

describe('real REFI-QDA files of other tools', () => {
  for (const file of ['nvivo_project.qdpx', 'qc_demo.qdpx']) {
    it(`${file}: 262 distinct codes, none merged by name (child names repeat under different parents)`, async () => {
      const imported = await importQdpx(new Uint8Array(readFileSync(resolve(INTEROP, file))), { now: T, fileName: file });
      expect(imported.codes).toHaveLength(262);
      expect(new Set(paths(imported.codes)).size).toBe(262);
      expect(new Set(imported.codes.map((c) => c.name)).size).toBeLessThan(262);

      const plan = planAdditions(target(), imported, [], { now: T, fileName: file });
      const after = apply(target(), plan.change.forward);
      expect(after.codes).toHaveLength(262);
      expect(plan.notes.join('\n')).not.toMatch(/matched/);
      // Importing it again adds nothing: every code matches itself.
      expect(describeChange(planAdditions(after, imported, [], { now: T, fileName: file }).change)).toMatch(/^Nothing new/);
    });
  }

  it('qc_demo.qdpx: its sources at relative paths, 158 selections with their 205 codings', async () => {
    const imported = await importQdpx(new Uint8Array(readFileSync(resolve(INTEROP, 'qc_demo.qdpx'))), { now: T });
    expect(imported.documents).toHaveLength(2);
    expect(imported.segments).toHaveLength(158);
    expect(imported.segments.reduce((n, s) => n + s.codings.length, 0)).toBe(205);
    for (const s of imported.segments) {
      const doc = imported.documents.find((d) => d.id === s.documentId)!;
      expect(doc.text.slice(s.start, s.end)).toBe(s.quote);
      expect(s.codings.every((c) => c.coder === 'cp')).toBe(true);
    }
  });
});

describe('the order of imported codes', () => {
  const tree = (codes: readonly Code[]) => flattenTree(codes).map(({ code, depth }) => `${'  '.repeat(depth)}${code.name}`);
  // A file's order, not the alphabet's: Zulu before Alpha, and under Zulu, Mike before Bravo.
  const FILE_ORDER = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another tool"><Codes>
  <Code guid="8f2c6a1e-0b7d-4c55-9a31-000000000001" name="Zulu" isCodable="true">
    <Code guid="8f2c6a1e-0b7d-4c55-9a31-000000000002" name="Mike" isCodable="true"/>
    <Code guid="8f2c6a1e-0b7d-4c55-9a31-000000000003" name="Bravo" isCodable="true"/>
  </Code>
  <Code guid="8f2c6a1e-0b7d-4c55-9a31-000000000004" name="Alpha" isCodable="true"/>
</Codes></CodeBook>`;

  it('a .qdc into an empty project: siblings stand in the file’s order', () => {
    const read = importQdc(FILE_ORDER, { now: T });
    expect(read.codes.map((c) => [c.name, c.position])).toEqual([['Zulu', 0], ['Mike', 0], ['Bravo', 1], ['Alpha', 1]]);
    const after = apply(target(), planCodebook(target(), read, FILE).change.forward);
    expect(tree(after.codes)).toEqual(['Zulu', '  Mike', '  Bravo', 'Alpha']);
  });

  it('a .qdc merged: new codes after the codes already under their parent, which keep their order', () => {
    // Ours sort by name (no positions, as the default codebook): A, then its "Other"; "Q".
    const ours = [code('q', 'Q'), ...OURS];
    const theirs = [code('t-a', 'A'), code('t-a-y', 'Yankee', 't-a'), code('t-a-c', 'Charlie', 't-a'), code('t-z', 'Zulu'), code('t-b', 'Bravo')];
    const plan = planCodebook(target(ours), importQdc(exportQdc(theirs), { now: T }), FILE);
    // exportQdc writes the tree's order (by name without positions): Charlie, Yankee; Bravo, Zulu.
    expect(tree(apply(target(ours), plan.change.forward).codes)).toEqual(['A', '  Other', '  Charlie', '  Yankee', 'Q', 'Bravo', 'Zulu']);
    // The codes already here were only numbered in the order they were shown: not "replaced".
    expect(plan.summary).toBe('Added 4 codes.');
  });

  it('a .qdpx keeps the file’s order too, and importing it again changes nothing', async () => {
    // Their manual order (not by name): Zulu (Mike, Bravo), then Alpha.
    const theirs = [code('t-z', 'Zulu'), code('t-z-m', 'Mike', 't-z'), code('t-z-b', 'Bravo', 't-z'), code('t-a', 'Alpha')].map((c, i) => ({ ...c, position: [0, 0, 1, 1][i] }));
    const bytes = exportQdpx({ documents: [], codes: theirs, segments: [], memos: [], settings: { coder: 'Zoe' } }, { now: T, userName: 'Zoe' });
    const imported = await importQdpx(bytes, { now: T });
    const after = apply(target(), planAdditions(target(), imported, [], FILE).change.forward);
    expect(tree(after.codes)).toEqual(['Zulu', '  Mike', '  Bravo', 'Alpha']);
    expect(describeChange(planAdditions(after, imported, [], FILE).change)).toMatch(/^Nothing new/);
  });
});
