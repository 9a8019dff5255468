import { codeIdsOf } from './codings';
import { describe, expect, it } from 'vitest';
import { DomainError, type Change } from './change';
import { createCode, deleteCode, mergeCodes, moveCode, updateCode } from './codebook';
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
      id: 'new-1', name: 'Beta', colour: PALETTE[1], description: 'd', parentId: null, shortcut: null, createdAt: T1, updatedAt: T1,
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
    expect(after.codes.get('a')).toEqual({ ...codes[0], shortcut: null, updatedAt: T1 });
    expect(after.codes.get('new-1')?.shortcut).toBe(3);
    expect(after.codes.get('b')).toEqual(codes[1]);
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
    expect(after.codes.get('kid')?.parentId).toBe('tgt');
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
    expect(after.segments.has('only')).toBe(false);
    expect(codeIdsOf(after.segments.get('shared')!)).toEqual(['keep']);
    expect(after.segments.get('other')).toBe(segments[2]);
  });

  it('moves children of a top-level code to the top level', () => {
    const after = replay(deleteCode(codes, segments, 'top', testContext()), codes, segments);
    expect(after.codes.get('doomed')?.parentId).toBeNull();
  });
});
