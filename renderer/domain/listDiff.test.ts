import { describe, expect, it } from 'vitest';
import { changedMiddle } from './listDiff';

const o = (id: string) => ({ id });

describe('changedMiddle', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(o) as [ReturnType<typeof o>, ReturnType<typeof o>, ReturnType<typeof o>, ReturnType<typeof o>];

  it('finds an appended, a replaced and a removed item by reference', () => {
    expect(changedMiddle([a, b], [a, b, c])).toEqual({ removed: [], added: [c] });
    const b2 = o('b');
    const replaced = changedMiddle([a, b, c], [a, b2, c]);
    expect(replaced.removed[0]).toBe(b);
    expect(replaced.added[0]).toBe(b2);
    expect(changedMiddle([a, b, c], [a, c])).toEqual({ removed: [b], added: [] });
    expect(changedMiddle([a, b], [a, b])).toEqual({ removed: [], added: [] });
  });

  it('does not count an item twice when head and tail meet (repeated items)', () => {
    expect(changedMiddle([a, a], [a, a, a])).toEqual({ removed: [], added: [a] });
    expect(changedMiddle([a, a, a], [a])).toEqual({ removed: [a, a], added: [] });
  });

  it('is always sufficient: removing, then adding, turns the old set into the new one', () => {
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pool = [a, b, c, d, o('e'), o('f')];
    for (let k = 0; k < 500; k++) {
      const previous = pool.filter(() => rnd(2));
      const next = rnd(2) ? previous.filter(() => rnd(5)) : [...previous].sort(() => rnd(3) - 1);
      if (rnd(2)) next.splice(rnd(next.length + 1), 0, o('new'));
      const { removed, added } = changedMiddle(previous, next);
      const set = new Set(previous);
      for (const x of removed) set.delete(x);
      for (const x of added) set.add(x);
      expect(set).toEqual(new Set(next));
    }
  });
});
