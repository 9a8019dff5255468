import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CorpusListing, CorpusProgress, DocumentSummary } from '../../common/contract';
import { Corpus } from './corpus';

const summary = (id: string): DocumentSummary => ({ id, title: id, kind: null, place: null, date: null, sha256: 'a'.repeat(64), length: 4 });
const flush = () => vi.advanceTimersByTimeAsync(0);

/** A host still reading its corpus: the listing comes when the test says so; corpusProgress counts. */
function readingHost() {
  let answer: (listing: CorpusListing) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const progress: CorpusProgress = { state: 'reading', name: 'Interviews', done: 0, total: 201 };
  const corpusProgress = vi.fn(async () => ({ ...progress }));
  const corpus = new Corpus({
    listDocuments: () =>
      new Promise<CorpusListing>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
    getDocument: async ({ id }) => ({ ...summary(id), text: '' }),
    corpusProgress,
  });
  return { corpus, progress, corpusProgress, answer: (l: CorpusListing) => answer(l), fail: (e: Error) => fail(e) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Corpus while the host reads its corpus', () => {
  it('shows how far the host is until the listing arrives, then only the listing', async () => {
    vi.useFakeTimers();
    const host = readingHost();
    host.corpus.load();
    await flush();
    expect(host.corpus.getSnapshot()).toMatchObject({ loading: true, name: 'Interviews', progress: { done: 0, total: 201 } });
    host.progress.done = 120;
    await vi.advanceTimersByTimeAsync(300);
    expect(host.corpus.getSnapshot().progress).toEqual({ done: 120, total: 201 });

    host.answer({ name: 'Interviews', description: null, folder: '/i', documents: [summary('one')], issues: [] });
    await flush();
    const asked = host.corpusProgress.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.corpusProgress).toHaveBeenCalledTimes(asked);
    expect(host.corpus.getSnapshot()).toMatchObject({ loading: false, progress: null, loadError: null, corpus: [summary('one')] });
  });

  it('says why when the listing fails, and stops asking', async () => {
    vi.useFakeTimers();
    const host = readingHost();
    host.corpus.load();
    await flush();
    host.fail(new Error('listDocuments failed: the disk went away'));
    await flush();
    expect(host.corpus.getSnapshot()).toMatchObject({
      loading: false,
      progress: null,
      loadError: 'The corpus could not be loaded: listDocuments failed: the disk went away',
    });
  });
});
