import { describe, expect, it } from 'vitest';
import { deleteCode, mergeCodes } from './codebook';
import type { OpContext } from './context';
import type { Code } from './model';
import type { SavedSearch } from './search/savedSearch';

const ctx: OpContext = { now: '2025-02-01T00:00:00.000Z', newId: () => 'new' };
const code = (id: string, name: string): Code => ({
  id,
  name,
  colour: '#112233',
  description: '',
  parentId: null,
  shortcut: null,
  createdAt: ctx.now,
  updatedAt: ctx.now,
});
const codes = [code('ftf', 'FTF'), code('ret', 'Returnees'), code('stab', 'Stabilization')];
const search = (id: string, text: SavedSearch['scope']['text']): SavedSearch => ({
  id,
  name: id,
  query: 'fighters',
  options: { mode: 'any', matchCase: false, matchDiacritics: false, wholeWord: true },
  scope: { documents: { kind: 'all' }, text },
});
const saved = [
  search('inside-ret', { kind: 'inside', codeId: 'ret', withSubCodes: true }),
  search('outside-ret', { kind: 'outside', codeId: 'ret', withSubCodes: false }),
  search('inside-stab', { kind: 'inside', codeId: 'stab', withSubCodes: false }),
  search('anywhere', { kind: 'anywhere' }),
];

describe('saved searches when a code goes', () => {
  it('follow a merged code into the code it was merged into, in the same undoable change', () => {
    const change = mergeCodes(codes, [], 'ret', 'ftf', ctx, saved);
    expect(Object.keys(change.forward.savedSearches ?? {}).sort()).toEqual(['inside-ret', 'outside-ret']);
    expect(change.forward.savedSearches?.['inside-ret']?.scope.text).toEqual({ kind: 'inside', codeId: 'ftf', withSubCodes: true });
    expect(change.forward.savedSearches?.['outside-ret']?.scope.text).toEqual({ kind: 'outside', codeId: 'ftf', withSubCodes: false });
    expect(change.backward.savedSearches?.['inside-ret']).toEqual(saved[0]);
  });

  it('search anywhere once the code they looked in is deleted, and the action says so', () => {
    const change = deleteCode(codes, [], 'ret', ctx, saved);
    expect(change.forward.savedSearches?.['inside-ret']?.scope.text).toEqual({ kind: 'anywhere' });
    expect(change.forward.savedSearches?.['outside-ret']?.scope.text).toEqual({ kind: 'anywhere' });
    expect(change.forward.savedSearches?.['inside-stab']).toBeUndefined();
    expect(change.label).toBe('Delete code Returnees (2 saved searches that looked in it now search anywhere)');
    expect(change.backward.savedSearches?.['outside-ret']).toEqual(saved[1]);
  });

  it('leave the label alone when no saved search named the code', () => {
    expect(deleteCode(codes, [], 'ftf', ctx, saved).label).toBe('Delete code FTF');
  });
});
