import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPatch, type Change, type Patch } from '../domain/change';
import type { MarginaliaDb } from '../store/db';
import { StorageError } from '../store/errors';
import { History, type PatchWriter } from './history';
import { createDexieRepository, type ProjectRepository } from '../store/repository';
import { freshDb, makeCode } from '../store/testFixtures';

let db: MarginaliaDb;
let repo: ProjectRepository;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  repo = createDexieRepository(db);
});
afterEach(() => repo.close());

/** A change that creates code `id` (or renames it, given its previous row). */
function createCode(id: string, label = `Create ${id}`): Change {
  return {
    label,
    forward: { ...emptyPatch(), codes: { [id]: makeCode(id) } },
    backward: { ...emptyPatch(), codes: { [id]: null } },
  };
}

async function codeIds(): Promise<string[]> {
  return (await repo.loadCodes()).map((c) => c.id).sort();
}

describe('History', () => {
  it('does, undoes and redoes, storing each direction', async () => {
    const history = new History(repo);
    expect(history.canUndo).toBe(false);
    expect(history.undoLabel).toBeNull();

    const change = createCode('a', 'Create code A');
    expect(await history.do(change)).toBe(change);
    expect(await codeIds()).toEqual(['a']);
    expect(history.canUndo).toBe(true);
    expect(history.undoLabel).toBe('Create code A');
    expect(history.canRedo).toBe(false);

    const undone = await history.undo();
    expect(undone?.forward).toEqual(change.backward);
    expect(undone?.label).toBe('Create code A');
    expect(await codeIds()).toEqual([]);
    expect(history.canUndo).toBe(false);
    expect(history.redoLabel).toBe('Create code A');

    const redone = await history.redo();
    expect(redone?.forward).toEqual(change.forward);
    expect(await codeIds()).toEqual(['a']);
    expect(history.undoLabel).toBe('Create code A');
    expect(history.canRedo).toBe(false);
  });

  it('returns null when there is nothing to undo or redo', async () => {
    const history = new History(repo);
    expect(await history.undo()).toBeNull();
    expect(await history.redo()).toBeNull();
  });

  it('clears the redo stack when a new change is done', async () => {
    const history = new History(repo);
    await history.do(createCode('a'));
    await history.undo();
    await history.do(createCode('b'));
    expect(history.canRedo).toBe(false);
    expect(history.undoLabel).toBe('Create b');
  });

  it('leaves stacks and data unchanged when a write fails', async () => {
    const history = new History(repo);
    await history.do(createCode('a'));
    await history.do(createCode('b'));
    await history.undo();

    const invalid: Change = {
      label: 'Broken',
      forward: { ...emptyPatch(), codes: { x: { ...makeCode('x'), colour: 'nope' } } },
      backward: emptyPatch(),
    };
    await expect(history.do(invalid)).rejects.toBeInstanceOf(StorageError);
    expect(history.undoLabel).toBe('Create a');
    expect(history.redoLabel).toBe('Create b');
    expect(await codeIds()).toEqual(['a']);

    const realBulkPut = db.codes.bulkPut.bind(db.codes);
    db.codes.bulkPut = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof realBulkPut;
    await expect(history.redo()).rejects.toMatchObject({ kind: 'quota' });
    db.codes.bulkPut = realBulkPut;
    expect(history.undoLabel).toBe('Create a');
    expect(history.redoLabel).toBe('Create b');

    repo.close();
    await expect(history.undo()).rejects.toMatchObject({ kind: 'closed' });
    expect(history.undoLabel).toBe('Create a');
    expect(history.redoLabel).toBe('Create b');
  });

  it('keeps at most `limit` undo entries, dropping the oldest', async () => {
    const history = new History(repo, 3);
    for (const id of ['a', 'b', 'c', 'd']) await history.do(createCode(id));
    const labels: string[] = [];
    while (history.canUndo) labels.push((await history.undo())!.label);
    expect(labels).toEqual(['Create d', 'Create c', 'Create b']);
    expect(await codeIds()).toEqual(['a']);
  });

  it('runs concurrent calls one after another, in call order', async () => {
    const events: string[] = [];
    let inFlight = 0;
    const slowWriter: PatchWriter = {
      async applyPatch(patch: Patch) {
        const id = Object.keys(patch.codes)[0] ?? '?';
        const kind = patch.codes[id] ? 'put' : 'delete';
        inFlight++;
        expect(inFlight).toBe(1);
        events.push(`start ${kind} ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${kind} ${id}`);
        inFlight--;
      },
    };
    const history = new History(slowWriter);
    const results = await Promise.all([
      history.do(createCode('a')),
      history.do(createCode('b')),
      history.undo(),
      history.undo(),
      history.redo(),
    ]);
    expect(events).toEqual([
      'start put a', 'end put a',
      'start put b', 'end put b',
      'start delete b', 'end delete b',
      'start delete a', 'end delete a',
      'start put a', 'end put a',
    ]);
    expect(results.map((r) => r?.label)).toEqual(['Create a', 'Create b', 'Create b', 'Create a', 'Create a']);
    expect(history.undoLabel).toBe('Create a');
    expect(history.redoLabel).toBe('Create b');
  });

  it('keeps going after a failed call in the queue', async () => {
    let fail = true;
    const flaky: PatchWriter = {
      async applyPatch() {
        if (fail) {
          fail = false;
          throw new Error('once');
        }
      },
    };
    const history = new History(flaky);
    const [first, second] = await Promise.allSettled([history.do(createCode('a')), history.do(createCode('b'))]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('fulfilled');
    expect(history.undoLabel).toBe('Create b');
  });
});
