/**
 * The project's search end to end in Node (the engine inline, no worker): indexing follows
 * the document list, scopes resolve to documents and coded text, and coding all hits is one
 * change that one Undo takes back.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, MarginaliaApi } from '../../../common/contract';
import { sha256Hex } from '../../../common/text/sha256';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import { parseQuery, DEFAULT_SEARCH_OPTIONS } from '../../domain/search/query';
import { DEFAULT_KWIC_SORT } from '../../domain/search/kwic';
import { WHOLE_CORPUS, type SearchScopeChoice } from '../../domain/search/savedSearch';
import { applyCode } from '../../domain/segments';
import { moveCode } from '../../domain/codebook';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { Corpus } from '../corpus';
import { ProjectStore } from '../projectStore';
import { CorpusSearch } from './corpusSearch';
import { codeAll, prepareHits, previewCodeAll } from './codeAllHits';

const TEXTS: Record<string, string> = {
  a: 'Foreign terrorist fighters returned. The U.S. Secretary spoke of foreign terrorist fighters again.\nA second paragraph on FTF.',
  b: 'No fighters here, only returnees.',
  c: 'Foreign Terrorist Fighters, and more foreign terrorist fighters.',
};

function summary(id: string, text: string, kind: string): DocumentSummary {
  return { id, title: `Doc ${id}`, kind, place: null, date: id === 'c' ? '2019-06-25' : null, sha256: sha256Hex(text), length: text.length };
}

async function setup() {
  const documents = [summary('a', TEXTS.a!, 'statement'), summary('b', TEXTS.b!, 'report'), summary('c', TEXTS.c!, 'statement')];
  const api: Pick<MarginaliaApi, 'listDocuments' | 'getDocument'> = {
    listDocuments: async () => ({ name: 'test', description: null, folder: '/', documents, issues: [] }),
    getDocument: async ({ id }) => ({ ...documents.find((d) => d.id === id)!, text: TEXTS[id]! }),
  };
  const project = await openProject({ name: `search-${Math.random()}`, ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'alice' });
  await store.whenLoaded();
  const corpus = new Corpus(api);
  const search = new CorpusSearch(corpus, store);
  const codeId = (name: string) => store.getSnapshot().codes.find((c) => c.name === name)!.id;
  const run = async (query: string, scope: SearchScopeChoice = WHOLE_CORPUS) => {
    const parsed = parseQuery(query, DEFAULT_SEARCH_OPTIONS);
    if (!parsed.ok) throw new Error(parsed.message);
    return search.search(parsed.query, DEFAULT_SEARCH_OPTIONS, scope, 100, DEFAULT_KWIC_SORT);
  };
  return { store, corpus, search, codeId, run };
}

describe('CorpusSearch', () => {
  it('indexes every listed document and counts hits per document', async () => {
    const { search, run } = await setup();
    const result = await run('foreign terrorist fighters');
    expect(search.getStatus()).toMatchObject({ indexed: 3, total: 3, building: false, error: null });
    expect(result.total).toBe(4);
    expect(result.perDocument).toEqual([
      { documentId: 'a', count: 2 },
      { documentId: 'c', count: 2 },
    ]);
    expect(result.rows[1]).toMatchObject({ documentId: 'a', match: 'foreign terrorist fighters', left: 'Foreign terrorist fighters returned. The U.S. Secretary spoke of ', right: ' again. A second paragraph on FTF.' });
  });

  it('scopes by chosen documents, by details, and inside or outside coded text (with sub-codes)', async () => {
    const { store, codeId, run } = await setup();
    expect((await run('fighters', { documents: { kind: 'chosen', ids: ['b'] }, text: { kind: 'anywhere' } })).total).toBe(1);
    const statements = { kind: 'details' as const, filter: { kind: 'statement', place: null, dateFrom: '', dateTo: '' } };
    expect((await run('fighters', { documents: statements, text: { kind: 'anywhere' } })).total).toBe(4);
    const in2019 = { kind: 'details' as const, filter: { kind: null, place: null, dateFrom: '2019', dateTo: '2019' } };
    expect((await run('fighters', { documents: in2019, text: { kind: 'anywhere' } })).perDocument).toEqual([{ documentId: 'c', count: 2 }]);

    // Code the first sentence of "a" with a sub-code of FTF.
    const parent = codeId('FTF');
    await store.act((ctx, state) => {
      const { change } = applyCode(state.segments.inDocument('a'), { documentId: 'a', documentHash: sha256Hex(TEXTS.a!), text: TEXTS.a!, start: 0, end: 36 }, codeId('Stabilization'), 'bob', ctx);
      return change;
    });
    await store.act((ctx, state) => moveCode(state.codes, codeId('Stabilization'), parent, ctx));
    const inside = (withSubCodes: boolean) => ({ documents: { kind: 'all' as const }, text: { kind: 'inside' as const, codeId: parent, withSubCodes } });
    expect((await run('foreign terrorist fighters', inside(true))).perDocument).toEqual([{ documentId: 'a', count: 1 }]);
    expect((await run('foreign terrorist fighters', inside(false))).total).toBe(0);
    const outside = { documents: { kind: 'all' as const }, text: { kind: 'outside' as const, codeId: parent, withSubCodes: true } };
    expect((await run('foreign terrorist fighters', outside)).perDocument).toEqual([
      { documentId: 'a', count: 1 },
      { documentId: 'c', count: 2 },
    ]);
  });

  it('codes all hits at sentence scope as one change; one Undo removes every coding', async () => {
    const { store, corpus, search, codeId, run } = await setup();
    const result = await run('foreign terrorist fighters');
    const hits = await search.client.request({ method: 'hits', resultId: result.resultId });
    const groups = hits.documents.map((documentId, slot) => ({
      documentId,
      hits: Array.from(hits.doc.keys())
        .filter((i) => hits.doc[i] === slot)
        .map((i) => ({ start: hits.start[i]!, end: hits.end[i]! })),
    }));
    const hashes = new Map(search.listing().map((d) => [d.id, d.sha256]));
    const source = { store, loadText: (id: string) => corpus.textOf(id, []), hashOf: (id: string) => hashes.get(id) };
    const prepared = await prepareHits(groups, { rule: 'sentence', around: 0 }, source);
    const ftf = { codeId: codeId('FTF') };
    expect(previewCodeAll(prepared, ftf, store)).toEqual({ codings: 3, documents: 2, alreadyCoded: 0, shared: 1 });
    expect(await codeAll(prepared, ftf, store)).toEqual({ codings: 3, documents: 2, alreadyCoded: 0, shared: 1 });
    const quotes = (id: string) => store.getSnapshot().segments.inDocument(id).map((s) => s.quote);
    expect(quotes('a')).toEqual(['Foreign terrorist fighters returned.', 'The U.S. Secretary spoke of foreign terrorist fighters again.']);
    expect(quotes('c')).toEqual(['Foreign Terrorist Fighters, and more foreign terrorist fighters.']);
    expect(store.getSnapshot().undoLabel).toBe('Code 4 hits FTF');
    expect(previewCodeAll(prepared, ftf, store)).toEqual({ codings: 0, documents: 0, alreadyCoded: 3, shared: 1 });
    await store.undo();
    expect(store.getSnapshot().segments.size).toBe(0);
  });

  it('a passage coded while the rows are built ahead gains the code instead of a twin segment', async () => {
    const { store, corpus, search, codeId, run } = await setup();
    const result = await run('foreign terrorist fighters', { ...WHOLE_CORPUS, documents: { kind: 'chosen', ids: ['a'] } });
    const hits = await search.client.request({ method: 'hits', resultId: result.resultId });
    const groups = [{ documentId: 'a', hits: Array.from(hits.start, (start, i) => ({ start, end: hits.end[i]! })) }];
    const source = { store, loadText: (id: string) => corpus.textOf(id, []), hashOf: () => sha256Hex(TEXTS.a!) };
    const prepared = await prepareHits(groups, { rule: 'sentence', around: 0 }, source);
    // Queued together: whichever the rows were built from, the change is made from the state at commit time.
    const manual = store.act((ctx, state) =>
      applyCode(state.segments.inDocument('a'), { documentId: 'a', documentHash: sha256Hex(TEXTS.a!), text: TEXTS.a!, start: 0, end: 36 }, codeId('Stabilization'), 'alice', ctx).change,
    );
    const coding = codeAll(prepared, { codeId: codeId('FTF') }, store);
    await manual;
    expect(await coding).toEqual({ codings: 2, documents: 1, alreadyCoded: 0, shared: 0 });
    const segments = store.getSnapshot().segments.inDocument('a');
    expect(segments.map((s) => [s.quote, s.codings.length])).toEqual([
      ['Foreign terrorist fighters returned.', 2],
      ['The U.S. Secretary spoke of foreign terrorist fighters again.', 1],
    ]);
  });

  it('follows imported documents in and out of the index', async () => {
    const { store, search, run } = await setup();
    await search.whenIndexed();
    const text = 'Imported returnees and fighters.';
    const doc = { id: 'imp', title: 'Imported', kind: null, place: null, date: null, sha256: sha256Hex(text), text, source: 'x.txt', importedAt: '2026-01-01T00:00:00.000Z' };
    const put = (row: typeof doc | null, before: typeof doc | null) => ({ label: 'Import', forward: { codes: {}, segments: {}, memos: {}, documents: { imp: row } }, backward: { codes: {}, segments: {}, memos: {}, documents: { imp: before } } });
    await store.act(() => put(doc, null));
    expect((await run('returnees')).perDocument.map((d) => d.documentId)).toEqual(['b', 'imp']);
    await store.undo();
    expect((await run('returnees')).perDocument.map((d) => d.documentId)).toEqual(['b']);
  });
});
