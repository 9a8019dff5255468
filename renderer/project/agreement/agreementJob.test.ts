/**
 * Comparing two coders in a real (fake-indexeddb) project: the documents in scope, the table
 * computed through the same path the window uses (inline here: Node has no Worker), and a
 * disagreement resolved into the consensus coder as one undoable action.
 */
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../domain/context';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { applyCode } from '../../domain/segments';
import { openProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import type { ReadableDocument } from '../corpus';
import { ProjectStore } from '../projectStore';
import { stretchesOf } from '../../domain/agreement/resultColumns';
import { documentsInScope, runAgreement } from './agreementJob';
import { resolveDisagreement } from './consensus';

const TEXT = 'The Small Group met in Rome. Fighters crossed the border. Funding was cut in May.';
const OTHER = 'An uncoded document.';
const doc = (id: string): ReadableDocument => ({ id, title: id, kind: null, place: null, date: null, sha256: `hash-${id}`, origin: 'corpus' });
const listing = [doc('d1'), doc('d2')];
const textOf = async (id: string) => (id === 'd1' ? TEXT : OTHER);

async function project() {
  const opened = await openProject({ name: 'agreement-job', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(opened, { coder: 'alice' });
  await store.whenLoaded();
  const ftf = store.getSnapshot().codes.find((c) => c.name === 'FTF')!.id;
  const code = (coder: string, passage: string) => {
    const start = TEXT.indexOf(passage);
    return store.act(
      (ctx, state) =>
        applyCode(state.segments.inDocument('d1'), { documentId: 'd1', documentHash: 'hash-d1', text: TEXT, start, end: start + passage.length }, ftf, coder, ctx, 'FTF').change,
      { documentId: 'd1' },
    );
  };
  return { store, ftf, code };
}

describe('runAgreement', () => {
  it('compares the documents both coders coded, and resolves a stretch into the consensus coder with one Undo', async () => {
    const { store, ftf, code } = await project();
    await code('alice', 'The Small Group met in Rome.');
    await code('alice', 'Fighters crossed the border.');
    await code('bob', 'The Small Group met in Rome.');
    await code('bob', 'Funding was cut in May.');
    expect(documentsInScope(listing, store.getSnapshot().segments, ['alice', 'bob'], 'every').map((d) => d.id)).toEqual(['d1']);
    expect(documentsInScope(listing, store.getSnapshot().segments, ['alice', 'bob'], 'all').map((d) => d.id)).toEqual(['d1', 'd2']);

    const run = await runAgreement(store, listing, textOf, { coders: ['alice', 'bob'], pair: ['alice', 'bob'], codeIds: [ftf], scope: 'every', overlap: 0.9 });
    const row = run.result.byCode[0]!;
    // 28 characters each: "The Small Group met in Rome." both, "Fighters…" alice only (28), "Funding…" bob only (23).
    expect(row.characters).toEqual({ both: 28, onlyA: 28, onlyB: 23, neither: TEXT.length - 79 });
    expect(stretchesOf(run.result).map((s) => TEXT.slice(s.start, s.end))).toEqual(['Fighters crossed the border.', 'Funding was cut in May.']);

    const stored = await resolveDisagreement(store, { id: 'd1', sha256: 'hash-d1', text: TEXT }, stretchesOf(run.result)[0]!, 'a', 'consensus', 'Accept alice');
    expect(stored?.label).toBe('Accept alice');
    const consensus = () => store.getSnapshot().segments.all().flatMap((s) => s.codings.filter((c) => c.coder === 'consensus').map(() => s.quote));
    expect(consensus()).toEqual(['Fighters crossed the border.']);
    expect(store.getSnapshot().undoLabel).toBe('Accept alice');
    await store.undo();
    expect(consensus()).toEqual([]);
  });
});
