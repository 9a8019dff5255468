import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural, with thousands separated', () => {
    expect(plural(1, 'segment')).toBe('1 segment');
    expect(plural(0, 'segment')).toBe('0 segments');
    expect(plural(2, 'code was', 'codes were')).toBe('2 codes were');
    expect(plural(1, 'code has', 'codes have')).toBe('1 code has');
    expect(plural(1204, 'coding')).toBe('1,204 codings');
  });
});
