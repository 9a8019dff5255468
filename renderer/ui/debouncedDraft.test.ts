import { describe, expect, it } from 'vitest';
import { DebouncedDraft, type DraftTimers } from './debouncedDraft';

/** Timers run by hand, and saves that finish when the test says. */
function harness(stored = '') {
  const pending: Array<() => void> = [];
  const timers: DraftTimers = {
    set: (run) => {
      pending.push(run);
      return run;
    },
    clear: (handle) => {
      const at = pending.indexOf(handle as () => void);
      if (at >= 0) pending.splice(at, 1);
    },
  };
  const saves: Array<{ value: string; finish: () => Promise<void> }> = [];
  const shown: string[] = [];
  const draft = new DebouncedDraft(
    stored,
    stored,
    (value) =>
      new Promise<void>((resolve) => {
        saves.push({ value, finish: async () => (resolve(), await new Promise((r) => setTimeout(r, 0))) });
      }),
    (value) => shown.push(value),
    { timers },
  );
  const pause = async () => {
    pending.splice(0).forEach((run) => run());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { draft, saves, shown, pause, last: () => shown[shown.length - 1] };
}

describe('DebouncedDraft', () => {
  it('stores the draft after a pause, once per burst', async () => {
    const h = harness();
    h.draft.edit('E');
    h.draft.edit('Ea');
    h.draft.edit('Early');
    await h.pause();
    expect(h.saves.map((s) => s.value)).toEqual(['Early']);
  });

  it('follows a stored value changed elsewhere (an undo) while idle', () => {
    const h = harness('old memo');
    h.draft.storedChanged('memo from undo');
    expect(h.last()).toBe('memo from undo');
  });

  it('keeps what the analyst typed while an older draft of theirs is still being stored', async () => {
    const h = harness();
    h.draft.edit('Early');
    h.draft.flush(); // blur: "Early" on its way
    h.draft.edit('Early notes');
    h.draft.flush(); // blur again: "Early notes" on its way behind it
    // The first save lands: the store now holds "Early" — an older draft, not a change from elsewhere.
    h.draft.storedChanged('Early');
    await h.saves[0]!.finish();
    expect(h.last()).toBe('Early notes');
    h.draft.edit('Early notes, more');
    h.draft.storedChanged('Early notes');
    await h.saves[1]!.finish();
    expect(h.last()).toBe('Early notes, more');
    await h.pause();
    expect(h.saves.map((s) => s.value)).toEqual(['Early', 'Early notes', 'Early notes, more']);
  });

  it('does not store what is already stored', async () => {
    const h = harness('same');
    h.draft.edit('same');
    await h.pause();
    expect(h.saves).toEqual([]);
  });

  it('follows the store again once its saves are done', async () => {
    const h = harness();
    h.draft.edit('A');
    h.draft.flush();
    h.draft.storedChanged('A');
    await h.saves[0]!.finish();
    h.draft.storedChanged('B from another window');
    expect(h.last()).toBe('B from another window');
  });

  it('undoes the typing not stored yet in one step, and redoes it', async () => {
    const h = harness('Stored memo');
    h.draft.edit('Stored memo, t');
    h.draft.edit('Stored memo, typed');
    expect(h.draft.revert()).toBe(true);
    expect(h.last()).toBe('Stored memo');
    await h.pause();
    expect(h.saves).toEqual([]); // the reverted typing is not stored
    expect(h.draft.restore()).toBe(true);
    expect(h.last()).toBe('Stored memo, typed');
    await h.pause();
    expect(h.saves.map((s) => s.value)).toEqual(['Stored memo, typed']);
  });

  it('leaves undo to the project once the typing is stored', async () => {
    const h = harness('');
    h.draft.edit('Typed');
    await h.pause();
    expect(h.draft.revert()).toBe(false);
    expect(h.draft.restore()).toBe(false);
  });

  it('says the typing is unsaved until its save is done', async () => {
    const h = harness('');
    expect(h.draft.unsaved).toBe(false);
    h.draft.edit('Typed');
    expect(h.draft.unsaved).toBe(true);
    await h.pause(); // the save starts
    expect(h.draft.unsaved).toBe(true);
    await h.saves[0]!.finish();
    expect(h.draft.unsaved).toBe(false);
  });

  it('compares drafts with what the store keeps of them', async () => {
    const pending: Array<() => void> = [];
    const timers: DraftTimers = { set: (run) => pending.push(run), clear: () => undefined };
    const shown: string[] = [];
    const saves: string[] = [];
    const draft = new DebouncedDraft('', '', (v) => saves.push(v), (v) => shown.push(v), { timers, storedForm: (v) => v.trim() });
    draft.edit('Words ');
    pending.splice(0).forEach((run) => run());
    await new Promise((r) => setTimeout(r, 0));
    draft.storedChanged('Words'); // stored trimmed: the space being typed stays in the field
    expect(shown[shown.length - 1]).toBe('Words ');
    expect(saves).toEqual(['Words ']);
  });
});
