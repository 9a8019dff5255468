import { describe, expect, it } from 'vitest';
import { reanchorAll } from './anchoring';
import { applyRows } from './context';
import type { Segment } from './model';
import { rebaseSegments } from './rebase';
import { applyCode } from './segments';

const ctx = { now: '2025-01-01T00:00:00.000Z', newId: () => 'seg-1' };

function coded(text: string, quote: string): Segment {
  const start = text.indexOf(quote);
  return applyCode([], { documentId: 'd', documentHash: 'old', text, start, end: start + quote.length }, 'c1', 'Ada', ctx).segment;
}

describe('rebaseSegments', () => {
  it('writes the new offsets and context of a moved segment, and undoes exactly', () => {
    const before = 'Ministers met in Paris. The Coalition 🙂 stays united.';
    const segment = coded(before, 'The Coalition 🙂 stays');
    const after = 'Foreign ministers met in Paris on Tuesday. The Coalition 🙂 stays united.';
    const { placed, unplaced } = reanchorAll([segment], after);
    expect(unplaced).toEqual([]);
    const change = rebaseSegments(placed, after, 'new', ctx);
    const row = change.forward.segments['seg-1']!;
    expect(after.slice(row.start, row.end)).toBe('The Coalition 🙂 stays');
    expect(row.prefix).toBe(after.slice(Math.max(0, row.start - 32), row.start));
    expect(row.documentHash).toBe('new');
    const table = new Map([[segment.id, segment]]);
    applyRows(table, change.forward.segments);
    expect(table.get(segment.id)).toEqual(row);
    applyRows(table, change.backward.segments);
    expect(table.get(segment.id)).toEqual(segment);
  });

  it('leaves segments in place when nothing changed, and never touches unplaced ones', () => {
    const text = 'Nothing changed here.';
    const segment = { ...coded(text, 'changed'), documentHash: 'h' };
    const { placed } = reanchorAll([segment], text);
    expect(Object.keys(rebaseSegments(placed, text, 'h', ctx).forward.segments)).toEqual([]);
    const { placed: none, unplaced } = reanchorAll([segment], 'Entirely different text.');
    expect(unplaced).toHaveLength(1);
    expect(Object.keys(rebaseSegments(none, 'Entirely different text.', 'h', ctx).forward.segments)).toEqual([]);
  });
});
