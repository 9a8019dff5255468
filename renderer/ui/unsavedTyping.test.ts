import { describe, expect, it } from 'vitest';
import { DebouncedDraft, type DraftTimers } from './debouncedDraft';
import { hasUnsavedTyping, registerTypingField, rescueTyping, rescueUnsavedTyping, revertUnsavedTyping, takeRescuedTyping } from './unsavedTyping';

/** A Storage kept in memory (localStorage in the page). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A field whose pause never comes by itself, and whose saves never finish (a page being torn down). */
function field(stored: string, rescueKey: string | null) {
  const timers: DraftTimers = { set: () => 'pending', clear: () => undefined };
  const draft = new DebouncedDraft(stored, stored, () => new Promise(() => undefined), () => undefined, { timers });
  const unregister = registerTypingField({ draft, rescueKey });
  return { draft, unregister };
}

describe('unsaved typing', () => {
  it('rescues the typing not stored yet, once, for the next start', () => {
    const storage = memoryStorage();
    const memo = field('Stored', 'memo:doc-1');
    const stopWords = field('the', null);
    memo.draft.edit('Stored, and typed');
    stopWords.draft.edit('the, a');
    expect(hasUnsavedTyping()).toBe(true);
    rescueUnsavedTyping(storage, 'study-a');
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([{ project: 'study-a', key: 'memo:doc-1', text: 'Stored, and typed' }]);
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([]);
    memo.unregister();
    stopWords.unregister();
    expect(hasUnsavedTyping()).toBe(false);
  });

  it('rescues typing whose save is still on its way', () => {
    const storage = memoryStorage();
    const memo = field('', 'memo:doc-1');
    memo.draft.edit('Typed');
    memo.draft.flush(); // blur: the save starts and never finishes
    rescueUnsavedTyping(storage, 'study-a');
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([{ project: 'study-a', key: 'memo:doc-1', text: 'Typed' }]);
    memo.unregister();
  });

  it("keeps another window's rescued typing beside this one's", () => {
    const storage = memoryStorage();
    rescueTyping(storage, [
      { project: 'study-a', key: 'memo:doc-1', text: 'older' },
      { project: 'study-a', key: 'memo:doc-2', text: 'other window' },
    ]);
    const memo = field('', 'memo:doc-1');
    memo.draft.edit('newer');
    rescueUnsavedTyping(storage, 'study-a');
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([
      { project: 'study-a', key: 'memo:doc-2', text: 'other window' },
      { project: 'study-a', key: 'memo:doc-1', text: 'newer' },
    ]);
    memo.unregister();
  });

  it("keeps another project's typing until that project is opened again", () => {
    const storage = memoryStorage();
    rescueTyping(storage, [{ project: 'study-b', key: 'memo:doc-1', text: 'typed in study B' }]);
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([]);
    expect(takeRescuedTyping(storage, 'study-b')).toEqual([{ project: 'study-b', key: 'memo:doc-1', text: 'typed in study B' }]);
    expect(takeRescuedTyping(storage, 'study-b')).toEqual([]);
  });

  it('Ctrl+Z takes back the unsaved typing, and says so', () => {
    const memo = field('Stored', 'memo:doc-1');
    expect(revertUnsavedTyping()).toBe(false);
    memo.draft.edit('Stored, typed');
    expect(revertUnsavedTyping()).toBe(true);
    expect(memo.draft.value).toBe('Stored');
    memo.unregister();
  });

  it('ignores damaged rescued typing', () => {
    const storage = memoryStorage();
    storage.setItem('marginalia.unsavedTyping', '{not json');
    expect(takeRescuedTyping(storage, 'study-a')).toEqual([]);
  });
});
