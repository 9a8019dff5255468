import { describe, expect, it } from 'vitest';
import { orderRightToLeftRuns, type PlacedItem } from './rtlRuns';

const item = (str: string, x: number, width: number, hasEOL = false, upright = true): PlacedItem => ({
  str,
  hasEOL,
  transform: [11, upright ? 0 : 1, 0, 11, x, 700],
  width,
});
const text = (items: PlacedItem[]) => orderRightToLeftRuns(items).map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');

describe('right-to-left runs drawn a glyph at a time', () => {
  it('are read right to left, marks with the letter they sit on, spaces pdf.js made up dropped', () => {
    // "قال محمد" as Chromium draws it: محمد on the left, قال on the right, a glyph an item.
    const line = [
      item('Said ', 10, 30),
      item('د', 40, 8),
      item(' ', 48, 0),
      item('م', 48, 9),
      item('ح', 57, 10),
      item('\u064F', 66.6, 0), // a damma on the letter that starts at 66.5 (the joined letters overlap)
      item('م', 66.5, 8),
      item(' ', 74.5, 6),
      item('ل', 80.5, 10),
      item('ا', 90.5, 5),
      item('ق', 95.5, 7, true),
      item('next line', 10, 50),
    ];
    expect(text(line)).toBe('Said قال مُحمد\nnext line');
  });

  it('leave alone what pdf.js already ordered: one item, Latin, numbers and rotated text', () => {
    expect(text([item('قال محمد', 10, 50), item(' ok', 60, 20)])).toBe('قال محمد ok');
    expect(text([item('د', 40, 8), item('2026', 48, 20), item('ق', 68, 7)])).toBe('د2026ق');
    expect(text([item('د', 40, 8, false, false), item('ق', 48, 7, false, false)])).toBe('دق');
  });
});
