import { codeIdsOf } from './codings';
import { describe, expect, it } from 'vitest';
import { DomainError, type Change } from './change';
import { createCode, deleteCode, mergeCodes, moveCode, reorderCode, updateCode } from './codebook';
import { flattenTree } from './codeTree';
import { applyRows, isEmptyChange, type OpContext } from './context';
import { CodeSchema, SegmentSchema, type Code, type Segment } from './model';
import { PALETTE } from './palette';

const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-02-01T00:00:00.000Z';

function testContext(now = T1): OpContext {
  let n = 0;
  return { now, newId: () => `new-${++n}` };
}

function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return { id, name, colour: '#000000', description: '', parentId: null, shortcut: null, createdAt: T0, updatedAt: T0, ...extra };
}

function segment(id: string, codeIds: string[], extra: Partial<Segment> = {}): Segment {
  return {
    id, documentId: 'doc', documentHash: 'h', start: 0, end: 4, quote: 'text', prefix: '', suffix: '',
    codings: codeIds.map((codeId) => ({ id: `${id}/${codeId}`, codeId, coder: 'ana', createdAt: T0 })), memo: '', createdAt: T0, updatedAt: T0, ...extra,
  };
}

/** Applies forward then backward to in-memory tables; returns the state after forward. */
function replay(change: Change, codes: Code[], segments: Segment[] = []) {
  const codeRows = new Map(codes.map((c) => [c.id, c]));
  const segmentRows = new Map(segments.map((s) => [s.id, s]));
  applyRows(codeRows, change.forward.codes);
  applyRows(segmentRows, change.forward.segments);
  const after = { codes: new Map(codeRows), segments: new Map(segmentRows) };
  for (const row of after.codes.values()) CodeSchema.parse(row);
  for (const row of after.segments.values()) SegmentSchema.parse(row);
  applyRows(codeRows, change.backward.codes);
  applyRows(segmentRows, change.backward.segments);
  expect(codeRows).toEqual(new Map(codes.map((c) => [c.id, c])));
  expect(segmentRows).toEqual(new Map(segments.map((s) => [s.id, s])));
  return after;
}

describe('createCode', () => {
  it('trims the name, takes the next free palette colour and round-trips', () => {
    const codes = [code('a', 'Alpha', { colour: PALETTE[0]! })];
    const { change, code: created } = createCode(codes, { name: '  Beta  ', description: ' d ' }, testContext());
    expect(created).toEqual({
      id: 'new-1', name: 'Beta', colour: PALETTE[1], description: 'd', parentId: null, shortcut: null, position: 1, createdAt: T1, updatedAt: T1,
    });
    expect(change.label).toBe('Create code Beta');
    expect(replay(change, codes).codes.get('new-1')).toEqual(created);
  });

  it('refuses empty and case-insensitively duplicate names', () => {
    const codes = [code('a', 'FTF')];
    expect(() => createCode(codes, { name: '   ' }, testContext())).toThrow(DomainError);
    expect(() => createCode(codes, { name: ' ftf ' }, testContext())).toThrow('A top-level code named “FTF” already exists');
  });

  it('refuses a name a sibling has, and allows it under another parent (a cousin)', () => {
    const codes = [code('a', 'A'), code('b', 'B'), code('a-other', 'Other', { parentId: 'a' })];
    expect(() => createCode(codes, { name: 'other ', parentId: 'a' }, testContext())).toThrow('“A” already has a sub-code named “Other”');
    const { code: cousin } = createCode(codes, { name: 'Other', parentId: 'b' }, testContext());
    expect(cousin.parentId).toBe('b');
    // A move or rename into a clash is refused the same way.
    const withCousin = [...codes, cousin];
    expect(() => moveCode(withCousin, cousin.id, 'a', testContext())).toThrow(DomainError);
    expect(() => updateCode(withCousin, 'b', { name: 'a' }, testContext())).toThrow('A top-level code named “A” already exists');
    // Merging B into A would put B's "Other" beside A's: refused, nothing half-done.
    expect(() => mergeCodes(withCousin, [], 'b', 'a', testContext())).toThrow(DomainError);
  });

  it('requires an existing parent, a valid colour and a digit shortcut', () => {
    expect(() => createCode([], { name: 'X', parentId: 'missing' }, testContext())).toThrow(DomainError);
    expect(() => createCode([], { name: 'X', colour: 'red' }, testContext())).toThrow(DomainError);
    expect(() => createCode([], { name: 'X', shortcut: 0 }, testContext())).toThrow(DomainError);
    expect(() => createCode([], { name: 'X', shortcut: 10 }, testContext())).toThrow(DomainError);
    const { code: child } = createCode([code('p', 'P')], { name: 'C', parentId: 'p', colour: '#ABCDEF' }, testContext());
    expect(child.parentId).toBe('p');
    expect(child.colour).toBe('#abcdef');
  });

  it('moves a shortcut taken from another code in the same change', () => {
    const codes = [code('a', 'A', { shortcut: 3 }), code('b', 'B', { shortcut: 4 })];
    const { change } = createCode(codes, { name: 'C', shortcut: 3 }, testContext());
    const after = replay(change, codes, []);
    // "a" is also numbered (it had no position): one row carries both edits.
    expect(after.codes.get('a')).toEqual({ ...codes[0], shortcut: null, position: 0, updatedAt: T1 });
    expect(after.codes.get('new-1')?.shortcut).toBe(3);
    expect(after.codes.get('b')).toEqual({ ...codes[1], position: 1, updatedAt: T1 });
  });

  it('puts a new code after its siblings, numbering unordered ones in their shown order first', () => {
    const ordered = [code('a', 'A', { position: 4 }), code('b', 'B', { position: 9 }), code('k', 'Kid', { parentId: 'a' })];
    const { change, code: last } = createCode(ordered, { name: 'C' }, testContext());
    expect(last.position).toBe(10);
    expect(Object.keys(change.forward.codes)).toEqual(['new-1']); // the ordered siblings are not rewritten
    // Unordered siblings (older rows, imported files) show by name: that order is kept.
    const unordered = [code('z', 'Zeta'), code('a', 'Alpha'), code('m', 'Mu', { parentId: 'z' })];
    const created = createCode(unordered, { name: 'Beta' }, testContext());
    const after = replay(created.change, unordered);
    expect(flattenTree([...after.codes.values()]).map((r) => r.code.name)).toEqual(['Alpha', 'Zeta', 'Mu', 'Beta']);
    expect(after.codes.get('m')).toBe(unordered[2]); // another parent's child is untouched
    // A sub-code goes after its parent's children only.
    expect(createCode(ordered, { name: 'Kid 2', parentId: 'a' }, testContext()).code.position).toBe(1);
  });
});

describe('updateCode', () => {
  const codes = [code('a', 'FTF', { shortcut: 1 }), code('b', 'Stabilization', { shortcut: 2 })];

  it('renames with a descriptive label', () => {
    const change = updateCode(codes, 'a', { name: 'Foreign fighters' }, testContext());
    expect(change.label).toBe('Rename code FTF → Foreign fighters');
    expect(replay(change, codes).codes.get('a')).toEqual({ ...codes[0], name: 'Foreign fighters', updatedAt: T1 });
  });

  it('allows changing the case of its own name but not taking another name', () => {
    expect(replay(updateCode(codes, 'a', { name: 'ftf' }, testContext()), codes).codes.get('a')?.name).toBe('ftf');
    expect(() => updateCode(codes, 'a', { name: 'STABILIZATION' }, testContext())).toThrow(
      'A top-level code named “Stabilization” already exists',
    );
  });

  it('moves a shortcut digit from its holder', () => {
    const change = updateCode(codes, 'a', { shortcut: 2 }, testContext());
    expect(change.label).toBe('Set shortcut 2 for FTF');
    const after = replay(change, codes);
    expect(after.codes.get('a')?.shortcut).toBe(2);
    expect(after.codes.get('b')?.shortcut).toBeNull();
  });

  it('returns an empty change when nothing changes, and refuses unknown codes', () => {
    expect(isEmptyChange(updateCode(codes, 'a', { name: ' FTF ', colour: '#000000' }, testContext()))).toBe(true);
    expect(() => updateCode(codes, 'zzz', { name: 'X' }, testContext())).toThrow(DomainError);
  });
});

describe('moveCode', () => {
  // root → mid → leaf; other
  const codes = [code('root', 'Root'), code('mid', 'Mid', { parentId: 'root' }), code('leaf', 'Leaf', { parentId: 'mid' }), code('other', 'Other')];

  it('moves under another code and back to the top level', () => {
    const under = moveCode(codes, 'mid', 'other', testContext());
    expect(under.label).toBe('Move Mid under Other');
    expect(replay(under, codes).codes.get('mid')?.parentId).toBe('other');
    expect(replay(moveCode(codes, 'mid', null, testContext()), codes).codes.get('mid')?.parentId).toBeNull();
  });

  it('refuses cycles: under itself or a descendant', () => {
    expect(() => moveCode(codes, 'root', 'root', testContext())).toThrow(DomainError);
    expect(() => moveCode(codes, 'root', 'leaf', testContext())).toThrow('Cannot move “Root” into its own sub-code “Leaf”');
    expect(() => moveCode(codes, 'root', 'missing', testContext())).toThrow(DomainError);
  });

  it('puts the moved code after its new siblings, and a move to the same parent changes nothing', () => {
    const after = replay(moveCode(codes, 'leaf', null, testContext()), codes).codes;
    expect(flattenTree([...after.values()]).map((r) => r.code.id)).toEqual(['other', 'root', 'mid', 'leaf']);
    expect(after.get('leaf')).toMatchObject({ parentId: null, position: 2 });
    expect(isEmptyChange(moveCode(codes, 'mid', 'root', testContext()))).toBe(true);
  });
});

describe('reorderCode', () => {
  // Top level: a b c d (positions 0–3); under b: b1 b2 (no positions: by name).
  const codes = [
    code('a', 'A', { position: 0 }), code('b', 'B', { position: 1 }), code('c', 'C', { position: 2 }), code('d', 'D', { position: 3 }),
    code('b2', 'Second', { parentId: 'b' }), code('b1', 'First', { parentId: 'b' }),
  ];
  const order = (change: Change) => flattenTree([...replay(change, codes).codes.values()]).map((r) => r.code.id);

  it('moves a code among its siblings and writes only the siblings whose position changes', () => {
    const change = reorderCode(codes, 'd', null, 1, testContext());
    expect(change.label).toBe('Reorder D');
    expect(order(change)).toEqual(['a', 'd', 'b', 'b1', 'b2', 'c']);
    expect(Object.keys(change.forward.codes).sort()).toEqual(['b', 'c', 'd']);
    expect(change.forward.codes['d']).toEqual({ ...codes[3], position: 1, updatedAt: T1 });
    // Index counts the siblings without the code itself: 0 is first, their number is last.
    expect(order(reorderCode(codes, 'a', null, 3, testContext()))).toEqual(['b', 'b1', 'b2', 'c', 'd', 'a']);
    expect(order(reorderCode(codes, 'a', null, 99, testContext()))).toEqual(['b', 'b1', 'b2', 'c', 'd', 'a']);
    expect(order(reorderCode(codes, 'c', null, -5, testContext()))).toEqual(['c', 'a', 'b', 'b1', 'b2', 'd']);
  });

  it('returns an empty change when the code is already there', () => {
    expect(isEmptyChange(reorderCode(codes, 'b', null, 1, testContext()))).toBe(true);
  });

  it('numbers unordered siblings in their shown order', () => {
    const change = reorderCode(codes, 'b2', 'b', 0, testContext());
    expect(order(change)).toEqual(['a', 'b', 'b2', 'b1', 'c', 'd']);
    expect(change.forward.codes['b1']).toMatchObject({ position: 1 });
  });

  it('moves into another parent at an index, as one undoable change', () => {
    const change = reorderCode(codes, 'd', 'b', 1, testContext());
    expect(change.label).toBe('Move D under B');
    expect(order(change)).toEqual(['a', 'b', 'b1', 'd', 'b2', 'c']);
    expect(change.forward.codes['d']).toMatchObject({ parentId: 'b', position: 1 });
    expect(order(reorderCode(codes, 'b1', null, 0, testContext()))).toEqual(['b1', 'a', 'b', 'b2', 'c', 'd']);
  });

  it('refuses a sibling-name clash, a loop and unknown codes, like moveCode', () => {
    const clash = [...codes, code('x', 'first')];
    expect(() => reorderCode(clash, 'x', 'b', 0, testContext())).toThrow('“B” already has a sub-code named “First”');
    expect(() => reorderCode(codes, 'b', 'b1', 0, testContext())).toThrow('Cannot move “B” into its own sub-code “First”');
    expect(() => reorderCode(codes, 'b', 'b', 0, testContext())).toThrow(DomainError);
    expect(() => reorderCode(codes, 'zz', null, 0, testContext())).toThrow(DomainError);
    expect(() => reorderCode(codes, 'a', 'zz', 0, testContext())).toThrow(DomainError);
  });
});

describe('mergeCodes', () => {
  const codes = [
    code('src', 'Source'), code('tgt', 'Target'), code('kid', 'Kid', { parentId: 'src' }),
    code('tgtKid', 'TargetKid', { parentId: 'tgt' }), code('x', 'X'),
  ];
  const segments = [
    segment('s1', ['src']),
    segment('s2', ['x', 'src', 'tgt']),
    segment('s3', ['tgt', 'src']),
    segment('s4', ['x']),
  ];

  it('recodes segments (folding duplicates), moves children and deletes the source', () => {
    const change = mergeCodes(codes, segments, 'src', 'tgt', testContext());
    expect(change.label).toBe('Merge code Source into Target');
    const after = replay(change, codes, segments);
    expect(after.codes.has('src')).toBe(false);
    expect(after.codes.get('kid')).toMatchObject({ parentId: 'tgt', position: 1 }); // after the target's own
    expect(after.codes.get('tgtKid')?.position).toBe(0);
    expect(codeIdsOf(after.segments.get('s1')!)).toEqual(['tgt']);
    expect(codeIdsOf(after.segments.get('s2')!)).toEqual(['x', 'tgt']);
    expect(codeIdsOf(after.segments.get('s3')!)).toEqual(['tgt']);
    expect(after.segments.get('s4')).toBe(segments[3]);
    expect(Object.keys(change.forward.segments).sort()).toEqual(['s1', 's2', 's3']);
  });

  it('refuses merging into itself or into its own descendant', () => {
    expect(() => mergeCodes(codes, segments, 'src', 'src', testContext())).toThrow(DomainError);
    expect(() => mergeCodes(codes, segments, 'src', 'kid', testContext())).toThrow(DomainError);
    // Merging a child into its parent is fine.
    expect(replay(mergeCodes(codes, segments, 'tgtKid', 'tgt', testContext()), codes, segments).codes.has('tgtKid')).toBe(false);
  });
});

describe('deleteCode', () => {
  const codes = [code('top', 'Top'), code('doomed', 'Doomed', { parentId: 'top' }), code('c1', 'C1', { parentId: 'doomed' }), code('c2', 'C2', { parentId: 'doomed' }), code('keep', 'Keep')];
  const segments = [segment('only', ['doomed']), segment('shared', ['keep', 'doomed']), segment('other', ['keep'])];

  it('moves children up, strips the code from segments and deletes orphaned segments', () => {
    const change = deleteCode(codes, segments, 'doomed', testContext());
    expect(change.label).toBe('Delete code Doomed');
    const after = replay(change, codes, segments);
    expect(after.codes.has('doomed')).toBe(false);
    expect(after.codes.get('c1')?.parentId).toBe('top');
    expect(after.codes.get('c2')?.parentId).toBe('top');
    expect(flattenTree([...after.codes.values()]).map((r) => r.code.id)).toEqual(['keep', 'top', 'c1', 'c2']);
    expect(after.segments.has('only')).toBe(false);
    expect(codeIdsOf(after.segments.get('shared')!)).toEqual(['keep']);
    expect(after.segments.get('other')).toBe(segments[2]);
  });

  it('moves children of a top-level code to the top level', () => {
    const after = replay(deleteCode(codes, segments, 'top', testContext()), codes, segments);
    expect(after.codes.get('doomed')?.parentId).toBeNull();
    // In the deleted code's place: between the codes before and after it.
    const ordered = [code('p', 'P', { position: 0 }), code('q', 'Q', { position: 1 }), code('q1', 'Q1', { parentId: 'q' }), code('r', 'R', { position: 2 })];
    const flat = replay(deleteCode(ordered, [], 'q', testContext()), ordered).codes;
    expect(flattenTree([...flat.values()]).map((r) => r.code.id)).toEqual(['p', 'q1', 'r']);
  });
});
