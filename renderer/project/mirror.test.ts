import { describe, expect, it } from 'vitest';
import { emptyPatch } from '../domain/change';
import { applyChangeToTables, toTables, type ProjectTables } from './mirror';
import { makeCode, makeDocument, makeMemo, makeSegment } from '../store/testFixtures';

function state(): ProjectTables {
  return toTables({
    codes: [makeCode('a'), makeCode('b'), makeCode('c')],
    segments: [makeSegment('s1')],
    memos: [makeMemo('doc-1')],
    documents: [],
  });
}

const change = (forward: Partial<ReturnType<typeof emptyPatch>>, backward: Partial<ReturnType<typeof emptyPatch>> = {}) => ({
  forward: { ...emptyPatch(), ...forward },
  backward: { ...emptyPatch(), ...backward },
});

describe('applyChangeToTables', () => {
  it('updates in place, appends new rows, removes deleted ones', () => {
    const before = state();
    const renamed = makeCode('b', { name: 'Bee' });
    const after = applyChangeToTables(
      before,
      change({
        codes: { b: renamed, a: null, z: makeCode('z') },
        memos: { 'doc-1': null, 'doc-2': makeMemo('doc-2') },
        documents: { d: makeDocument('d') },
      }),
    );
    expect(after.codes.map((c) => c.id)).toEqual(['b', 'c', 'z']);
    expect(after.codes[0]).toBe(renamed);
    expect(after.memos.map((m) => m.documentId)).toEqual(['doc-2']);
    expect(after.documents.map((d) => d.id)).toEqual(['d']);
  });

  it('does not mutate its input and keeps untouched tables as they were', () => {
    const before = state();
    const codes = structuredClone(before.codes);
    const after = applyChangeToTables(before, change({ codes: { a: null } }));
    expect(before.codes).toEqual(codes);
    expect(after.codes).not.toBe(before.codes);
    expect(after.segments).toBe(before.segments);
    expect(after.memos).toBe(before.memos);
  });

  it('ignores deletes of rows it does not have, and undo restores the original rows', () => {
    const before = state();
    const s1 = before.segments.all()[0]!;
    const forward = { segments: { s1: null, ghost: null, s2: makeSegment('s2') } };
    const backward = { segments: { s1, ghost: null, s2: null } };
    const after = applyChangeToTables(before, change(forward, backward));
    expect(after.segments.all().map((s) => s.id)).toEqual(['s2']);
    expect(applyChangeToTables(after, change(backward, forward)).segments.all()).toEqual(before.segments.all());
  });
});
