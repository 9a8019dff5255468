import { describe, expect, it } from 'vitest';
import { findMatches } from './findMatches';

describe('findMatches', () => {
  it('finds every case-insensitive occurrence with UTF-16 offsets', () => {
    const text = 'Coalition 🙂 coalition COALITION';
    const m = findMatches(text, 'coalition');
    expect(m).toHaveLength(3);
    for (const { start, end } of m) expect(text.slice(start, end).toLowerCase()).toBe('coalition');
    expect(m[1]!.start).toBe('Coalition 🙂 '.length);
  });

  it('finds Arabic and overlapping repeats, and nothing for an empty query', () => {
    expect(findMatches('التحالف الدولي التحالف', 'التحالف')).toEqual([
      { start: 0, end: 7 },
      { start: 15, end: 22 },
    ]);
    expect(findMatches('aaaa', 'aa')).toHaveLength(3);
    expect(findMatches('text', '')).toEqual([]);
  });

  it('falls back to exact case where lower-casing changes the length', () => {
    // "İ" lower-cases to two code units; positions must still be those of the original text.
    const text = 'İstanbul and Ankara';
    const m = findMatches(text, 'Ankara');
    expect(m).toEqual([{ start: 13, end: 19 }]);
  });
});
