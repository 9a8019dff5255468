/** The analysis service over a real project store: answers follow coding, texts are read once for their profile. */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../common/contract';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import { applyCode } from '../../domain/segments';
import { addDocuments } from '../../domain/documents/documentChanges';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { Corpus } from '../corpus';
import { ProjectStore } from '../projectStore';
import { AnalysisService } from './analysisService';

const TEXTS: Record<string, string> = {
  d1: 'The Small Group of the Global Coalition met in Brussels.\nFighters returned home.',
  d2: 'Stabilization in Mosul.\nThe Coalition pledged support.',
};
const HASH = 'a'.repeat(64);
const summary = (id: string, date: string | null, sha256 = HASH): DocumentSummary => ({ id, title: `Doc ${id}`, kind: 'statement', place: null, date, sha256, length: TEXTS[id]!.length });

/**
 * A project on d1 and d2 (or on `listed`), coded in the texts as listed unless told otherwise.
 * With `corpusLater`, the host has not listed its corpus yet when the service starts (loadCorpus lists it).
 */
async function setup(listed: DocumentSummary[] = [summary('d1', '2019-06-25'), summary('d2', null)], { corpusLater = false } = {}) {
  const project = await openProject({ name: 'analysis-test', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  const reads: string[] = [];
  const api = {
    listDocuments: async () => ({ name: 'c', description: null, folder: '/c', documents: listed, issues: [] }),
    getDocument: async ({ id }: { id: string }) => ({ ...listed.find((d) => d.id === id)!, text: TEXTS[id]! }),
  };
  const corpus = new Corpus(api);
  const loadCorpus = async () => {
    corpus.load();
    await new Promise((r) => setTimeout(r, 0));
  };
  if (!corpusLater) await loadCorpus();
  const service = new AnalysisService(store, corpus, async (id) => {
    reads.push(id);
    return TEXTS[id]!;
  });
  /** Codes `needle` in `text` (the document's text when coded), whose hash is `hash`. */
  const code = async (documentId: string, needle: string, codeName: string, text = TEXTS[documentId]!, hash = HASH) => {
    const codeId = store.getSnapshot().codes.find((c) => c.name === codeName)!.id;
    const start = text.indexOf(needle);
    await store.act((ctx, state) => applyCode(state.segments.all(), { documentId, documentHash: hash, text, start, end: start + needle.length }, codeId, 'Ada', ctx, codeName).change, { documentId });
    return codeId;
  };
  return { store, service, code, reads, loadCorpus };
}

/** Resolves once the service's status satisfies `done` (the test's timeout says when it never does). */
function statusWhere(service: AnalysisService, done: (s: ReturnType<AnalysisService['getStatus']>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!done(service.getStatus())) return;
      stop();
      resolve();
    };
    const stop = service.subscribe(check);
    check();
  });
}

describe('AnalysisService', () => {
  it('answers from the project as it is, and again after each coding', async () => {
    const { service, code } = await setup();
    const ftf = await code('d1', 'Fighters returned', 'FTF');
    const first = await service.ask({ kind: 'codeByDocument', restriction: {}, measure: 'segments' });
    const row = first.codes.indexOf(ftf);
    expect(first.columns).toEqual(['d1', 'd2']);
    expect([...first.values.slice(row * 2, row * 2 + 2)]).toEqual([1, 0]);
    const versionBefore = service.getStatus().version;
    await code('d2', 'The Coalition pledged', 'FTF');
    const second = await service.ask({ kind: 'codeByDocument', restriction: {}, measure: 'segments' });
    expect([...second.values.slice(row * 2, row * 2 + 2)]).toEqual([1, 1]);
    expect(service.getStatus().version).toBeGreaterThan(versionBefore);
    service.dispose();
  });

  it('reads each text once for words and paragraphs', async () => {
    const { service, code, reads } = await setup();
    const stab = await code('d2', 'Stabilization in Mosul', 'Stabilization');
    const ftf = await code('d2', 'Coalition pledged', 'FTF');
    const near = await service.ask({
      kind: 'query',
      restriction: {},
      query: { op: 'near', of: { op: 'code', codeId: stab, withSubcodes: false }, to: { op: 'code', codeId: ftf, withSubcodes: false }, within: 'paragraph' },
    });
    expect(near.hits).toEqual([]); // another line
    const f = await service.ask({ kind: 'frequencies', restriction: {} });
    expect(f.textChars).toBe(TEXTS.d1!.length + TEXTS.d2!.length);
    expect(f.textWords).toBe(20);
    expect(service.getStatus()).toMatchObject({ textsRead: 2, textsTotal: 2 });
    await service.readTexts();
    expect(reads.sort()).toEqual(['d1', 'd2']);
    const byYear = await service.ask({ kind: 'codeByAttribute', restriction: {}, measure: 'segments', attribute: 'year' });
    expect(byYear.columns).toEqual(['2019', '']);
    service.dispose();
  });

  it('reads the texts asked for on opening, before anything was listed, once the documents are known', async () => {
    // The panel asks for the texts the moment it opens: the service has not listed a document yet.
    const { service, loadCorpus, reads } = await setup(undefined, { corpusLater: true });
    await service.readTexts();
    await loadCorpus();
    await statusWhere(service, (s) => s.textsTotal === 2 && s.textsRead === 2);
    expect(reads.sort()).toEqual(['d1', 'd2']);
    const f = await service.ask({ kind: 'frequencies', restriction: {} });
    expect(f.textChars).toBe(TEXTS.d1!.length + TEXTS.d2!.length);
    service.dispose();
  });

  it('reads the text of a document added after the texts were read', async () => {
    const { store, service } = await setup();
    await service.readTexts();
    const text = 'Interview with a returnee.';
    const added = { id: 'i1', title: 'Interview', kind: null, place: null, date: null, sha256: 'c'.repeat(64), text, source: 'i.txt', importedAt: '2024-05-01T10:00:00.000Z' };
    await store.act(() => addDocuments([added]));
    await statusWhere(service, (s) => s.textsTotal === 3 && s.textsRead === 3);
    const f = await service.ask({ kind: 'frequencies', restriction: {} });
    expect(f.textChars).toBe(TEXTS.d1!.length + TEXTS.d2!.length + text.length);
    service.dispose();
  });

  it('analyses a changed document with its segments where they stand now, leaving out and counting those not found', async () => {
    const before = 'Fighters returned home. The Small Group met in Brussels. Stabilization in Mosul.';
    TEXTS.d3 = 'A preface was added to this statement.\nFighters returned home. Stabilization in Mosul.';
    const { service, code } = await setup([summary('d3', null, 'b'.repeat(64))]);
    const ftf = await code('d3', 'Fighters returned', 'FTF', before, 'old');
    await code('d3', 'The Small Group met', 'FTF', before, 'old');
    const stab = await code('d3', 'Stabilization in Mosul', 'Stabilization', before, 'old');
    const matrix = await service.ask({ kind: 'codeByDocument', restriction: {}, measure: 'segments' });
    expect(matrix.values[matrix.codes.indexOf(ftf)]).toBe(1); // the deleted sentence's segment is left out
    expect(service.getStatus().unplaced).toBe(1);
    const hits = await service.ask({ kind: 'query', restriction: {}, query: { op: 'code', codeId: stab, withSubcodes: false } });
    const at = TEXTS.d3.indexOf('Stabilization in Mosul');
    expect(hits.hits.map((h) => [h.start, h.end])).toEqual([[at, at + 'Stabilization in Mosul'.length]]);
    // Placed, the two remaining segments are now adjacent (one space apart): near within 1 character finds them.
    const near = await service.ask({
      kind: 'query',
      restriction: {},
      query: { op: 'near', of: { op: 'code', codeId: ftf, withSubcodes: false }, to: { op: 'code', codeId: stab, withSubcodes: false }, within: { chars: 10 } },
    });
    expect(near.hits).toHaveLength(1);
    const pairs = await service.ask({ kind: 'cooccurrence', restriction: {}, within: { chars: 10 } });
    const k = pairs.codes.length;
    // One co-occurrence, of the two segments taking part.
    expect(pairs.pairs[pairs.codes.indexOf(ftf) * k + pairs.codes.indexOf(stab)]).toBe(1);
    expect(pairs.involved[pairs.codes.indexOf(ftf) * k + pairs.codes.indexOf(stab)]).toBe(2);
    service.dispose();
  });
});
