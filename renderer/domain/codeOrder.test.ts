import { describe, expect, it } from 'vitest';
import { joinSiblings } from './codeOrder';
import { flattenTree } from './codeTree';
import type { Code } from './model';

const T = '2024-01-01T00:00:00.000Z';
const NOW = '2026-02-02T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null = null, position?: number): Code => ({
  id, name, colour: '#336699', description: '', parentId, shortcut: null, ...(position === undefined ? {} : { position }), createdAt: T, updatedAt: T,
});
const names = (codes: readonly Code[]) => flattenTree(codes).map(({ code, depth }) => `${'  '.repeat(depth)}${code.name}`);

describe('joinSiblings', () => {
  it('puts joining codes after the positioned codes already under their parent, in their own order', () => {
    const current = [code('z', 'Zeta', null, 0), code('a', 'Alpha', null, 3), code('k', 'Kid', 'a', 0)];
    const joining = [code('n2', 'Beta', null, 1), code('n1', 'Yankee', null, 0), code('n3', 'Kit', 'a', 0)];
    const { added, renumbered } = joinSiblings(current, joining, NOW);
    expect(renumbered).toEqual([]);
    expect(added.map((c) => [c.id, c.position])).toEqual([['n2', 5], ['n1', 4], ['n3', 1]]);
    expect(names([...current, ...added])).toEqual(['Zeta', 'Alpha', '  Kid', '  Kit', 'Yankee', 'Beta']);
  });

  it('first numbers codes already there that have no position, in the order they are shown (by name)', () => {
    const current = [code('m', 'Middle'), code('a', 'Alpha'), code('p', 'Placed', null, 0)];
    const { added, renumbered } = joinSiblings(current, [code('n', 'Aardvark', null, 0)], NOW);
    expect(renumbered).toEqual([{ ...current[1], position: 1, updatedAt: NOW }, { ...current[0], position: 2, updatedAt: NOW }]);
    expect(added[0]!.position).toBe(3);
    expect(names([current[2]!, ...renumbered, ...added])).toEqual(['Placed', 'Alpha', 'Middle', 'Aardvark']);
  });

  it('leaves codes under a parent that joins with them as they are', () => {
    const current = [code('x', 'X', null, 0)];
    const joining = [code('p', 'P', null, 0), code('c2', 'Second', 'p', 1), code('c1', 'First', 'p', 0), code('loose', 'No position', 'p')];
    const { added } = joinSiblings(current, joining, NOW);
    expect(added.slice(1)).toEqual(joining.slice(1));
    expect(names([...current, ...added])).toEqual(['X', 'P', '  First', '  Second', '  No position']);
  });

  it('orders joining codes without positions (an older backup) by name, as they were shown', () => {
    const { added } = joinSiblings([], [code('b', 'Beta'), code('a', 'alpha')], NOW);
    expect(added.map((c) => [c.id, c.position])).toEqual([['b', 1], ['a', 0]]);
  });
});
