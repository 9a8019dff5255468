import { describe, expect, it } from 'vitest';
import { reorderCode } from '../../domain/codebook';
import { applyRows } from '../../domain/context';
import { flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { treeCommand, typeaheadMatch, type KeyPress } from './treeKeys';
import { dropDestination, dropZoneAt, stepDestination, type Destination } from './treeMoves';
import { treeRows } from './treeRows';

const T0 = '2025-01-01T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null, position: number): Code => ({
  id, name, colour: '#000000', description: id === 'h' ? 'state-sponsored' : '', parentId, shortcut: null, position, createdAt: T0, updatedAt: T0,
});

// Threat (t) → Hybrid (h) → Cyber (c); Threat → Terror (r); Other (o); Zeal (z)
const codes = [
  code('t', 'Threat', null, 0), code('h', 'Hybrid', 't', 0), code('c', 'Cyber', 'h', 0), code('r', 'Terror', 't', 1),
  code('o', 'Other', null, 1), code('z', 'Zeal', null, 2),
];
const ids = (rows: { code: Code }[]) => rows.map((r) => r.code.id);

/** The tree order after moving `id` to `to`, through the domain operation the UI calls. */
function after(id: string, to: Destination | null): string[] {
  expect(to).not.toBeNull();
  const rows = new Map(codes.map((c) => [c.id, c]));
  applyRows(rows, reorderCode(codes, id, to!.parentId, to!.index, { now: T0, newId: () => 'x' }).forward.codes);
  return ids(flattenTree([...rows.values()]));
}

describe('treeRows', () => {
  it('gives levels, set sizes and positions, and leaves out collapsed branches', () => {
    const rows = treeRows(codes, new Set(), '');
    expect(rows.map((r) => [r.code.id, r.level, r.posInSet, r.setSize, r.hasChildren, r.expanded])).toEqual([
      ['t', 1, 1, 3, true, true], ['h', 2, 1, 2, true, true], ['c', 3, 1, 1, false, false], ['r', 2, 2, 2, false, false],
      ['o', 1, 2, 3, false, false], ['z', 1, 3, 3, false, false],
    ]);
    const collapsed = treeRows(codes, new Set(['h']), '');
    expect(ids(collapsed)).toEqual(['t', 'h', 'r', 'o', 'z']);
    expect(collapsed[1]).toMatchObject({ hasChildren: true, expanded: false });
    expect(ids(treeRows(codes, new Set(['t', 'h']), ''))).toEqual(['t', 'o', 'z']);
  });

  it('while filtering shows the matches (name or description) under their ancestors, opened', () => {
    const rows = treeRows(codes, new Set(['t']), 'STATE');
    expect(ids(rows)).toEqual(['t', 'h']);
    expect(rows[0]).toMatchObject({ expanded: true, setSize: 1 });
    expect(treeRows(codes, new Set(), 'nothing like it')).toEqual([]);
  });
});

describe('treeCommand (WAI-ARIA tree keys)', () => {
  const rows = treeRows(codes, new Set(['h']), '');
  const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  const at = (id: string) => rows.findIndex((r) => r.code.id === id);

  it('moves focus with the arrows, Home and End', () => {
    expect(treeCommand(rows, at('t'), press('ArrowDown'))).toEqual({ kind: 'focus', id: 'h' });
    expect(treeCommand(rows, at('h'), press('ArrowDown'))).toEqual({ kind: 'focus', id: 'r' }); // Cyber is collapsed away
    expect(treeCommand(rows, at('t'), press('ArrowUp'))).toBeNull();
    expect(treeCommand(rows, at('z'), press('ArrowDown'))).toBeNull();
    expect(treeCommand(rows, at('r'), press('Home'))).toEqual({ kind: 'focus', id: 't' });
    expect(treeCommand(rows, at('t'), press('End'))).toEqual({ kind: 'focus', id: 'z' });
  });

  it('Right opens a closed branch, then goes to its first child; Left closes, then goes to the parent', () => {
    expect(treeCommand(rows, at('h'), press('ArrowRight'))).toEqual({ kind: 'expand', id: 'h' });
    expect(treeCommand(rows, at('t'), press('ArrowRight'))).toEqual({ kind: 'focus', id: 'h' });
    expect(treeCommand(rows, at('o'), press('ArrowRight'))).toBeNull();
    expect(treeCommand(rows, at('t'), press('ArrowLeft'))).toEqual({ kind: 'collapse', id: 't' });
    expect(treeCommand(rows, at('r'), press('ArrowLeft'))).toEqual({ kind: 'focus', id: 't' });
    expect(treeCommand(rows, at('h'), press('ArrowLeft'))).toEqual({ kind: 'focus', id: 't' });
    expect(treeCommand(rows, at('o'), press('ArrowLeft'))).toBeNull();
  });

  it('Escape lets go of the selected code', () => {
    expect(treeCommand(rows, at('o'), press('Escape'))).toEqual({ kind: 'deselect' });
  });

  it('Enter and Space select, * opens the closed sibling branches, Alt+arrows move', () => {
    expect(treeCommand(rows, at('o'), press('Enter'))).toEqual({ kind: 'select', id: 'o' });
    expect(treeCommand(rows, at('o'), press(' '))).toEqual({ kind: 'select', id: 'o' });
    expect(treeCommand(rows, at('r'), press('*'))).toEqual({ kind: 'expandSiblings', ids: ['h'] });
    expect(treeCommand(rows, at('r'), press('ArrowUp', { altKey: true }))).toEqual({ kind: 'move', id: 'r', step: 'up' });
    expect(treeCommand(rows, at('r'), press('ArrowLeft', { altKey: true }))).toEqual({ kind: 'move', id: 'r', step: 'outdent' });
    expect(treeCommand(rows, at('r'), press('ArrowDown', { ctrlKey: true }))).toBeNull();
  });

  it('type-ahead finds the next code by prefix, wrapping, and steps through one repeated letter', () => {
    expect(typeaheadMatch(rows, at('t'), 't')).toBe('r');
    expect(typeaheadMatch(rows, at('r'), 't')).toBe('t');
    expect(typeaheadMatch(rows, at('r'), 'te')).toBe('r');
    expect(typeaheadMatch(rows, at('t'), 'tt')).toBe('r');
    expect(typeaheadMatch(rows, at('t'), 'q')).toBeNull();
  });
});

describe('moves by keyboard step and by drop', () => {
  it('steps up and down among siblings, in under the sibling above and out after the parent', () => {
    expect(after('o', stepDestination(codes, 'o', 'up'))).toEqual(['o', 't', 'h', 'c', 'r', 'z']);
    expect(after('o', stepDestination(codes, 'o', 'down'))).toEqual(['t', 'h', 'c', 'r', 'z', 'o']);
    expect(after('o', stepDestination(codes, 'o', 'indent'))).toEqual(['t', 'h', 'c', 'r', 'o', 'z']);
    expect(after('h', stepDestination(codes, 'h', 'outdent'))).toEqual(['t', 'r', 'h', 'c', 'o', 'z']);
    expect(stepDestination(codes, 't', 'up')).toBeNull();
    expect(stepDestination(codes, 'z', 'down')).toBeNull();
    expect(stepDestination(codes, 't', 'indent')).toBeNull();
    expect(stepDestination(codes, 'o', 'outdent')).toBeNull();
  });

  it('drops before, after or inside a row, never inside its own branch', () => {
    expect(after('z', dropDestination(codes, 'z', 'h', 'before'))).toEqual(['t', 'z', 'h', 'c', 'r', 'o']);
    expect(after('z', dropDestination(codes, 'z', 'h', 'after'))).toEqual(['t', 'h', 'c', 'z', 'r', 'o']);
    expect(after('z', dropDestination(codes, 'z', 'h', 'inside'))).toEqual(['t', 'h', 'c', 'z', 'r', 'o']);
    expect(after('t', dropDestination(codes, 't', 'z', 'after'))).toEqual(['o', 'z', 't', 'h', 'c', 'r']);
    expect(dropDestination(codes, 't', 'c', 'before')).toBeNull();
    expect(dropDestination(codes, 't', 'h', 'inside')).toBeNull();
    expect(dropDestination(codes, 't', 't', 'inside')).toBeNull();
    expect(dropDestination(codes, 't', 't', 'after')).toBeNull();
  });

  it('reads the zone from the pointer: edges reorder, the middle nests', () => {
    expect(dropZoneAt(101, 100, 30)).toBe('before');
    expect(dropZoneAt(115, 100, 30)).toBe('inside');
    expect(dropZoneAt(129, 100, 30)).toBe('after');
  });
});
