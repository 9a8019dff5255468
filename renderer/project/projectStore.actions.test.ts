/**
 * What the project layer guarantees about actions: each is built from the state at commit
 * time (quick sequences never lose one), several coders keep codings of their own, and
 * system writes (re-anchoring) never touch the analyst's Undo/Redo.
 */
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../domain/defaultCodebook';
import { defaultContext } from '../domain/context';
import { ChangeRecorder } from '../domain/context';
import { applyCode, removeCoding, setDocumentMemo, setSegmentMemo } from '../domain/segments';
import { sha256Hex } from '../../common/text/sha256';
import { openProject } from '../store/openProject';
import { freshIndexedDb, makeSegment } from '../store/testFixtures';
import { ProjectStore } from './projectStore';

const TEXT = 'The Small Group of the Global Coalition met in Brussels.';

async function setup() {
  const project = await openProject({ name: 'actions-test', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'alice' });
  await store.whenLoaded();
  const codeId = (name: string) => store.getSnapshot().codes.find((c) => c.name === name)!.id;
  const code = (name: string, start: number, end: number, text = TEXT, documentHash = sha256Hex(TEXT)) =>
    store.act(
      (ctx, state) =>
        applyCode(state.segments.inDocument('d1'), { documentId: 'd1', documentHash, text, start, end }, codeId(name), state.settings.coder, ctx, name).change,
      { documentId: 'd1' },
    );
  return { project, store, codeId, code };
}

describe('ProjectStore actions', () => {
  it('keeps two coders’ codings of the same code on the same span, and counts per coder', async () => {
    const { store, codeId, code } = await setup();
    expect(await code('FTF', 4, 15)).not.toBeNull();
    await store.saveSettings({ coder: 'bob' });
    expect(await code('Stabilization', 4, 15)).not.toBeNull();
    expect(await code('FTF', 4, 15)).not.toBeNull();
    const [segment] = store.getSnapshot().segments.inDocument('d1');
    expect(segment!.codings.map((c) => [store.getSnapshot().codes.find((x) => x.id === c.codeId)!.name, c.coder])).toEqual([
      ['FTF', 'alice'],
      ['Stabilization', 'bob'],
      ['FTF', 'bob'],
    ]);
    const { codeCounts, coderCounts } = store.getSnapshot().segments;
    expect(codeCounts.get(codeId('FTF'))).toBe(2);
    expect(Object.fromEntries(coderCounts)).toEqual({ alice: 1, bob: 2 });
    // The same coder twice is refused, with a message and nothing stored.
    expect(await code('FTF', 4, 15)).toBeNull();
    expect(store.getSnapshot().error).toMatch(/already coded/);
  });

  it('builds each change from the stored row at commit time: a memo typed just before removing a code stays', async () => {
    const { store, code } = await setup();
    await code('FTF', 4, 15);
    await code('Stabilization', 4, 15);
    const seen = store.getSnapshot().segments.inDocument('d1')[0]!;
    const ftfCoding = seen.codings[0]!;
    // Both issued from the same render, without waiting for each other.
    const memo = store.act((ctx, state) => setSegmentMemo(state.segments.find(seen.id)!, 'a note', ctx), { documentId: 'd1' });
    const remove = store.act((ctx, state) => removeCoding(state.segments.find(seen.id)!, ftfCoding.id, ctx, 'FTF'), { documentId: 'd1' });
    await Promise.all([memo, remove]);
    const after = store.getSnapshot().segments.find(seen.id)!;
    expect(after.memo).toBe('a note');
    expect(after.codings.map((c) => c.id)).not.toContain(ftfCoding.id);
    await store.undo();
    expect(store.getSnapshot().segments.find(seen.id)!.memo).toBe('a note');
    expect(store.getSnapshot().segments.find(seen.id)!.codings).toHaveLength(2);
  });

  it('re-anchors a changed text without touching Undo or Redo', async () => {
    const { project, store, code } = await setup();
    await code('FTF', 4, 15);
    await code('Stabilization', 23, 39);
    await store.undo(); // Redo now holds the Stabilization coding
    const undoLabel = store.getSnapshot().undoLabel;
    const redoLabel = store.getSnapshot().redoLabel;
    const changed = `A paragraph added later.\n${TEXT}`;
    await store.reanchor('d1', changed, sha256Hex(changed));
    const [moved] = store.getSnapshot().segments.inDocument('d1');
    expect(changed.slice(moved!.start, moved!.end)).toBe('Small Group');
    expect(moved!.documentHash).toBe(sha256Hex(changed));
    expect((await project.repo.loadAllSegments())[0]!.start).toBe(moved!.start);
    expect(store.getSnapshot().undoLabel).toBe(undoLabel);
    expect(store.getSnapshot().redoLabel).toBe(redoLabel);
    expect(store.getSnapshot().canRedo).toBe(true);
  });

  it('treats ids that are Object.prototype names as data: "constructor" documents and a "__proto__" segment', async () => {
    const { project, store } = await setup();
    const memo = (text: string) =>
      store.act(
        (ctx, state) => setDocumentMemo(state.memos.find((m) => m.documentId === 'constructor') ?? null, 'constructor', text, ctx),
        { documentId: 'constructor' },
      );
    await memo('first');
    await memo('second');
    await store.undo();
    expect(store.getSnapshot().memos.find((m) => m.documentId === 'constructor')?.text).toBe('first');
    expect((await project.repo.loadMemos()).find((m) => m.documentId === 'constructor')?.text).toBe('first');

    const odd = makeSegment('__proto__', { documentId: 'constructor' });
    await store.act(() => {
      const rec = new ChangeRecorder();
      rec.put('segments', odd.id, null, odd);
      return rec.build('Add odd');
    }, { documentId: 'constructor' });
    expect(store.getSnapshot().segments.find('__proto__', 'constructor')).toEqual(odd);
    expect(store.getSnapshot().segments.countInDocument('constructor')).toBe(1);
    expect((await project.repo.loadAllSegments()).map((s) => s.id)).toEqual(['__proto__']);
    await store.undo();
    expect(store.getSnapshot().segments.countInDocument('constructor')).toBe(0);
    expect(await project.repo.loadAllSegments()).toEqual([]);
  });
});
