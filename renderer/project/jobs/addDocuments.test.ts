/**
 * Adding files with a real store (fake-indexeddb) and the real converters (inline: no Worker in
 * Node): each file's result, duplicates by normalised text, one Undo for the batch, cancel adds
 * nothing; then rename, attributes and remove (with segments) on the added documents, each undoable.
 */
import { describe, expect, it } from 'vitest';
import { docxFile } from '../../../scripts/fixtures/docxFile';
import { pdfFile } from '../../../scripts/fixtures/pdfFile';
import { sha256Hex } from '../../../common/text/sha256';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import { applyCode } from '../../domain/segments';
import { defineAttribute, removeDocument, renameDocument, setAttributeValue } from '../../domain/documents/documentChanges';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { readableDocuments } from '../corpus';
import { ProjectStore } from '../projectStore';
import { addDocumentFiles } from './addDocuments';

const CORPUS_TEXT = 'A corpus document.';
const CORPUS = [{ id: 'corpus-1', title: 'Corpus one', kind: 'statement', place: 'Paris', date: '2019-06-25', sha256: sha256Hex(CORPUS_TEXT), length: CORPUS_TEXT.length }];
const utf8 = (text: string) => new TextEncoder().encode(text);

async function openStore(name: string) {
  const project = await openProject({ name, ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  return store;
}

describe('addDocumentFiles', () => {
  it('adds txt, md, html, docx and pdf in one undoable change, with a result per file', async () => {
    const store = await openStore('add-all');
    const progress: number[] = [];
    const files = [
      { name: 'notes.txt', bytes: utf8('Plain\nnotes.') },
      { name: 'readme.md', bytes: utf8('# Heading\n\nBody *text*.') },
      { name: 'page.html', bytes: utf8('<p>Web <b>page</b></p><script>x()</script>') },
      { name: 'letter.docx', bytes: await docxFile({ paragraphs: ['Dear all,'], table: [['a', 'b']] }) },
      { name: 'report.pdf', bytes: await pdfFile(['First page', null, 'Third page']) },
      { name: 'copy.txt', bytes: utf8('\uFEFFPlain\r\nnotes.') },
      { name: 'same-as-corpus.txt', bytes: utf8(CORPUS_TEXT) },
      { name: 'binary.txt', bytes: new Uint8Array([65, 0, 66]) },
      { name: 'image.png', bytes: new Uint8Array([137, 80, 78, 71]) },
      { name: 'unreadable.pdf', error: 'permission denied' },
    ];
    const outcome = await addDocumentFiles(store, files, { existing: CORPUS, onProgress: (done) => progress.push(done) });
    expect(outcome.cancelled).toBe(false);
    expect(outcome.results.map((r) => [r.name, r.status])).toEqual([
      ['notes.txt', 'added'],
      ['readme.md', 'added'],
      ['page.html', 'added'],
      ['letter.docx', 'added'],
      ['report.pdf', 'added'],
      ['copy.txt', 'duplicate'],
      ['same-as-corpus.txt', 'duplicate'],
      ['binary.txt', 'refused'],
      ['image.png', 'refused'],
      ['unreadable.pdf', 'refused'],
    ]);
    expect(outcome.results[5]).toMatchObject({ sameAs: 'notes' });
    expect(outcome.results[6]).toMatchObject({ sameAs: 'Corpus one' });
    expect(outcome.results[7]).toMatchObject({ reason: expect.stringMatching(/NUL bytes/) });
    expect(outcome.results[4]).toMatchObject({ warnings: ['1 of 3 pages have no text (scanned?)'] });
    expect(progress.at(-1)).toBe(files.length);

    const snapshot = store.getSnapshot();
    expect(snapshot.documents.map((d) => [d.title, d.text])).toEqual([
      ['notes', 'Plain\nnotes.'],
      ['readme', 'Heading\nBody text.'],
      ['page', 'Web page'],
      ['letter', 'Dear all,\na\tb'],
      ['report', 'First page\n\nThird page'],
    ]);
    expect(snapshot.documents[4]!.provenance).toEqual({ fileName: 'report.pdf', pageStarts: [0, 12, 12] });
    expect(snapshot.undoLabel).toBe('Add 5 documents');
    await store.undo();
    expect(store.getSnapshot().documents).toEqual([]);
  });

  it('adds nothing when cancelled', async () => {
    const store = await openStore('add-cancel');
    let calls = 0;
    const outcome = await addDocumentFiles(store, [{ name: 'a.txt', bytes: utf8('a') }, { name: 'b.txt', bytes: utf8('b') }], {
      existing: [],
      cancelled: () => ++calls > 1,
    });
    expect(outcome.cancelled).toBe(true);
    expect(store.getSnapshot().documents).toEqual([]);
  });


  it('stops a conversion under way when cancelled, adding nothing', async () => {
    const store = await openStore('add-cancel-running');
    let stopped = false;
    let closed = false;
    const neverDone = { convert: () => new Promise<never>(() => undefined), close: () => void (closed = true) };
    setTimeout(() => (stopped = true), 50);
    const outcome = await addDocumentFiles(store, [{ name: 'big.pdf', bytes: utf8('%PDF') }], { existing: [], pool: neverDone, cancelled: () => stopped });
    expect(outcome).toEqual({ results: [], cancelled: true });
    expect(closed).toBe(false); // a pool the caller lent stays the caller's
    expect(store.getSnapshot().documents).toEqual([]);
  });
});

describe('documents as first-class rows', () => {
  it('renames, sets attributes, filters by them and removes a document with its segments — each one undoable', async () => {
    const store = await openStore('first-class');
    await addDocumentFiles(store, [{ name: 'interview.txt', bytes: utf8('We talked about returnees.') }], { existing: [] });
    const doc = store.getSnapshot().documents[0]!;
    const ctx = defaultContext();
    const code = store.getSnapshot().codes[0]!;
    const target = { documentId: doc.id, documentHash: doc.sha256, text: doc.text, start: 16, end: 25 };
    await store.act((c, s) => applyCode(s.segments.inDocument(doc.id), target, code.id, 'Ada', c).change, { documentId: doc.id });
    expect(store.getSnapshot().segments.inDocument(doc.id)).toHaveLength(1);

    await store.act((_c, s) => renameDocument(s, doc.id, '  Interview   3 ', ctx));
    await store.act((_c, s) => defineAttribute(s, 'Region', 'category', ['North', 'South'], ctx));
    const region = store.getSnapshot().attributes[0]!;
    await store.act((_c, s) => setAttributeValue(s, doc.id, region.id, 'North', ctx));
    await store.act((_c, s) => setAttributeValue(s, 'corpus-1', 'place', 'Brussels', ctx));
    expect(await store.act((_c, s) => setAttributeValue(s, doc.id, region.id, 'East', ctx))).toBeNull();
    expect(store.getSnapshot().error).toMatch(/“Region” takes one of its values \(North, South\)/);

    const listed = () => {
      const s = store.getSnapshot();
      return readableDocuments(CORPUS, s.documents, s.documentInfo, s.attributes);
    };
    expect(listed().map((d) => [d.title, d.attributes])).toEqual([
      ['Corpus one', { kind: 'statement', place: 'Brussels', date: '2019-06-25', [region.id]: '' }],
      ['Interview 3', { kind: '', place: '', date: '', [region.id]: 'North' }],
    ]);

    await store.act((c, s) => removeDocument(s, doc.id, 'Interview 3', c));
    await store.act((c, s) => removeDocument(s, 'corpus-1', 'Corpus one', c));
    expect(listed()).toEqual([]);
    expect(store.getSnapshot().segments.inDocument(doc.id)).toHaveLength(0);
    await store.undo();
    await store.undo();
    expect(listed().map((d) => d.title)).toEqual(['Corpus one', 'Interview 3']);
    expect(store.getSnapshot().segments.inDocument(doc.id)).toHaveLength(1);
  });
});

describe('a document whose text the project file lost', () => {
  it('gets its text back, under its own id, from the same file added again — not a second document, and not on the Undo list', async () => {
    const store = await openStore('restore');
    const text = 'Interview with a returnee, Mosul.';
    const stored = { id: 'lost-1', title: 'Interview 1', kind: null, place: null, date: null, sha256: sha256Hex(text), source: 'interview.txt', importedAt: '2024-05-01T10:00:00.000Z', textUnavailable: 'documents/….txt is missing' };
    const unavailable = [{ sha256: stored.sha256, title: 'Interview 1', stored }];
    const files = [
      { name: 'interview (copy).txt', bytes: utf8(text) },
      { name: 'again.txt', bytes: utf8(text) },
    ];
    const outcome = await addDocumentFiles(store, files, { existing: [], unavailable });
    expect(outcome.results).toEqual([
      { name: 'interview (copy).txt', status: 'restored', titles: ['Interview 1'] },
      { name: 'again.txt', status: 'duplicate', sameAs: 'Interview 1' },
    ]);
    const { textUnavailable: _problem, ...row } = stored;
    expect(store.getSnapshot().documents).toEqual([{ ...row, text }]);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});
