/**
 * The import job against a real store (fake-indexeddb): an imported document never takes a
 * corpus document's place, a backup's offsets are checked against the corpus texts it has, a
 * merge keeps each shortcut digit on one code, and the plan is made from the state at commit
 * time (a code created while the file was being read is matched, not doubled).
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../common/text/sha256';
import { createCode } from '../../domain/codebook';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import type { Code, ImportedDocument, Segment } from '../../domain/model';
import { quoteSelector } from '../../domain/segments';
import { exportBackup } from '../../formats/backup/backup';
import { exportQdc } from '../../formats/refiQda/codebook';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { ProjectStore } from '../projectStore';
import { readImport, storeImport, type ImportSource } from './importJob';

const T = '2024-05-01T00:00:00.000Z';
const CORPUS_TEXT = 'The Small Group of the Global Coalition met in Brussels.';
const CORPUS = [{ id: 'brussels', title: 'Brussels meeting', sha256: sha256Hex(CORPUS_TEXT) }];
const FILE = { now: T, fileName: 'file' };
const source: ImportSource = { corpus: CORPUS, corpusText: async () => CORPUS_TEXT };

async function openStore(name: string) {
  const project = await openProject({ name, ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  return store;
}

const code = (id: string, name: string, shortcut: number | null = null): Code => ({
  id, name, colour: '#336699', description: '', parentId: null, shortcut, createdAt: T, updatedAt: T,
});

function segment(id: string, documentId: string, text: string, start: number, end: number, codeId: string): Segment {
  return {
    id, documentId, documentHash: sha256Hex(text), start, end, ...quoteSelector(text, start, end),
    codings: [{ id: `${id}-c`, codeId, coder: 'Ada', createdAt: T }], memo: '', createdAt: T, updatedAt: T,
  };
}

function backupBytes(parts: { codes: Code[]; segments: Segment[]; imported?: ImportedDocument[]; corpusDocs?: typeof CORPUS }): Uint8Array {
  const documents = [...(parts.corpusDocs ?? []), ...(parts.imported ?? [])].map((d) => ({ id: d.id, title: d.title, kind: null, place: null, date: null, sha256: d.sha256, text: '' }));
  const json = exportBackup({ documents, codes: parts.codes, segments: parts.segments, memos: [], settings: { coder: 'Ada' }, importedDocuments: parts.imported ?? [] }, T);
  return new TextEncoder().encode(json);
}

const importedDoc = (id: string, text: string): ImportedDocument => ({
  id, title: 'Imported notes', kind: null, place: null, date: null, sha256: sha256Hex(text), text, source: 'x.json', importedAt: T,
});

describe('an imported document never shadows a corpus document', () => {
  it('one with another text under a corpus id is restored under a new id, its segments following', async () => {
    const store = await openStore('shadow-other');
    const text = 'Completely different words, shown instead of the corpus file.';
    const bytes = backupBytes({ codes: [code('c1', 'Theme')], segments: [segment('s1', 'brussels', text, 0, 10, 'c1')], imported: [importedDoc('brussels', text)] });
    const outcome = await storeImport(store, await readImport('backup', bytes, FILE), FILE, source, 'merge');
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/"Imported notes" has the id of the corpus document "Brussels meeting" but another text: it was restored as a separate document/);
    const [doc] = store.getSnapshot().documents;
    expect(doc!.id).not.toBe('brussels');
    expect(store.getSnapshot().segments.all().find((s) => s.id === 's1')!.documentId).toBe(doc!.id);
  });

  it('one with the corpus document\'s very text is that document: not stored again', async () => {
    const store = await openStore('shadow-same');
    const bytes = backupBytes({ codes: [code('c1', 'Theme')], segments: [segment('s1', 'brussels', CORPUS_TEXT, 4, 15, 'c1')], imported: [importedDoc('brussels', CORPUS_TEXT)] });
    const outcome = await storeImport(store, await readImport('backup', bytes, FILE), FILE, source, 'merge');
    expect(outcome.ok && outcome.notes.join('\n')).toMatch(/is the corpus document "Brussels meeting" \(same id, same text\)/);
    expect(store.getSnapshot().documents).toEqual([]);
    expect(store.getSnapshot().segments.all().find((s) => s.id === 's1')!.documentId).toBe('brussels');
  });
});

describe('a backup against the corpus texts', () => {
  it('reports segments whose offsets do not fit the corpus text (they are placed by their quotes)', async () => {
    const store = await openStore('offsets');
    const far = { ...segment('s1', 'brussels', CORPUS_TEXT, 4, 15, 'c1'), start: 400, end: 411 };
    const bytes = backupBytes({ codes: [code('c1', 'Theme')], segments: [far], corpusDocs: CORPUS });
    const outcome = await storeImport(store, await readImport('backup', bytes, FILE), FILE, source, 'merge');
    expect(outcome.ok && outcome.notes).toContain(
      '1 segment of "Brussels meeting" does not match its text at its offsets (beyond its end, or another passage there): it is placed again by its quote, or listed as unplaced, never used where it points.',
    );
    const placed = store.placements.place('brussels', store.getSnapshot().segments.inDocument('brussels'), CORPUS_TEXT, CORPUS[0]!.sha256);
    expect(placed.placed.map((s) => [s.start, s.end])).toEqual([[4, 15]]);
  });
});

describe('merging keeps the codebook\'s rules', () => {
  it('a shortcut digit the project already uses is not taken by an incoming code', async () => {
    const store = await openStore('shortcut');
    const bytes = backupBytes({ codes: [code('c1', 'Theme', 1)], segments: [] });
    const outcome = await storeImport(store, await readImport('backup', bytes, FILE), FILE, source, 'merge');
    expect(outcome.ok && outcome.notes).toContain('Code "Theme" came without its shortcut 1: that digit already applies another code.');
    const withOne = store.getSnapshot().codes.filter((c) => c.shortcut === 1);
    expect(withOne.map((c) => c.name)).toEqual(['FTF']);
  });

  it('plans against the state when it stores: a code created while the file was read is matched, not doubled', async () => {
    const store = await openStore('commit-time');
    const incoming = await readImport('qdc', new TextEncoder().encode(exportQdc([code('x', 'Returnees')])), FILE);
    await store.act((ctx, state) => createCode(state.codes, { name: 'returnees' }, ctx).change);
    const outcome = await storeImport(store, incoming, FILE, source);
    expect(outcome.ok && outcome.summary).toMatch(/^Nothing new/);
    expect(store.getSnapshot().codes.filter((c) => c.name.toLowerCase() === 'returnees')).toHaveLength(1);
  });
});
