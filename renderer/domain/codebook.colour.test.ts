import { describe, expect, it } from 'vitest';
import { createCode } from './codebook';
import type { OpContext } from './context';
import type { Code } from './model';
import { isReadableHighlight, PALETTE } from './palette';

const T = '2025-01-01T00:00:00.000Z';
const ctx = (id: string): OpContext => ({ now: T, newId: () => id });

describe('createCode colours', () => {
  it('gives top-level codes palette colours without repeats and sub-codes shades of their parent', () => {
    let codes: Code[] = [];
    for (let i = 0; i < PALETTE.length; i++) codes = [...codes, createCode(codes, { name: `Top ${i}` }, ctx(`t${i}`)).code];
    expect(new Set(codes.map((c) => c.colour)).size).toBe(PALETTE.length);

    const parent = codes[0]!;
    const child = createCode(codes, { name: 'Child', parentId: parent.id }, ctx('c1')).code;
    const sibling = createCode([...codes, child], { name: 'Sibling', parentId: parent.id }, ctx('c2')).code;
    for (const c of [child, sibling]) {
      expect(PALETTE).not.toContain(c.colour);
      expect(isReadableHighlight(c.colour)).toBe(true);
    }
    expect(child.colour).not.toBe(sibling.colour);
    // Shades do not use up the palette: the next top-level code starts its second round.
    expect(createCode([...codes, child, sibling], { name: 'Next' }, ctx('n')).code.colour).toBe(PALETTE[0]);
  });

  it('keeps a colour given explicitly', () => {
    expect(createCode([], { name: 'X', colour: '#ABCDEF' }, ctx('x')).code.colour).toBe('#abcdef');
  });
});
