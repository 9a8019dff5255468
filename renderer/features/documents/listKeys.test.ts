import { describe, expect, it } from 'vitest';
import { listStep, tabStop } from './listKeys';

describe('Documents list keys', () => {
  it('arrows move one entry and stop at the ends; Home and End jump', () => {
    expect(listStep('ArrowDown', 0, 3)).toBe(1);
    expect(listStep('ArrowDown', 2, 3)).toBe(2);
    expect(listStep('ArrowUp', 1, 3)).toBe(0);
    expect(listStep('ArrowUp', 0, 3)).toBe(0);
    expect(listStep('Home', 2, 3)).toBe(0);
    expect(listStep('End', 0, 3)).toBe(2);
  });

  it('other keys, and an empty list, do nothing', () => {
    expect(listStep('Enter', 0, 3)).toBeNull();
    expect(listStep('a', 0, 3)).toBeNull();
    expect(listStep('ArrowDown', 0, 0)).toBeNull();
  });

  it('the Tab stop is the entry last focused, else the open document, else the first', () => {
    expect(tabStop(['a', 'b', 'c'], 'c', 'b')).toBe('c');
    expect(tabStop(['a', 'b', 'c'], 'gone', 'b')).toBe('b');
    expect(tabStop(['a', 'b', 'c'], null, null)).toBe('a');
    expect(tabStop([], null, 'b')).toBeNull();
  });
});
