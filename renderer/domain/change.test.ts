import { describe, expect, it } from 'vitest';
import { combineChanges, emptyPatch, type Change } from './change';
import { applyRows } from './context';
import type { Code } from './model';

const T = '2025-01-01T00:00:00.000Z';
const code = (id: string, name: string): Code => ({
  id, name, colour: '#e15759', description: '', parentId: null, shortcut: null, createdAt: T, updatedAt: T,
});

function change(label: string, rows: Array<[string, Code | null, Code | null]>): Change {
  const c: Change = { label, forward: emptyPatch(), backward: emptyPatch() };
  for (const [id, before, after] of rows) {
    c.forward.codes[id] = after;
    c.backward.codes[id] = before;
  }
  return c;
}

describe('combineChanges', () => {
  it('does both changes forward and restores the state before the first backward', () => {
    const a = code('a', 'A');
    const renamed = { ...a, name: 'A2' };
    const again = { ...a, name: 'A3' };
    const b = code('b', 'B');
    // First creates b and renames a; second renames a again and creates "__proto__".
    const first = change('first', [['b', null, b], ['a', a, renamed]]);
    const second = change('second', [['a', renamed, again], ['__proto__', null, code('__proto__', 'P')]]);
    const both = combineChanges('both', first, second);
    expect(both.label).toBe('both');

    const rows = new Map([['a', a]]);
    applyRows(rows, both.forward.codes);
    expect([...rows.keys()].sort()).toEqual(['__proto__', 'a', 'b']);
    expect(rows.get('a')!.name).toBe('A3');
    applyRows(rows, both.backward.codes);
    expect(rows).toEqual(new Map([['a', a]]));
  });

  it('leaves the two changes untouched', () => {
    const first = change('first', [['a', null, code('a', 'A')]]);
    const second = change('second', [['a', code('a', 'A'), null]]);
    combineChanges('both', first, second);
    expect(Object.keys(first.forward.codes)).toEqual(['a']);
    expect(first.forward.codes['a']).not.toBeNull();
    expect(second.forward.codes['a']).toBeNull();
  });
});
