/** The analysis service over a real project store: answers follow coding, texts are read once for their profile. */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../common/contract';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import { applyCode } from '../../domain/segments';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { Corpus } from '../corpus';
import { ProjectStore } from '../projectStore';
import { AnalysisService } from './analysisService';

const TEXTS: Record<string, string> = {
  d1: 'The Small Group of the Global Coalition met in Brussels.\nFighters returned home.',
  d2: 'Stabilization in Mosul.\nThe Coalition pledged support.',
};
const summary = (id: string, date: string | null): DocumentSummary => ({ id, title: `Doc ${id}`, kind: 'statement', place: null, date, sha256: 'a'.repeat(64), length: TEXTS[id]!.length });

async function setup() {
  const project = await openProject({ name: 'analysis-test', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  const reads: string[] = [];
  const api = {
    listDocuments: async () => ({ name: 'c', description: null, folder: '/c', documents: [summary('d1', '2019-06-25'), summary('d2', null)], issues: [] }),
    getDocument: async ({ id }: { id: string }) => ({ ...summary(id, null), text: TEXTS[id]! }),
  };
  const corpus = new Corpus(api);
  corpus.load();
  await new Promise((r) => setTimeout(r, 0));
  const service = new AnalysisService(store, corpus, async (id) => {
    reads.push(id);
    return TEXTS[id]!;
  });
  const code = async (documentId: string, needle: string, codeName: string) => {
    const codeId = store.getSnapshot().codes.find((c) => c.name === codeName)!.id;
    const text = TEXTS[documentId]!;
    const start = text.indexOf(needle);
    await store.act((ctx, state) => applyCode(state.segments.all(), { documentId, documentHash: 'h', text, start, end: start + needle.length }, codeId, 'Ada', ctx, codeName).change, { documentId });
    return codeId;
  };
  return { store, service, code, reads };
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
});
