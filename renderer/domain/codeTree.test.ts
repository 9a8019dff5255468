import { describe, expect, it } from 'vitest';
import { rollUpCounts } from './codeCounts';
import { flattenTree, siblingsInOrder } from './codeTree';
import type { Code } from './model';

const T0 = '2025-01-01T00:00:00.000Z';

function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return { id, name, colour: '#000000', description: '', parentId: null, shortcut: null, createdAt: T0, updatedAt: T0, ...extra };
}

const names = (codes: Code[]) => flattenTree(codes).map((r) => `${'  '.repeat(r.depth)}${r.code.name}`);

describe('flattenTree', () => {
  it('orders siblings by position, depth first', () => {
    const codes = [
      code('b', 'Beta', { position: 0 }), code('a', 'Alpha', { position: 1 }),
      code('b2', 'Two', { parentId: 'b', position: 1 }), code('b1', 'One', { parentId: 'b', position: 0 }),
    ];
    expect(names(codes)).toEqual(['Beta', '  One', '  Two', 'Alpha']);
  });

  it('puts codes without a position after the ordered ones, by name; ties by name', () => {
    const codes = [code('z', 'Zulu'), code('m', 'Mike'), code('y', 'Yankee', { position: 3 }), code('x', 'Xray', { position: 3 }), code('w', 'Whiskey', { position: 7 })];
    expect(names(codes)).toEqual(['Xray', 'Yankee', 'Whiskey', 'Mike', 'Zulu']);
    expect(siblingsInOrder(codes, null).map((c) => c.id)).toEqual(['x', 'y', 'w', 'm', 'z']);
  });

  it('shows a code whose parent is missing at the top level and skips a parent loop', () => {
    const codes = [code('o', 'Orphan', { parentId: 'gone' }), code('l1', 'Loop 1', { parentId: 'l2' }), code('l2', 'Loop 2', { parentId: 'l1' })];
    expect(names(codes)).toEqual(['Orphan']);
  });
});

describe('rollUpCounts', () => {
  // Threat framing (1) → Hybrid (3) → Cyber (2); Threat framing → Terror (4); Other (5)
  const codes = [
    code('t', 'Threat framing'), code('h', 'Hybrid', { parentId: 't' }), code('c', 'Cyber', { parentId: 'h' }),
    code('r', 'Terror', { parentId: 't' }), code('o', 'Other'), code('e', 'Empty', { parentId: 'o' }),
  ];
  const own = new Map([['t', 1], ['h', 3], ['c', 2], ['r', 4], ['o', 5]]);

  it('adds every descendant once to each ancestor, keeping the own count', () => {
    const counts = rollUpCounts(codes, own);
    expect(counts.get('t')).toEqual({ own: 1, withSubcodes: 10 });
    expect(counts.get('h')).toEqual({ own: 3, withSubcodes: 5 });
    expect(counts.get('c')).toEqual({ own: 2, withSubcodes: 2 });
    expect(counts.get('o')).toEqual({ own: 5, withSubcodes: 5 });
    expect(counts.get('e')).toEqual({ own: 0, withSubcodes: 0 });
  });

  it('ignores counts of codes no longer in the codebook and survives a parent loop', () => {
    const looped = [...codes, code('l1', 'Loop 1', { parentId: 'l2' }), code('l2', 'Loop 2', { parentId: 'l1' })];
    const counts = rollUpCounts(looped, new Map([...own, ['gone', 9], ['l1', 2]]));
    expect(counts.get('t')?.withSubcodes).toBe(10);
    expect(counts.get('l1')).toEqual({ own: 2, withSubcodes: 2 });
    expect(counts.has('gone')).toBe(false);
  });
});
