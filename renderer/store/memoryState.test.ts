import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../domain/change';
import { applyPatchToArrays, type ProjectArrays } from './memoryState';
import { makeCode, makeDocument, makeMemo, makeSegment } from './testFixtures';

function state(): ProjectArrays {
  return {
    codes: [makeCode('a'), makeCode('b'), makeCode('c')],
    segments: [makeSegment('s1')],
    memos: [makeMemo('doc-1')],
    documents: [],
  };
}

describe('applyPatchToArrays', () => {
  it('updates in place, appends new rows, removes deleted ones', () => {
    const before = state();
    const renamed = makeCode('b', { name: 'Bee' });
    const after = applyPatchToArrays(before, {
      ...emptyPatch(),
      codes: { b: renamed, a: null, z: makeCode('z') },
      memos: { 'doc-1': null, 'doc-2': makeMemo('doc-2') },
      documents: { d: makeDocument('d') },
    });
    expect(after.codes.map((c) => c.id)).toEqual(['b', 'c', 'z']);
    expect(after.codes[0]).toBe(renamed);
    expect(after.memos.map((m) => m.documentId)).toEqual(['doc-2']);
    expect(after.documents.map((d) => d.id)).toEqual(['d']);
  });

  it('does not mutate its input and keeps untouched tables as the same array', () => {
    const before = state();
    const snapshot = structuredClone(before);
    const after = applyPatchToArrays(before, { ...emptyPatch(), codes: { a: null } });
    expect(before).toEqual(snapshot);
    expect(after.codes).not.toBe(before.codes);
    expect(after.segments).toBe(before.segments);
    expect(after.memos).toBe(before.memos);
  });

  it('ignores deletes of rows it does not have, and undo restores the original rows', () => {
    const before = state();
    const forward = { ...emptyPatch(), segments: { s1: null, ghost: null, s2: makeSegment('s2') } };
    const backward = { ...emptyPatch(), segments: { s1: before.segments[0]!, s2: null } };
    const after = applyPatchToArrays(before, forward);
    expect(after.segments.map((s) => s.id)).toEqual(['s2']);
    expect(applyPatchToArrays(after, backward).segments).toEqual(before.segments);
  });
});
