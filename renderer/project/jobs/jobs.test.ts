import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../common/bytes';
import { toCsv } from '../../formats/csv/csv';
import type { ProjectData } from '../../formats/projectData';
import { parseBackup } from '../../formats/backup/backup';
import { CODE_IDS, sampleProject } from '../../formats/fixtures/sampleProject';
import { importQdc } from '../../formats/refiQda/codebook';
import { importQdpx } from '../../formats/refiQda/importQdpx';
import type { Patch } from '../../domain/change';
import { codeIdsOf } from '../../domain/codings';
import type { Code, ImportedDocument } from '../../domain/model';
import { SegmentTable } from '../../domain/segmentTable';
import { EXPORT_FORMATS, exportFileName, localDate } from '../../formats/registry';
import { ExportCancelled } from '../../formats/format';
import { describeChange, isProjectEmpty, planAdditions, planBackupRestore, planCodebook, type ImportTarget } from './importPlans';
import { produceExport } from './produceExport';
import type { ReadableDocument } from '../corpus';
import { buildProjectData, corpusTextsNeeded } from './exportData';

const NOW = new Date(2024, 4, 1, 23, 30); // local time: the file name uses the local date
const ISO = '2024-05-01T12:00:00.000Z';

let data: ProjectData;
let listing: ReadableDocument[];
beforeAll(async () => {
  data = await sampleProject();
  listing = data.documents.map(({ text: _t, ...d }) => ({ ...d, origin: 'corpus' as const }));
});

const emptyTarget = (codes: Code[] = []): ImportTarget => ({
  codes,
  segments: [],
  memos: [],
  importedDocuments: [],
  settings: { coder: 'Zoe' },
});

/** Applies a patch to in-memory tables the way the store does (null deletes). */
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

describe('file names and formats', () => {
  it('names every export after the local date', () => {
    expect(localDate(NOW)).toBe('2024-05-01');
    expect(EXPORT_FORMATS.map((f) => exportFileName(f, NOW))).toEqual([
      'marginalia-coding-2024-05-01.csv',
      'marginalia-coding-2024-05-01-segments.csv',
      'marginalia-coding-2024-05-01-project.json',
      'marginalia-coding-2024-05-01-annotations.jsonld',
      'marginalia-coding-2024-05-01.qdpx',
      'marginalia-coding-2024-05-01.qdc',
    ]);
    expect(localDate(new Date(2031, 0, 9))).toBe('2031-01-09');
  });

  it('offers the labels the dialogs are found by', () => {
    expect(EXPORT_FORMATS.map((f) => f.label)).toEqual([
      'Annotated CSV (one row per coding)',
      'CSV, one row per segment (0/1 code columns)',
      'Project backup (JSON)',
      'W3C Web Annotations (JSON-LD)',
      'REFI-QDA project (.qdpx)',
      'REFI-QDA codebook (.qdc)',
    ]);
  });
});

describe('buildProjectData', () => {
  it('takes corpus texts from the loaded map and imported texts from their rows', () => {
    const imported: ImportedDocument = {
      id: 'qdpx-1', title: 'Interview', kind: null, place: null, date: null, sha256: 'f'.repeat(64),
      text: 'Imported text.', source: 'x.qdpx', importedAt: ISO,
    };
    const texts = new Map(data.documents.map((d) => [d.id, d.text]));
    const built = buildProjectData([...listing, { ...imported, origin: 'imported' }], texts, {
      codes: data.codes,
      segments: SegmentTable.of(data.segments),
      memos: data.memos,
      documents: [imported],
      settings: data.settings,
    });
    expect(built.documents.map((d) => d.id)).toEqual([...data.documents.map((d) => d.id), 'qdpx-1']);
    expect(built.documents[0]).toEqual(data.documents[0]);
    expect(built.documents[2]!.text).toBe('Imported text.');
    expect(built.importedDocuments).toEqual([imported]);
    expect(built.placement).toBeUndefined(); // without Placements: the stored rows
    // Same input, same CSV as the domain's own fixture.
    // Beside the fixture's columns, the CSV gains one column per attribute (kind, place, date).
    expect(toCsv({ ...built, documents: built.documents.slice(0, 2), importedDocuments: [], attributes: [] })).toBe(toCsv(data));
    expect(built.attributes).toEqual([
      { id: 'kind', name: 'Kind', type: 'text' },
      { id: 'place', name: 'Place', type: 'text' },
      { id: 'date', name: 'Date', type: 'date' },
    ]);
  });

  it('loads only the texts a format needs', () => {
    const onlyLetter = data.segments.filter((s) => s.documentId === 'letter-1848-01');
    const need = (id: string) => EXPORT_FORMATS.find((f) => f.id === id)!.export.texts;
    expect(corpusTextsNeeded(need('backup'), listing, data.segments)).toEqual([]);
    expect(corpusTextsNeeded(need('qdc'), listing, data.segments)).toEqual([]);
    expect(corpusTextsNeeded(need('qdpx'), listing, onlyLetter)).toEqual(['letter-1848-01', 'diary-1850']);
    expect(corpusTextsNeeded(need('csv-long'), listing, onlyLetter)).toEqual(['letter-1848-01']);
    expect(corpusTextsNeeded(need('annotations'), listing, [])).toEqual([]);
  });
});

describe('produceExport', () => {
  it('writes the CSV in chunks that add up to toCsv, reporting progress', async () => {
    const progress: Array<[number, number]> = [];
    const out = await produceExport('csv-long', data, { now: NOW, userName: 'Amal', csv: { bom: false }, onProgress: (d, t) => progress.push([d, t]) });
    expect(out.content).toBe(toCsv(data, { bom: false }));
    expect(out.encoding).toBe('utf8');
    expect(out.rows).toBe(progress.at(-1)![1]);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    const wide = await produceExport('csv-wide', data, { now: NOW, userName: 'Amal', csv: { coder: 'Ben' } });
    expect(wide.content).toBe(toCsv(data, { shape: 'wide', coder: 'Ben' }));
  });

  it('stops when cancelled', async () => {
    await expect(produceExport('csv-long', data, { now: NOW, userName: 'A', cancelled: () => true })).rejects.toBeInstanceOf(ExportCancelled);
  });

  it('stops a .qdpx worker when the export is cancelled while it runs', async () => {
    const workers: Array<{ terminated: boolean }> = [];
    class SlowWorker {
      terminated = false;
      onmessage: unknown = null;
      onerror: unknown = null;
      constructor() {
        workers.push(this);
      }
      postMessage() {} // never answers: a project that takes long to write
      terminate() {
        this.terminated = true;
      }
    }
    const had = 'Worker' in globalThis;
    const previous = (globalThis as { Worker?: unknown }).Worker;
    (globalThis as { Worker?: unknown }).Worker = SlowWorker;
    try {
      let closed = false;
      const running = produceExport('qdpx', data, { now: NOW, userName: 'Amal', cancelled: () => closed });
      setTimeout(() => (closed = true), 50);
      await expect(running).rejects.toBeInstanceOf(ExportCancelled);
      expect(workers).toHaveLength(1);
      expect(workers[0]!.terminated).toBe(true);
    } finally {
      if (had) (globalThis as { Worker?: unknown }).Worker = previous;
      else delete (globalThis as { Worker?: unknown }).Worker;
    }
  });

  it('writes a backup that parses, and a .qdpx in base64 that imports', async () => {
    const backup = await produceExport('backup', data, { now: NOW, userName: 'Amal' });
    const parsed = parseBackup(backup.content);
    expect(parsed.ok).toBe(true);
    const qdpx = await produceExport('qdpx', data, { now: NOW, userName: 'Amal' });
    expect(qdpx.encoding).toBe('base64');
    const back = await importQdpx(base64ToBytes(qdpx.content));
    expect(back.segments).toHaveLength(data.segments.length);
    const ann = JSON.parse((await produceExport('annotations', data, { now: NOW, userName: 'A', projectName: 'Letters' })).content);
    expect(ann.label).toBe('Letters');
    expect((await produceExport('qdc', data, { now: NOW, userName: 'A' })).content).toContain('<CodeBook');
  });
});

describe('import plans', () => {
  it('describes a change per table', () => {
    const change = {
      label: 'x',
      forward: { codes: { a: data.codes[0]!, b: null }, segments: { s: data.segments[0]! }, memos: {}, documents: {} },
      backward: { codes: { a: null, b: data.codes[1]! }, segments: { s: data.segments[1]! }, memos: {}, documents: {} },
    };
    expect(describeChange(change)).toBe('Added 1 code; replaced 1 segment; removed 1 code.');
    expect(describeChange({ label: 'x', forward: { codes: {}, segments: {}, memos: {}, documents: {} }, backward: { codes: {}, segments: {}, memos: {}, documents: {} } })).toMatch(/^Nothing new/);
  });

  it('restores a backup by replacing, or merges it with codes matched by path', () => {
    const parsed = parseBackup(JSON.stringify({ format: 'marginalia-project', version: 2, exportedAt: ISO, documents: data.documents.map((d) => ({ id: d.id, title: d.title, sha256: d.sha256 })), codes: data.codes, segments: data.segments, memos: data.memos, settings: data.settings }));
    if (!parsed.ok) throw new Error(parsed.message);
    const own: Code = { ...data.codes[3]!, id: 'other-emotion' }; // "Emotion" under another id
    const current = emptyTarget([own]);
    expect(isProjectEmpty(current)).toBe(false);
    expect(isProjectEmpty(emptyTarget())).toBe(true);

    const replace = planBackupRestore(current, parsed.backup, 'replace', listing);
    const replaced = apply(current, replace.change.forward);
    expect(replaced.codes.map((c) => c.id).sort()).toEqual(data.codes.map((c) => c.id).sort());
    expect(replaced.segments).toHaveLength(data.segments.length);
    expect(replace.summary).toMatch(/^Added 6 codes, 7 segments and 1 document memo; removed 1 code\.$/);

    const merge = planBackupRestore(current, parsed.backup, 'merge', listing);
    const merged = apply(current, merge.change.forward);
    expect(merged.codes.filter((c) => c.name === 'Emotion').map((c) => c.id)).toEqual(['other-emotion']);
    expect(codeIdsOf(merged.segments.find((s) => s.id === 'seg-2')!)).toEqual(['other-emotion']);
  });

  it('notes segments of documents missing from the corpus and changed texts', () => {
    const parsed = parseBackup(JSON.stringify({ format: 'marginalia-project', version: 2, exportedAt: ISO, documents: data.documents.map((d) => ({ id: d.id, title: d.title, sha256: d.sha256 })), codes: data.codes, segments: data.segments, memos: [], settings: data.settings }));
    if (!parsed.ok) throw new Error(parsed.message);
    const corpus = [{ id: 'letter-1848-01', title: 'Letter', sha256: '0'.repeat(64) }];
    const plan = planBackupRestore(emptyTarget(), parsed.backup, 'replace', corpus);
    expect(plan.notes.join('\n')).toMatch(/changed since the backup/);
    expect(plan.notes.join('\n')).toMatch(/1 document not in this corpus.*=Diary of Ben/);
  });

  it('imports our own .qdpx into a project with the same corpus: no document copies, codes matched by path', async () => {
    const qdpx = await produceExport('qdpx', data, { now: NOW, userName: 'Amal' });
    const imported = await importQdpx(base64ToBytes(qdpx.content), { now: ISO, fileName: 'x.qdpx' });
    const ownHardship: Code = { ...data.codes[0]!, id: 'mine-hardship' };
    const current = emptyTarget([ownHardship]);
    const plan = planAdditions(current, imported, listing, { now: ISO, fileName: 'x.qdpx' });
    expect(plan.change.label).toBe('Import x.qdpx');
    expect(Object.keys(plan.change.forward.documents)).toEqual([]);
    const after = apply(current, plan.change.forward);
    expect(after.segments).toHaveLength(data.segments.length);
    expect(after.codes.filter((c) => c.name === 'Hardship').map((c) => c.id)).toEqual(['mine-hardship']);
    expect(after.codes.find((c) => c.id === CODE_IDS.crop)!.parentId).toBe('mine-hardship');
    expect(codeIdsOf(after.segments.find((s) => s.id === 'seg-5')!)).toEqual(['mine-hardship']);
    expect(after.memos).toHaveLength(1);
    expect(plan.notes.join('\n')).toMatch(/Already in the corpus/);
    expect(plan.notes.join('\n')).toMatch(/1 code matched existing codes by path: "Hardship"/);
    // Importing it again adds nothing.
    const again = planAdditions(after, imported, listing, { now: ISO, fileName: 'x.qdpx' });
    expect(describeChange(again.change)).toMatch(/^Nothing new/);
  });

  it('imports .qdpx documents as imported documents, renaming one whose id is taken by another text', async () => {
    const qdpx = await produceExport('qdpx', data, { now: NOW, userName: 'Amal' });
    const imported = await importQdpx(base64ToBytes(qdpx.content), { now: ISO, fileName: 'x.qdpx' });
    // This corpus has a different letter under the same id, and no diary.
    const corpus = [{ id: 'letter-1848-01', title: 'Another letter', sha256: '0'.repeat(64) }];
    const plan = planAdditions(emptyTarget(), imported, corpus, { now: ISO, fileName: 'x.qdpx' });
    const docs = Object.values(plan.change.forward.documents) as ImportedDocument[];
    expect(docs.map((d) => d.id).sort()).toEqual(['diary-1850', 'letter-1848-01-2']);
    const after = apply(emptyTarget(), plan.change.forward);
    const letterSegments = after.segments.filter((s) => s.documentId === 'letter-1848-01-2');
    expect(letterSegments).toHaveLength(5);
    const letter = docs.find((d) => d.id === 'letter-1848-01-2')!;
    for (const s of letterSegments) expect(letter.text.slice(s.start, s.end)).toBe(s.quote);
    expect(after.memos.map((m) => m.documentId)).toEqual(['letter-1848-01-2']);
    expect(plan.notes.join('\n')).toMatch(/imported as a separate document/);
  });

  it('imports a .qdc, skipping paths that exist', async () => {
    const xml = (await produceExport('qdc', data, { now: NOW, userName: 'A' })).content;
    const current = emptyTarget([{ ...data.codes[3]!, id: 'x-emotion', name: 'emotion' }]);
    const plan = planCodebook(current, importQdc(xml, { now: ISO }), { now: ISO, fileName: 'c.qdc' });
    const after = apply(current, plan.change.forward);
    expect(after.codes.map((c) => c.name).sort()).toEqual(['+Hope', 'Crop failure', 'Drought', 'Hardship', 'Language', 'emotion']);
    expect(plan.notes[0]).toBe('Skipped 1 code whose paths already exist: "Emotion".');
    expect(plan.change.label).toBe('Import codebook c.qdc');
  });
});
