import { describe, expect, it } from 'vitest';
import type { CorpusListing as Listing, DocumentSummary } from '../../common/contract';
import { makeDocument } from '../store/testFixtures';
import { Corpus } from './corpus';

const summary = (id: string): DocumentSummary => ({ id, title: id, kind: null, place: null, date: null, sha256: 'a'.repeat(64), length: 4 });

function corpusOf(ids: string[]) {
  const listing: Listing = { name: 'c', description: null, folder: '/c', documents: ids.map(summary), issues: [] };
  const asked: string[] = [];
  const corpus = new Corpus({
    listDocuments: async () => listing,
    getDocument: async ({ id }) => {
      asked.push(id);
      return { ...summary(id), text: `corpus text of ${id}` };
    },
  });
  return { corpus, asked };
}

describe('Corpus', () => {
  it('reads a corpus text once and an imported text from its row', async () => {
    const { corpus, asked } = corpusOf(['a']);
    corpus.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(await corpus.textOf('a', [])).toBe('corpus text of a');
    expect(await corpus.textOf('a', [])).toBe('corpus text of a');
    expect(asked).toEqual(['a']);
    expect(await corpus.textOf('mine', [makeDocument('mine', { text: 'my text' })])).toBe('my text');
  });

  it('never lets an imported row shadow a corpus document with the same id', async () => {
    const { corpus } = corpusOf(['a']);
    corpus.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(await corpus.textOf('a', [makeDocument('a', { text: 'an impostor' })])).toBe('corpus text of a');
  });
});
