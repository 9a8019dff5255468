import { describe, expect, it } from 'vitest';
import type { Segment } from './model';
import { SegmentTable, type SegmentRows } from './segmentTable';

const T0 = '2025-01-01T00:00:00.000Z';
const seg = (id: string, documentId: string, codeIds: string[], start = 0): Segment => ({
  id,
  documentId,
  documentHash: 'h',
  start,
  end: start + 5,
  quote: 'hello',
  prefix: '',
  suffix: '',
  codings: codeIds.map((codeId) => ({ id: `${id}/${codeId}`, codeId, coder: 'Ada', createdAt: T0 })),
  memo: '',
  createdAt: T0,
  updatedAt: T0,
});

/** What the table must agree with: everything recomputed from a plain list. */
function naive(list: readonly Segment[]) {
  const docs = new Map<string, string[]>();
  const codes = new Map<string, number>();
  for (const s of list) {
    docs.set(s.documentId, [...(docs.get(s.documentId) ?? []), s.id]);
    for (const { codeId: c } of s.codings) codes.set(c, (codes.get(c) ?? 0) + 1);
  }
  return { docs, codes, size: list.length };
}

function observed(table: SegmentTable, documentIds: readonly string[]) {
  const docs = new Map<string, string[]>();
  for (const d of documentIds) if (table.countInDocument(d)) docs.set(d, table.inDocument(d).map((s) => s.id));
  return { docs, codes: new Map(table.codeCounts), size: table.size };
}

describe('SegmentTable', () => {
  it('groups by document and counts per document and per code', () => {
    const t = SegmentTable.of([seg('a', 'd1', ['x']), seg('b', 'd2', ['x', 'y']), seg('c', 'd1', ['y'])]);
    expect(t.inDocument('d1').map((s) => s.id)).toEqual(['a', 'c']);
    expect(t.countInDocument('d2')).toBe(1);
    expect(t.countInDocument('nowhere')).toBe(0);
    expect(t.inDocument('nowhere')).toEqual([]);
    expect(Object.fromEntries(t.codeCounts)).toEqual({ x: 2, y: 2 });
    expect(t.size).toBe(3);
    expect(t.all().map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
    expect(t.find('b')?.documentId).toBe('d2');
  });

  it('keeps updated rows in place, appends new ones, removes deleted ones, and leaves other documents as they were', () => {
    const before = SegmentTable.of([seg('a', 'd1', ['x']), seg('b', 'd1', ['x']), seg('c', 'd2', ['y'])]);
    const d2 = before.inDocument('d2');
    const renamed = seg('a', 'd1', ['x', 'z']);
    const after = before.apply({ a: renamed, b: null, n: seg('n', 'd1', ['y']) }, { a: before.find('a')!, b: before.find('b')!, n: null });
    expect(after.inDocument('d1')).toEqual([renamed, seg('n', 'd1', ['y'])]);
    expect(after.inDocument('d2')).toBe(d2);
    expect(Object.fromEntries(after.codeCounts)).toEqual({ x: 1, y: 2, z: 1 });
    expect(after.size).toBe(3);
    // The old table is untouched.
    expect(before.inDocument('d1').map((s) => s.id)).toEqual(['a', 'b']);
    expect(before.size).toBe(3);
  });

  it('ignores removals of rows it does not have, and undo (the backward rows) restores the table', () => {
    const before = SegmentTable.of([seg('s1', 'd1', ['x'])]);
    const forward: SegmentRows = { s1: null, ghost: null, s2: seg('s2', 'd1', ['y']) };
    const backward: SegmentRows = { s1: before.find('s1')!, ghost: null, s2: null };
    const after = before.apply(forward, backward);
    expect(after.all().map((s) => s.id)).toEqual(['s2']);
    const undone = after.apply(backward, forward);
    expect(undone.all()).toEqual(before.all());
    expect(undone.codeCounts).toEqual(before.codeCounts);
  });

  it('replays a change over a read that already holds its row (before says it did not exist): no duplicate', () => {
    const stored = seg('n', 'd1', ['x']);
    const read = SegmentTable.of([seg('a', 'd1', ['x']), stored]);
    const replayed = read.reapply({ n: stored }, { n: null });
    expect(replayed.inDocument('d1').map((s) => s.id)).toEqual(['a', 'n']);
    expect(replayed.size).toBe(2);
    expect(replayed.codeCounts.get('x')).toBe(2);
  });

  // Small changes (a coding) go row by row, large ones (a read, an import) document by document.
  it.each([
    ['small', 4],
    ['large', 40],
  ])('agrees with a recount after any sequence of %s changes, with or without the rows as they were', (_, most) => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const documents = ['d1', 'd2', 'd3', 'd4'];
    let list: Segment[] = [];
    let table = SegmentTable.empty;
    for (let step = 0; step < 300; step++) {
      const after: Record<string, Segment | null> = {};
      const before: Record<string, Segment | null> = {};
      for (let k = 0, n = 1 + rnd(most); k < n; k++) {
        const id = `s${rnd(60)}`;
        if (id in after) continue;
        const old = list.find((s) => s.id === id) ?? null;
        // Mostly in the same document (as in the app), sometimes moved, sometimes removed.
        const doc = old && rnd(5) ? old.documentId : documents[rnd(documents.length)]!;
        after[id] = rnd(4) === 0 ? null : seg(id, doc, [`c${rnd(6)}`, `c${6 + rnd(3)}`], rnd(100));
        // The rows as they were: the table's own, or equal copies (as read back from storage).
        before[id] = old && rnd(2) ? { ...old } : old;
      }
      table = table.apply(after, rnd(3) ? before : undefined);
      for (const [id, row] of Object.entries(after)) {
        const at = list.findIndex((s) => s.id === id);
        if (at >= 0 && (!row || row.documentId !== list[at]!.documentId)) list.splice(at, 1);
        else if (at >= 0 && row) list[at] = row;
        if (row && (at < 0 || row.documentId !== before[id]?.documentId)) list.push(row);
      }
      expect(observed(table, documents)).toEqual(naive(list));
    }
  });
});
