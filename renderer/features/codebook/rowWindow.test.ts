import { describe, expect, it } from 'vitest';
import { OVERSCAN, WINDOW_FROM, rowRange, scrollToShow } from './rowWindow';
import { treeRows } from './treeRows';
import type { Code } from '../../domain/model';

describe('rowRange', () => {
  it('renders a short tree whole', () => {
    expect(rowRange(WINDOW_FROM - 1, 5000, 600, 30)).toEqual({ first: 0, end: WINDOW_FROM - 1 });
  });

  it('renders the rows in view and OVERSCAN either side of a long tree', () => {
    expect(rowRange(20_000, 3000, 600, 30)).toEqual({ first: 100 - OVERSCAN, end: 120 + OVERSCAN });
    expect(rowRange(20_000, 0, 600, 30)).toEqual({ first: 0, end: 20 + OVERSCAN });
  });

  it('keeps a full window at the end of the tree', () => {
    expect(rowRange(20_000, 30 * 20_000, 600, 30)).toEqual({ first: 20_000 - 20 - OVERSCAN, end: 20_000 });
  });
});

describe('scrollToShow', () => {
  it('scrolls a row above or below the view just into it, and leaves a shown row alone', () => {
    expect(scrollToShow(10, 3000, 600, 30)).toBe(300);
    expect(scrollToShow(200, 3000, 600, 30)).toBe(200 * 30 + 30 - 600);
    expect(scrollToShow(105, 3000, 600, 30)).toBe(3000);
  });
});

describe('treeRows of 20,000 codes', () => {
  it('lays them out within the default timeout (a quadratic path would not)', () => {
    const now = '2024-01-01T00:00:00.000Z';
    const codes: Code[] = Array.from({ length: 20_000 }, (_, i) => {
      const parentId = i % 4 === 0 ? null : `c-${i - (i % 4)}`;
      return { id: `c-${i}`, name: parentId ? `Aspect ${i % 4}` : `Theme ${i / 4}`, colour: '#e15759', description: '', parentId, shortcut: null, createdAt: now, updatedAt: now };
    });
    const rows = treeRows(codes, new Set(), '');
    expect(rows).toHaveLength(20_000);
    expect(rows[1]).toMatchObject({ level: 2, setSize: 3, posInSet: 1 });
    expect(rowRange(rows.length, 0, 600, 30).end).toBe(20 + OVERSCAN);
  });
});
